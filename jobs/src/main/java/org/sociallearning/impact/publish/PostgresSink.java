package org.sociallearning.impact.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.config.ConfigException;
import org.sociallearning.impact.config.OutputSettings.JdbcSettings;
import org.sociallearning.impact.schemas.TableContract;

/**
 * Publish step for dashboards ({@code output.jdbc}): writes a published run's tables to PostgreSQL
 * in one transaction. Each table is loaded into a staging table, then every old table is dropped
 * and its staging table renamed to the final name, and only then does the transaction commit.
 * Readers see the previous night or the new one, never a mix: PostgreSQL's DDL is transactional,
 * and the swap waits (up to {@link #LOCK_TIMEOUT}) for queries still reading the old tables. A
 * failure rolls everything back and leaves the previous tables.
 */
public final class PostgresSink {

  /** How long the swap waits for dashboard queries holding the old tables. */
  static final String LOCK_TIMEOUT = "5min";

  static final String APPLICATION_NAME = "social-learning-impact";
  private static final int BATCH = 1000;
  private static final String DEPENDENT_OBJECTS = "2BP01";

  /** One published table: its contract and its rows in the contract's column order. */
  public record Table(TableContract contract, List<Row> rows) {}

  /** What one load wrote: tables replaced, rows inserted, tables dropped as not published. */
  public record Result(int tables, long rows, List<String> dropped) {}

  private final JdbcSettings settings;
  private final String password;

  private PostgresSink(JdbcSettings settings, String password) {
    this.settings = settings;
    this.password = password;
  }

  /**
   * A sink for {@code settings}, its password read from the environment variable named by {@code
   * password_env} (none: the server must not ask for one, e.g. a {@code .pgpass} file).
   *
   * @throws ConfigException when that variable is not set
   */
  public static PostgresSink of(JdbcSettings settings, UnaryOperator<String> environment) {
    String password = null;
    if (settings.passwordEnv() != null) {
      password = environment.apply(settings.passwordEnv());
      if (password == null || password.isEmpty()) {
        throw new ConfigException(
            "output.jdbc.password_env names "
                + settings.passwordEnv()
                + ", which is not set in the environment: export it with the password of "
                + settings.user());
      }
    }
    return new PostgresSink(settings, password);
  }

  /**
   * Replaces the tables of the configured schema with {@code tables} and drops the {@code
   * unpublished} ones (tables this job can publish that this run did not, such as
   * first_deal_comparison without a CRM source), all in one transaction.
   */
  public Result load(String runId, List<Table> tables, Collection<String> unpublished) {
    List<PostgresTable> targets = new ArrayList<>();
    tables.forEach(t -> targets.add(new PostgresTable(settings.schema(), t.contract())));
    try (Connection db = connect()) {
      db.setAutoCommit(false);
      try {
        long rows = 0;
        try (Statement sql = db.createStatement()) {
          sql.execute("CREATE SCHEMA IF NOT EXISTS " + PostgresTable.quote(settings.schema()));
          // Two outputs configured with the same schema load one after the other.
          sql.execute(
              "SELECT pg_advisory_xact_lock(hashtext("
                  + literal(APPLICATION_NAME + ":" + settings.schema())
                  + "))");
        }
        for (int i = 0; i < targets.size(); i++) {
          rows += stage(db, targets.get(i), runId, tables.get(i).rows());
        }
        List<String> dropped = swap(db, targets, unpublished);
        db.commit();
        return new Result(targets.size(), rows, dropped);
      } catch (SQLException | RuntimeException e) {
        try {
          db.rollback();
        } catch (SQLException lost) {
          e.addSuppressed(lost); // the server ends the transaction when the connection closes
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseSinkException(
          "database sink: loading run "
              + runId
              + " into schema "
              + settings.schema()
              + " at "
              + settings.url()
              + " failed: "
              + firstLine(e)
              + "; the files were published, the database keeps the previous run's tables",
          e);
    }
  }

  private Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", settings.user());
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("ApplicationName", APPLICATION_NAME);
    props.setProperty("reWriteBatchedInserts", "true");
    // The driver directly, not DriverManager: under spark-submit the driver jar sits in a
    // class loader DriverManager does not search.
    Connection db = new org.postgresql.Driver().connect(settings.url(), props);
    if (db == null) {
      throw new SQLException("the PostgreSQL driver does not accept the URL " + settings.url());
    }
    return db;
  }

  /** Creates and fills the staging table of {@code t}; returns the rows inserted. */
  private static long stage(Connection db, PostgresTable t, String runId, List<Row> rows)
      throws SQLException {
    try (Statement sql = db.createStatement()) {
      sql.execute("DROP TABLE IF EXISTS " + t.qualifiedStaging());
      sql.execute(t.createStaging());
      for (String comment : t.comments(runId)) {
        sql.addBatch(comment);
      }
      sql.executeBatch();
    }
    try (PreparedStatement insert = db.prepareStatement(t.insertStaging())) {
      int pending = 0;
      for (Row r : rows) {
        t.bind(insert, r);
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
    return rows.size();
  }

  /** Old tables out, staging tables in; returns the unpublished tables that were dropped. */
  private List<String> swap(
      Connection db, List<PostgresTable> targets, Collection<String> unpublished)
      throws SQLException {
    List<String> dropped = new ArrayList<>();
    try (Statement sql = db.createStatement()) {
      sql.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
      for (PostgresTable t : targets) {
        sql.execute("DROP TABLE IF EXISTS " + t.qualified());
        sql.execute(
            "ALTER TABLE " + t.qualifiedStaging() + " RENAME TO " + PostgresTable.quote(t.name()));
      }
      for (String name : unpublished) {
        String qualified = PostgresTable.quote(settings.schema()) + "." + PostgresTable.quote(name);
        if (exists(db, name)) {
          sql.execute("DROP TABLE " + qualified);
          dropped.add(name);
        }
      }
    }
    return dropped;
  }

  private boolean exists(Connection db, String table) throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_name = ?")) {
      q.setString(1, settings.schema());
      q.setString(2, table);
      try (var rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The server's message and its detail (e.g. which view depends on a table), on one line. */
  private static String firstLine(SQLException e) {
    SQLException shown = e.getNextException() != null ? e.getNextException() : e;
    String text = shown.getMessage() == null ? shown.getClass().getName() : shown.getMessage();
    if (DEPENDENT_OBJECTS.equals(shown.getSQLState())) {
      // PostgreSQL's hint (DROP ... CASCADE) would delete the reader's view: say what to do.
      text =
          text.replaceAll("(?s)\\s*Hint:.*", "")
              + " (each run replaces the published tables,"
              + " so views or foreign keys on them block the load: drop them, or keep that SQL in"
              + " the BI tool)";
    }
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
