package org.sociallearning.impact.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference measurement: the core of the nightly job written as DuckDB SQL on the same files.
 * It parses every export, drops what the job would quarantine (unparseable times, unknown people)
 * or skip (soft-deleted opportunities, system messages), keeps the newest version of records
 * exported twice, joins people to the roster by email, and aggregates the outcomes and forum
 * activity per employee and month into Parquet. It has none of the job's checks, quarantine,
 * identity rules, estimation or report: it is the lower bound a single-machine SQL engine sets.
 */
final class DuckDbCoreWork {

  private DuckDbCoreWork() {}

  static Map<String, Object> run(Path inputs, Path work) throws SQLException, IOException {
    Files.createDirectories(work);
    String in = inputs.toAbsolutePath().toString().replace("'", "''") + "/";
    String out = work.toAbsolutePath().toString().replace("'", "''") + "/";
    Map<String, Object> result = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      // Months are UTC months, as in the job, whatever the machine's time zone.
      s.execute("SET TimeZone = 'UTC'");
      step(
          s,
          result,
          "roster",
          """
          CREATE TABLE roster AS
          SELECT "Employee ID" AS employee_id, lower(trim("Work Email")) AS email,
                 "Supervisory Organization" AS department
          FROM read_csv('%sroster/workers.csv', header = true, all_varchar = true)
          """
              .formatted(in));
      step(
          s,
          result,
          "tickets",
          """
          CREATE TABLE tickets AS
          WITH raw AS (
            SELECT number, lower(trim("assigned_to.email")) AS email,
                   try_strptime(opened_at, '%%Y-%%m-%%d %%H:%%M:%%S') AS opened_at,
                   try_strptime(resolved_at, '%%Y-%%m-%%d %%H:%%M:%%S') AS resolved_at,
                   try_strptime(sys_updated_on, '%%Y-%%m-%%d %%H:%%M:%%S') AS updated_at
            FROM read_csv('%sservicenow/incident*.csv', header = true, all_varchar = true)),
          newest AS (
            SELECT * FROM raw
            QUALIFY row_number() OVER (PARTITION BY number ORDER BY updated_at DESC) = 1)
          SELECT r.employee_id, n.number, n.opened_at, n.resolved_at
          FROM newest n JOIN roster r USING (email)
          WHERE n.opened_at IS NOT NULL
          """
              .formatted(in));
      step(
          s,
          result,
          "opportunities",
          """
          CREATE TABLE opportunities AS
          WITH owners AS (
            SELECT "Id" AS owner_id, lower(trim("Email")) AS email
            FROM read_csv('%ssalesforce/User.csv', header = true, all_varchar = true)),
          raw AS (
            SELECT "Id" AS id, "OwnerId" AS owner_id, "IsDeleted" AS is_deleted,
                   "IsClosed" AS is_closed, "IsWon" AS is_won, try_cast("Amount" AS DOUBLE) AS amount,
                   try_strptime("CreatedDate", '%%Y-%%m-%%dT%%H:%%M:%%S.%%g%%z') AS created_at,
                   try_cast("CloseDate" AS DATE) AS close_date,
                   try_strptime("SystemModstamp", '%%Y-%%m-%%dT%%H:%%M:%%S.%%g%%z') AS modified_at
            FROM read_csv('%ssalesforce/Opportunity*.csv', header = true, all_varchar = true)),
          newest AS (
            SELECT * FROM raw
            QUALIFY row_number() OVER (PARTITION BY id ORDER BY modified_at DESC) = 1)
          SELECT r.employee_id, n.id, n.created_at, n.close_date, n.is_closed IN ('1', 'true') AS closed,
                 n.is_won IN ('1', 'true') AS won, n.amount
          FROM newest n JOIN owners o USING (owner_id) JOIN roster r USING (email)
          WHERE coalesce(n.is_deleted, '') NOT IN ('1', 'true') AND n.created_at IS NOT NULL
          """
              .formatted(in, in));
      step(
          s,
          result,
          "forum_messages",
          """
          CREATE TABLE forum_messages AS
          WITH users AS (
            SELECT id AS user_id, lower(trim(profile.email)) AS email
            FROM read_json('%sslack/users.json', format = 'array',
                           columns = {id: 'VARCHAR', profile: 'STRUCT(email VARCHAR)'})),
          raw AS (
            SELECT regexp_extract(filename, '([^/]+)/[^/]+[.]json$', 1) AS channel, "user" AS user_id,
                   ts, subtype
            FROM read_json('%sslack/*/*.json', format = 'array', filename = true,
                           columns = {type: 'VARCHAR', subtype: 'VARCHAR', "user": 'VARCHAR',
                                      ts: 'VARCHAR', thread_ts: 'VARCHAR'})),
          unique_messages AS (
            SELECT DISTINCT channel, user_id, ts FROM raw WHERE subtype IS NULL AND user_id IS NOT NULL)
          SELECT r.employee_id, m.channel, to_timestamp(CAST(m.ts AS DOUBLE)) AS sent_at,
                 regexp_matches(m.channel, '^(ask|cop|guild)-') AS community
          FROM unique_messages m JOIN users u USING (user_id) JOIN roster r USING (email)
          """
              .formatted(in, in));
      step(
          s,
          result,
          "learning_statements",
          """
          CREATE TABLE learning_statements AS
          SELECT r.employee_id, try_cast(x."timestamp" AS TIMESTAMPTZ) AS stated_at, x.verb.id AS verb
          FROM read_json('%sxapi/statements.jsonl', format = 'newline_delimited', ignore_errors = true,
                         columns = {actor: 'STRUCT(mbox VARCHAR)', verb: 'STRUCT(id VARCHAR)',
                                    "timestamp": 'VARCHAR'}) x
          JOIN roster r ON r.email = lower(replace(x.actor.mbox, 'mailto:', ''))
          WHERE try_cast(x."timestamp" AS TIMESTAMPTZ) IS NOT NULL
          """
              .formatted(in));
      step(
          s,
          result,
          "employee_month_outcomes",
          """
          COPY (
            WITH service AS (
              SELECT employee_id, date_trunc('month', opened_at) AS month, count(*) AS tickets,
                     avg(ln(greatest(epoch(resolved_at - opened_at) / 3600.0, 0.01)))
                       FILTER (WHERE resolved_at IS NOT NULL) AS mean_log_hours
              FROM tickets GROUP BY ALL),
            sales AS (
              SELECT employee_id, date_trunc('month', created_at) AS month, count(*) AS opportunities,
                     count(*) FILTER (WHERE won) AS won, count(*) FILTER (WHERE closed) AS closed,
                     avg(ln(greatest(close_date - CAST(created_at AS DATE), 1)))
                       FILTER (WHERE closed) AS mean_log_days
              FROM opportunities GROUP BY ALL),
            forum AS (
              SELECT employee_id, date_trunc('month', sent_at) AS month, count(*) AS messages,
                     count(*) FILTER (WHERE community) AS community_messages
              FROM forum_messages GROUP BY ALL),
            learning AS (
              SELECT employee_id, date_trunc('month', stated_at) AS month, count(*) AS statements
              FROM learning_statements GROUP BY ALL)
            SELECT * FROM service FULL JOIN sales USING (employee_id, month)
              FULL JOIN forum USING (employee_id, month) FULL JOIN learning USING (employee_id, month)
            ORDER BY employee_id, month
          ) TO '%semployee_month.parquet' (FORMAT parquet)
          """
              .formatted(out),
          "read_parquet('" + out + "employee_month.parquet')");
    }
    return result;
  }

  private static void step(Statement s, Map<String, Object> result, String name, String sql)
      throws SQLException {
    step(s, result, name, sql, name);
  }

  /** Runs one statement, then counts the rows of what it made. */
  private static void step(
      Statement s, Map<String, Object> result, String name, String sql, String countedTable)
      throws SQLException {
    long start = System.nanoTime();
    s.execute(sql);
    double seconds = (System.nanoTime() - start) / 1e9;
    long rows;
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + countedTable)) {
      rs.next();
      rows = rs.getLong(1);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("rows", rows);
    r.put("seconds", seconds);
    result.put(name, r);
  }
}
