package org.sociallearning.impact.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.cli.ImpactCli;
import org.sociallearning.impact.config.OutputSettings;
import org.sociallearning.impact.pipeline.DatabaseLoad;
import org.sociallearning.impact.schemas.ColumnContract;
import org.sociallearning.impact.schemas.TableContract;
import org.sociallearning.impact.testing.Companies;
import org.sociallearning.impact.testing.TestCompanies;

/**
 * The database sink against a real PostgreSQL server: every published table arrives with its
 * contract's types and exactly the rows of its CSV; a reader never sees half a night; a failed load
 * fails the run (exit 6) and leaves the previous night's tables. The server comes from {@code
 * IMPACT_TEST_PG_URL}, {@code IMPACT_TEST_PG_USER} and {@code IMPACT_TEST_PG_PASSWORD} ({@code
 * .ci/run} starts one); without them the class is skipped, except under CI.
 */
@Tag("pipeline")
@Order(4) // see the failsafe configuration: two classes at a time, longest at both ends
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresSinkTest {

  static final String URL = System.getenv("IMPACT_TEST_PG_URL");
  static final String USER = System.getenv("IMPACT_TEST_PG_USER");
  static final String PASSWORD_ENV = "IMPACT_TEST_PG_PASSWORD";

  @TempDir static Path work;
  final String schema = "impact_sink_test_" + Long.toHexString(System.nanoTime());
  Path config;
  Path output;
  Path first;
  Path second;
  PostgresSink sink;

  @BeforeAll
  void serverAndCompany() throws Exception {
    if (URL == null) {
      if (System.getenv("CI") != null) {
        fail(
            "CI is set but IMPACT_TEST_PG_URL is not: .ci/run starts PostgreSQL and exports"
                + " IMPACT_TEST_PG_URL, IMPACT_TEST_PG_USER and IMPACT_TEST_PG_PASSWORD");
      }
      Assumptions.abort(
          "database sink tests skipped: no PostgreSQL server configured (set"
              + " IMPACT_TEST_PG_URL, IMPACT_TEST_PG_USER and IMPACT_TEST_PG_PASSWORD, or run .ci/run)");
    }
    try (Connection db = connect()) {
      assertTrue(db.isValid(5), "PostgreSQL at " + URL);
    }
    // Two published runs the pipeline tests share: loading them is what this class tests.
    first = Companies.run(TestCompanies.DIP).output();
    second = Companies.run(TestCompanies.SMALL).output();
    Path data = Companies.folder(TestCompanies.SMALL);
    Files.writeString(data.resolve("impact.key"), "a-secret-of-at-least-16-bytes\n");
    config = data.resolve("pipeline-db.yaml");
    String yaml = Files.readString(data.resolve("pipeline.yaml"));
    assertTrue(yaml.contains("output: out\n"), yaml);
    Files.writeString(
        config,
        yaml.replace(
            "output: out\n",
            "output:\n  path: out-db\n"
                + "  keep_runs: 5\n  jdbc: {url: \""
                + URL
                + "\", user: "
                + USER
                + ", password_env: "
                + PASSWORD_ENV
                + ", schema: "
                + schema
                + "}\n"
                + "privacy: {pseudonym_key_file: impact.key}\n"));
    output = data.resolve("out-db");
    sink =
        PostgresSink.of(
            new OutputSettings.JdbcSettings(URL, USER, PASSWORD_ENV, schema), System::getenv);
  }

  /** Loads a published run folder, as the job does after publishing it. */
  void load(Path run) {
    DatabaseLoad.run(
        TestSpark.session(),
        sink,
        run,
        new StageLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
        schema);
  }

  @AfterAll
  void dropSchema() throws SQLException {
    if (URL != null) {
      try (Connection db = connect();
          Statement sql = db.createStatement()) {
        sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  @Test
  @Order(1)
  void everyPublishedTableArrivesWithItsContractTypesAndExactlyTheRowsOfItsCsv() throws Exception {
    load(first);
    try (Connection db = connect()) {
      assertEquals(
          new TreeSet<>(publishedIn(first)),
          tablesIn(db),
          "the schema holds every table the run published and nothing else (no staging tables)");
      for (String table : publishedIn(first)) {
        TableContract contract = TableContract.load(table);
        List<String> expectedColumns = new ArrayList<>();
        for (ColumnContract c : contract.columns()) {
          expectedColumns.add(c.name() + " " + PostgresTable.sqlType(c.type()));
        }
        assertEquals(expectedColumns, columnsOf(db, table), table);
      }
      assertSameRowsAsFiles(db, first);
      assertEquals(first.getFileName().toString(), latestRun(db));
      String comment =
          query(db, "SELECT obj_description('" + schema + ".impact_estimates'::regclass)").get(0);
      assertTrue(comment.contains("Published by run " + first.getFileName()), comment);
    }
    assertFalse(
        Files.exists(first.resolve("dim_employee.csv")), "tables with a row per person are opt-in");
  }

  @Test
  @Order(2)
  void publishedTableListCoversEveryPublishedContract() throws Exception {
    TreeSet<String> contracts = new TreeSet<>();
    Path dir = Path.of(System.getProperty("impact.project.dir", ".."), "schemas", "contracts");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        String name = f.getFileName().toString().replace(".yaml", "");
        // The quarantine, the per-rule quality checks and the list of unresolved identities are
        // operational detail files in their own folders; data_quality is their summary for BI and
        // does reach the database.
        if (!name.equals("metrics")
            && !name.equals("quarantine")
            && !name.equals("quality_checks")
            && !name.equals("unresolved_identity_list")
            && "published".equals(TableContract.load(name).layer())) {
          contracts.add(name);
        }
      }
    }
    assertEquals(
        contracts,
        new TreeSet<>(ResultTables.PUBLISHED),
        "a new published table must be added to ResultTables.PUBLISHED to reach the database");
  }

  @Test
  @Order(3)
  void aReaderSeesThePreviousNightUntilTheSwapCommitsThenTheWholeNewOne() throws Exception {
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (Connection reader = connect();
        Connection observer = connect()) {
      reader.setAutoCommit(false);
      reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      String before = latestRun(reader);
      List<String> estimatesBefore = rows(reader, "impact_estimates");
      assertEquals(first.getFileName().toString(), before);

      // The reader's open transaction holds the old tables: the next load must stage everything,
      // then wait at the swap instead of changing what the reader sees.
      Future<?> next = background.submit(() -> load(second));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (!loaderWaitsForALock(observer)) {
        assertFalse(next.isDone(), "the load finished while a reader held the old tables");
        assertTrue(System.nanoTime() < deadline, "the load never reached the swap");
        Thread.sleep(200);
      }
      assertEquals(before, latestRun(reader));
      assertEquals(estimatesBefore, rows(reader, "impact_estimates"));
      assertEquals(before, latestRun(observer), "a new reader sees the old night too");
      reader.commit();

      next.get(3, TimeUnit.MINUTES);
      String after = second.getFileName().toString();
      assertNotEquals(before, after);
      assertEquals(after, latestRun(reader));
      assertSameRowsAsFiles(observer, second);
    } finally {
      background.shutdownNow();
    }
  }

  @Test
  @Order(4)
  void aFailedLoadFailsTheRunWithExitCode6AndLeavesThePreviousNight() throws Exception {
    Path previous = second;
    try (Connection db = connect();
        Statement sql = db.createStatement()) {
      // A dashboard's view on the last table swapped: every earlier table has been replaced
      // inside the transaction when the drop fails.
      sql.execute(
          "CREATE VIEW "
              + schema
              + ".quality_dashboard AS SELECT source, rows FROM "
              + schema
              + ".data_quality");
    }
    Cli r = cli("run", "--config", config.toString());
    assertEquals(6, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: database sink: "), r.err());
    assertTrue(r.err().contains("quality_dashboard"), "names the blocking view: " + r.err());
    assertTrue(r.err().contains("the files were published"), r.err());

    Path published = output.resolve("current").toRealPath();
    assertNotEquals(previous.getFileName(), published.getFileName(), "the file publish stands");
    assertTrue(Files.isRegularFile(published.resolve("impact_estimates.csv")));
    try (Connection db = connect()) {
      assertEquals(previous.getFileName().toString(), latestRun(db));
      assertSameRowsAsFiles(db, previous);
      assertEquals(new TreeSet<>(publishedIn(previous)), tablesIn(db));
    }
    List<String> log =
        Files.readAllLines(output.resolve("logs").resolve(published.getFileName() + ".jsonl"));
    JsonNode last = new ObjectMapper().readTree(log.get(log.size() - 1));
    assertEquals("failed", last.get("status").asText(), last.toString());
    assertEquals("database", last.get("error_kind").asText(), last.toString());
    assertEquals(published.getFileName().toString(), last.get("published_run").asText());
    assertTrue(log.stream().noneMatch(l -> l.contains("\"stage\":\"database")), log.toString());
  }

  @Test
  @Order(5)
  void aMissingPasswordVariableStopsTheRunBeforeAnyWork() throws Exception {
    Path unset = config.resolveSibling("unset-password.yaml");
    Files.writeString(
        unset,
        Files.readString(config)
            .replace(
                "password_env: " + PASSWORD_ENV, "password_env: IMPACT_TEST_PASSWORD_NOBODY_SETS"));
    long logsBefore = countLogs();
    Cli r = cli("run", "--config", unset.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("IMPACT_TEST_PASSWORD_NOBODY_SETS"), r.err());
    assertEquals(logsBefore, countLogs(), "no run was started");
  }

  // --- helpers ---

  record Cli(int code, String out, String err) {}

  static Cli cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ImpactCli.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Cli(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", USER);
    props.setProperty("password", System.getenv(PASSWORD_ENV));
    return DriverManager.getConnection(URL, props);
  }

  private long countLogs() throws Exception {
    try (Stream<Path> logs = Files.list(output.resolve("logs"))) {
      return logs.count();
    }
  }

  /** Every published table of {@code run} holds exactly its CSV's rows (as text, any order). */
  /** The tables a run published (stage_durations, say, needs a CRM history). */
  private static List<String> publishedIn(Path run) {
    return ResultTables.PUBLISHED.stream()
        .filter(t -> Files.exists(run.resolve(t + ".csv")))
        .toList();
  }

  private void assertSameRowsAsFiles(Connection db, Path run) throws Exception {
    int compared = 0;
    for (String table : publishedIn(run)) {
      List<String> expected = new ArrayList<>();
      try (CSVParser csv =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(
                  Files.newBufferedReader(run.resolve(table + ".csv"), StandardCharsets.UTF_8))) {
        for (CSVRecord r : csv) {
          expected.add(String.join("|", r.values()));
        }
      }
      List<String> actual = rows(db, table);
      assertEquals(expected.size(), actual.size(), table + " row count");
      assertEquals(
          expected.stream().sorted().toList(),
          actual.stream().sorted().toList(),
          table + " rows differ from " + run.getFileName() + "/" + table + ".csv");
      compared += expected.size();
    }
    assertTrue(compared > 100, "rows compared: " + compared);
  }

  /**
   * A table's rows, each value rendered as the CSV writer renders it (null as empty, text defused).
   */
  private List<String> rows(Connection db, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery("SELECT * FROM " + schema + "." + table)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          // The database holds the text itself; the CSV holds it defused for spreadsheets.
          values.add(
              v == null
                  ? ""
                  : v instanceof String text ? SpreadsheetSafe.cell(text) : v.toString());
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }

  private String latestRun(Connection db) throws SQLException {
    return query(db, "SELECT max(run_id) FROM " + schema + ".run_history").get(0);
  }

  private TreeSet<String> tablesIn(Connection db) throws SQLException {
    return new TreeSet<>(
        query(
            db,
            "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = '"
                + schema
                + "' AND table_type = 'BASE TABLE'"));
  }

  private List<String> columnsOf(Connection db, String table) throws SQLException {
    return query(
        db,
        "SELECT column_name || ' ' || data_type FROM information_schema.columns"
            + " WHERE table_schema = '"
            + schema
            + "' AND table_name = '"
            + table
            + "' ORDER BY ordinal_position");
  }

  /** True while the job's connection waits for a lock (at the swap, behind a reader). */
  private static boolean loaderWaitsForALock(Connection observer) throws SQLException {
    return !query(
            observer,
            "SELECT pid FROM pg_stat_activity WHERE application_name = '"
                + PostgresSink.APPLICATION_NAME
                + "' AND wait_event_type = 'Lock'")
        .isEmpty();
  }

  private static List<String> query(Connection db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
