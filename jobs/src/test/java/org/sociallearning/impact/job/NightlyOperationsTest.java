package org.sociallearning.impact.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
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
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.sample.GeneratorSettings;
import org.sociallearning.impact.sample.SampleDataGenerator;

/**
 * Nightly operations on a small generated company: plan, validate, idempotent reruns, run history
 * and structured logs, exit codes, and runs killed at several points that leave the published
 * result readable and the next run working.
 */
@Tag("pipeline")
@Order(1) // see the failsafe configuration: two classes at a time, longest at both ends
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyOperationsTest {

  @TempDir static Path work;
  Path data;
  Path config;
  Path output;

  @BeforeAll
  void generate() throws Exception {
    data = work.resolve("company");
    SampleDataGenerator.generate(
        data, GeneratorSettings.sample().withEmployees(150).withMonths(10).withWorkVolume(1));
    Files.writeString(data.resolve("impact.key"), "a-secret-of-at-least-16-bytes\n");
    config = data.resolve("pipeline.yaml");
    String yaml = Files.readString(config);
    assertTrue(yaml.contains("output: ../out\n"), yaml);
    Files.writeString(
        config,
        yaml.replace(
                "output: ../out\n",
                "output: {path: out, keep_runs: 1}\nprivacy: {pseudonym_key_file: impact.key,"
                    + " publish_person_tables: true, name_top_helpers: true}\n")
            + "estimation: {bootstrap_replicates: 99}\n");
    output = data.resolve("out");
    TestSpark.session();
  }

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

  NightlyImpactJob.RunResult run() throws Exception {
    return new NightlyImpactJob(
            TestSpark.session(),
            ConfigLoader.load(config),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run();
  }

  @Test
  @Order(1)
  void dryRunPrintsThePlanAndTouchesNothing() {
    Cli r = cli("run", "--config", config.toString(), "--dry-run");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("sources:"), r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.contains("servicenow-csv") && l.contains("1 file(s)")),
        r.out());
    assertTrue(r.out().contains("currently published: nothing yet"), r.out());
    assertTrue(r.out().contains("time_to_resolve_hours"), r.out());
    assertFalse(Files.exists(output), "a dry run writes nothing");
  }

  @Test
  @Order(2)
  void validateReconcilesEverySourceAndWritesNothing() {
    Cli r = cli("validate", "--config", config.toString());
    assertEquals(0, r.code(), r.err());
    List<String> sourceLines = r.out().lines().filter(l -> l.contains(" read ")).toList();
    assertEquals(5, sourceLines.size(), r.out());
    for (String line : sourceLines) {
      long[] n =
          java.util.regex.Pattern.compile("\\d+")
              .matcher(line.substring(line.indexOf(" read ")))
              .results()
              .mapToLong(m -> Long.parseLong(m.group()))
              .toArray();
      assertEquals(
          n[0],
          n[1] + n[2] + n[3] + n[4],
          "read = accepted + quarantined +" + " deduplicated + skipped: " + line);
    }
    assertTrue(r.out().contains("opened_at"), "the planted bad timestamp's reason: " + r.out());
    assertFalse(Files.exists(output), "validation writes nothing");
  }

  /** What the first run published, kept for the rerun with the same inputs at the end. */
  NightlyImpactJob.RunResult first;

  TreeMap<String, String> firstCsvFiles;
  Map<String, List<String>> firstParquetRows = new TreeMap<>();

  /** Tables compared row for row between the first run and the rerun. */
  static final List<String> PARQUET_COMPARED =
      List.of("impact_estimates", "top_helpers", "impact_event_study");

  @Test
  @Order(3)
  void aRunPublishesItsTablesByContractWithoutPersonalDataAndLogsEachStage() throws Exception {
    first = run();
    assertEquals(first.output(), output.resolve("current").toRealPath());
    // Kept in memory: keep_runs: 1 removes this run's folder once the rerun publishes.
    firstCsvFiles = csvFiles(first.output());
    assertTrue(firstCsvFiles.size() >= 10, firstCsvFiles.keySet().toString());
    for (String table : PARQUET_COMPARED) {
      firstParquetRows.put(table, parquetRows(first.output().resolve(table)));
    }
    String firstRun = first.output().getFileName().toString();
    List<String> estimates = Files.readAllLines(first.output().resolve("estimate_history.csv"));
    assertTrue(
        estimates.size() >= 4 && estimates.stream().skip(1).allMatch(l -> l.startsWith(firstRun)),
        "one run so far: " + estimates);
    assertFalse(
        Files.readString(first.report()).contains("How the estimates have moved"),
        "not with one run");
    List<String> history = Files.readAllLines(first.output().resolve("run_history.csv"));
    assertEquals(2, history.size(), history.toString());
    assertTrue(history.get(1).startsWith(firstRun + ",succeeded,"), history.toString());

    for (String table :
        List.of(
            "dim_employee",
            "dim_community",
            "fact_participation_monthly",
            "fact_service_outcomes_monthly",
            "fact_sales_outcomes_monthly",
            "data_quality",
            "run_history")) {
      assertEquals(
          List.of(
              org.sociallearning.impact.schemas.SparkSchemas.of(
                      org.sociallearning.impact.schemas.TableContract.load(table))
                  .fieldNames()),
          List.of(
              TestSpark.session()
                  .read()
                  .parquet(first.output().resolve(table).toString())
                  .schema()
                  .fieldNames()),
          table);
    }
    assertTrue(
        Files.readAllLines(first.output().resolve("fact_service_outcomes_monthly.csv")).stream()
            .anyMatch(
                l -> l.contains(",participant,time_to_resolve_hours,") && l.endsWith(",false")),
        "unsuppressed participant months");
    assertTrue(Files.readAllLines(first.output().resolve("dim_employee.csv")).size() > 100);
    assertNoRosterEmailOrNameIn(first.output());
    JsonNode privacy = new ObjectMapper().readTree(first.manifest().toFile()).get("privacy");
    assertEquals("file", privacy.get("pseudonym_key").asText(), privacy.toString());
    assertEquals(
        "[\"dim_employee\",\"top_helpers\"]",
        privacy.get("person_tables_published").toString(),
        "both switched on in this company's config");
    // The two person tables cannot be joined on their pseudonyms.
    List<String> employeeKeys =
        Files.readAllLines(first.output().resolve("dim_employee.csv")).stream()
            .skip(1)
            .map(l -> l.substring(0, l.indexOf(',')))
            .toList();
    List<String> helperKeys =
        Files.readAllLines(first.output().resolve("top_helpers.csv")).stream()
            .skip(1)
            .flatMap(l -> java.util.Arrays.stream(l.split(",")))
            .filter(v -> v.startsWith("p_"))
            .toList();
    assertFalse(helperKeys.isEmpty(), "some helpers are named");
    assertTrue(
        helperKeys.stream().noneMatch(employeeKeys::contains),
        "a helper's key is not their dim_employee key");
    assertEquals(5, privacy.get("min_group_size").asInt());
    assertTrue(privacy.get("tables").size() >= 1, "something is always withheld: " + privacy);
    privacy
        .get("tables")
        .forEach(
            t ->
                assertTrue(
                    t.get("suppressed_rows").asLong() + t.path("generalised_values").asLong() > 0,
                    t.toString()));

    // One JSON object per stage, then the run's outcome.
    Path log = output.resolve("logs").resolve(first.output().getFileName() + ".jsonl");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertTrue(lines.stream().filter(n -> n.get("event").asText().equals("stage")).count() >= 8);
    JsonNode ingest = lines.get(0);
    assertTrue(ingest.get("stage").asText().startsWith("ingest "), ingest.toString());
    assertTrue(ingest.get("rows_in").asLong() > 0 && ingest.has("seconds"), ingest.toString());
    JsonNode last = lines.get(lines.size() - 1);
    assertEquals("run", last.get("event").asText());
    assertEquals("succeeded", last.get("status").asText());
  }

  @Test
  @Order(4)
  void runsKilledOrFailingAtAnyStageLeaveTheLastResultReadable() throws Exception {
    Path current = output.resolve("current").toRealPath();
    String estimates = Files.readString(current.resolve("impact_estimates.csv"));
    // One real kill: a separate job process, killed as soon as it reaches the ingest stage.
    killWhenLogShows("ingest");
    assertEquals(current, output.resolve("current").toRealPath(), "killed at ingest");
    assertEquals(estimates, Files.readString(output.resolve("current/impact_estimates.csv")));
    // Then a crash, injected in process as a stage starts. A run that fails after its last
    // stage, as publishing would start, is the replaced export's (anExportReplaced...).
    String stage = "participation";
    Error crash = new OutOfMemoryError("injected at " + stage);
    Error thrown = assertThrows(Error.class, () -> runFailingAt(stage, crash), stage);
    assertTrue(thrown == crash, stage + ": the failure itself reaches the caller");
    assertEquals(current, output.resolve("current").toRealPath(), "failed at " + stage);
    assertEquals(estimates, Files.readString(output.resolve("current/impact_estimates.csv")));
    assertEquals(List.of(), stagingLeftovers(), "failed at " + stage + ": staging removed");
    // The next run, after the full disk as well, is checked at the end (aFullDisk...).
  }

  /** A run whose listener throws {@code failure} as the named stage starts. */
  void runFailingAt(String stage, Error failure) throws Exception {
    new NightlyImpactJob(
            TestSpark.session(),
            ConfigLoader.load(config),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            starting -> {
              if (starting.equals(stage)) {
                throw failure;
              }
            })
        .run();
  }

  @Test
  @Order(5)
  void anExportReplacedWhileTheRunReadsItFailsTheRunAndKeepsTheLastResult() throws Exception {
    Path current = output.resolve("current").toRealPath();
    String estimates = Files.readString(current.resolve("impact_estimates.csv"));
    Path incidents = data.resolve("servicenow/incident.csv");
    byte[] original = Files.readAllBytes(incidents);
    java.nio.file.attribute.FileTime originalTime = Files.getLastModifiedTime(incidents);
    try {
      // Once the job is past reading, a late export lands over the file it read.
      Throwable failure =
          assertThrows(
              Throwable.class,
              () ->
                  new NightlyImpactJob(
                          TestSpark.session(),
                          ConfigLoader.load(config),
                          new PrintStream(
                              new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                          stage -> {
                            if (stage.equals("estimation")) {
                              try {
                                Files.write(incidents, original);
                                Files.setLastModifiedTime(
                                    incidents,
                                    java.nio.file.attribute.FileTime.fromMillis(
                                        originalTime.toMillis() + 60_000));
                              } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                              }
                            }
                          })
                      .run());
      assertTrue(
          failure instanceof org.sociallearning.impact.ingest.InputException,
          String.valueOf(failure));
      assertTrue(failure.getMessage().contains("incident.csv"), failure.getMessage());
      assertEquals(ExitCode.INPUT, ExitCode.of(failure));
    } finally {
      Files.setLastModifiedTime(incidents, originalTime);
    }
    assertEquals(current, output.resolve("current").toRealPath());
    assertEquals(estimates, Files.readString(output.resolve("current/impact_estimates.csv")));
    assertEquals(List.of(), stagingLeftovers(), "failed after every stage: staging removed");
  }

  @Test
  @Order(6)
  void exitCodesTellSchedulersWhatWentWrong() throws Exception {
    Path foreign = work.resolve("someone-elses");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "keep me");
    Path elsewhere = data.resolve("elsewhere.yaml");
    Files.writeString(
        elsewhere, Files.readString(config).replace("path: out,", "path: ../someone-elses,"));
    Cli output = cli("run", "--config", elsewhere.toString());
    assertEquals(5, output.code(), output.err());
    assertTrue(output.err().contains("not written by this job"), output.err());
    assertEquals("keep me", Files.readString(foreign.resolve("notes.txt")));

    // An output folder whose log folder cannot be made: an output error, and no staging left.
    Path noLogOut = work.resolve("no-log-out");
    Files.createDirectories(noLogOut.resolve("runs"));
    Files.writeString(noLogOut.resolve("logs"), "a file where the log folder belongs");
    Path noLog = data.resolve("no-log.yaml");
    Files.writeString(
        noLog, Files.readString(config).replace("path: out,", "path: " + noLogOut + ","));
    Cli logRefused = cli("run", "--config", noLog.toString());
    assertEquals(5, logRefused.code(), logRefused.err());
    assertTrue(logRefused.err().startsWith("error: cannot write the run log"), logRefused.err());
    try (Stream<Path> left = Files.list(noLogOut.resolve("runs"))) {
      assertEquals(List.of(), left.toList(), "the staging folder is removed");
    }

    Path broken = work.resolve("broken");
    SampleDataGenerator.generate(
        broken, GeneratorSettings.sample().withEmployees(60).withMonths(8).withWorkVolume(1));
    Files.writeString(broken.resolve("servicenow/incident.csv"), "number,opened_at\n");
    Cli input = cli("validate", "--config", broken.resolve("pipeline.yaml").toString());
    assertEquals(3, input.code(), input.err());
    assertTrue(input.err().startsWith("error: sources.service_desk[0]: "), input.err());
    assertEquals(1, input.err().strip().lines().count(), input.err());
  }

  @Test
  @Order(7)
  void aFullDiskFailsTheRunInOneLineKeepsTheLastResultAndTheNextRunWorks() throws Exception {
    Path current = output.resolve("current");
    Path published = Files.readSymbolicLink(current);
    Path publishedRun = current.toRealPath();
    TreeMap<String, String> publishedFiles = fileDigests(publishedRun);
    List<Path> logsBefore = listLogs(output.resolve("logs"));
    Path scratch = Files.createDirectories(work.resolve("spark-scratch"));
    // A file-size limit of 16 KiB: every write past it fails with EFBIG ("File too large"), a
    // real failed write as on a full disk (HotSpot ignores SIGXFSZ, so it is an IOException).
    // Spark's shuffle files pass it first, while the sources are read. Between about 64 and
    // 280 KiB Snappy's native library cannot be unpacked, which fails a run without saying why.
    List<String> command =
        new ArrayList<>(
            List.of("bash", "-c", "ulimit -f \"$1\" && shift && exec \"$@\"", "bash", "16"));
    command.addAll(jobCommand());
    ProcessBuilder quota =
        new ProcessBuilder(command)
            .redirectOutput(work.resolve("quota-out.txt").toFile())
            .redirectError(work.resolve("quota-err.txt").toFile());
    quota.environment().put("SPARK_LOCAL_DIRS", scratch.toString());
    quota.environment().remove("IMPACT_DEBUG");
    Process job = quota.start();
    assertTrue(job.waitFor(10, TimeUnit.MINUTES), "the run under a quota did not end");
    String err = Files.readString(work.resolve("quota-err.txt"));
    String said = Files.readString(work.resolve("quota-out.txt")) + err;
    assertEquals(5, job.exitValue(), said);
    List<String> errors = err.lines().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), said);
    assertTrue(
        errors
            .get(0)
            .startsWith(
                "error: out of space writing Spark's scratch folder "
                    + scratch
                    + ": the disk is full or over quota (File too large)"),
        said);
    assertTrue(err.lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + said);

    assertEquals(published, Files.readSymbolicLink(current));
    assertEquals(publishedFiles, fileDigests(current.toRealPath()));
    assertEquals(List.of(), stagingLeftovers(), "the failed run removed its staging folder");
    List<Path> failedLogs = new ArrayList<>(listLogs(output.resolve("logs")));
    failedLogs.removeAll(logsBefore);
    assertEquals(1, failedLogs.size(), failedLogs.toString());
    String failedRun = failedLogs.get(0).getFileName().toString().replace(".jsonl", "");

    // After a kill, a crash, a replaced export and a full disk, the next run
    // publishes as usual and its history tells each of them apart.
    String estimates = Files.readString(current.resolve("impact_estimates.csv"));
    NightlyImpactJob.RunResult next = run();
    rerun = next;
    assertEquals(next.output(), current.toRealPath());
    assertFalse(publishedRun.equals(next.output()), "a new run was published");
    assertEquals(estimates, Files.readString(next.output().resolve("impact_estimates.csv")));
    assertEquals(List.of(), stagingLeftovers());
    try (Stream<Path> entries = Files.list(output.resolve("runs"))) {
      List<String> names = entries.map(p -> p.getFileName().toString()).toList();
      assertEquals(List.of(next.output().getFileName().toString()), names, "keep_runs: 1 " + names);
    }
    List<String> history = Files.readAllLines(next.output().resolve("run_history.csv"));
    assertTrue(
        history.stream().anyMatch(l -> l.startsWith(failedRun + ",failed,output,")), failedRun);
    assertEquals(
        1, history.stream().filter(l -> l.contains(",killed,")).count(), history.toString());
    assertEquals(
        1,
        history.stream().filter(l -> l.contains(",failed,internal,")).count(),
        history.toString());
    assertEquals(
        1, history.stream().filter(l -> l.contains(",failed,input,")).count(), history.toString());
  }

  /** The run after every failure above: the same inputs as the first run. */
  NightlyImpactJob.RunResult rerun;

  /**
   * The run after a kill, a crash, a replaced export and a full disk publishes what the first run
   * published: CSV byte for byte, Parquet row for row, and the estimates' history carries the first
   * run's rows forward beside its own, the same numbers.
   */
  @Test
  @Order(8)
  void rerunsWithTheSameInputsPublishIdenticalTablesAndARunHistory() throws Exception {
    assertTrue(
        firstCsvFiles != null && rerun != null,
        "the first run's tables (order 3) and the rerun after the failures (order 7)");
    TreeMap<String, String> b = csvFiles(rerun.output());
    assertEquals(firstCsvFiles.keySet(), b.keySet());
    for (String name : firstCsvFiles.keySet()) {
      if (!name.equals("run_history.csv") && !name.equals("estimate_history.csv")) {
        assertEquals(
            firstCsvFiles.get(name), b.get(name), name + " differs between identical runs");
      }
    }
    for (String table : PARQUET_COMPARED) {
      assertEquals(firstParquetRows.get(table), parquetRows(rerun.output().resolve(table)), table);
    }
    List<String> estimates = Files.readAllLines(rerun.output().resolve("estimate_history.csv"));
    String firstRun = first.output().getFileName().toString();
    String rerunId = rerun.output().getFileName().toString();
    List<String> fromFirst = estimates.stream().filter(l -> l.startsWith(firstRun + ",")).toList();
    List<String> fromRerun = estimates.stream().filter(l -> l.startsWith(rerunId + ",")).toList();
    assertTrue(fromFirst.size() >= 3, estimates.toString());
    assertEquals(estimates.size() - 1, fromFirst.size() + fromRerun.size(), estimates.toString());
    assertEquals(
        fromFirst.stream().map(l -> l.substring(firstRun.length())).toList(),
        fromRerun.stream().map(l -> l.substring(rerunId.length())).toList());
    assertTrue(
        Files.readString(rerun.report()).contains("How the estimates have moved"),
        "the history in the report once two runs exist");
    List<String> history = Files.readAllLines(rerun.output().resolve("run_history.csv"));
    assertTrue(history.get(1).startsWith(firstRun + ",succeeded,"), history.toString());
    assertTrue(
        history.get(history.size() - 1).startsWith(rerunId + ",succeeded,"), history.toString());
  }

  private List<String> stagingLeftovers() throws Exception {
    try (Stream<Path> entries = Files.list(output.resolve("runs"))) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }

  private static TreeMap<String, String> fileDigests(Path run) throws Exception {
    TreeMap<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(run)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(
            run.relativize(p).toString(),
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  /** Every email and name on the roster, searched for in every text file a run published. */
  private void assertNoRosterEmailOrNameIn(Path run) throws Exception {
    List<String> personal = new ArrayList<>();
    try (var parser =
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(
                Files.newBufferedReader(
                    data.resolve("roster/workers.csv"), StandardCharsets.UTF_8))) {
      for (var record : parser) {
        personal.add(record.get("Work Email").strip().toLowerCase(java.util.Locale.ROOT));
        personal.add(record.get("Worker").strip());
      }
    }
    assertTrue(personal.size() > 200, "the roster was read");
    try (Stream<Path> walk = Files.walk(run)) {
      for (Path file :
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().matches(".*\\.(csv|json|html|svg|txt)$"))
              .toList()) {
        String text = Files.readString(file).toLowerCase(java.util.Locale.ROOT);
        for (String value : personal) {
          assertFalse(
              text.contains(value.toLowerCase(java.util.Locale.ROOT)),
              run.relativize(file) + " contains a roster email or name");
        }
      }
    }
  }

  /**
   * {@code impact run} on this class's config, as a separate JVM like the test's own. It only
   * starts and reads (it is killed or fails while reading), so it compiles with the quick JIT
   * compiler alone: the optimising one would spend more on compiling than it saves in a process of
   * seconds (the full-disk process took 13 instead of 24 CPU-seconds). The job runs with its
   * shipped Spark settings.
   */
  private List<String> jobCommand() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens")
          || arg.startsWith("-Duser.timezone")
          || arg.startsWith("-Xmx")) {
        command.add(arg);
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ImpactCli.class.getName(),
            "run",
            "--config",
            config.toString()));
    return command;
  }

  private void killWhenLogShows(String stagePrefix) throws Exception {
    Path logs = output.resolve("logs");
    List<Path> before = listLogs(logs);
    Process job =
        new ProcessBuilder(jobCommand())
            .redirectErrorStream(true)
            .redirectOutput(
                work.resolve("killed-" + stagePrefix.replace(' ', '-') + ".txt").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      boolean reached = false;
      while (!reached && job.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        for (Path log : listLogs(logs)) {
          if (!before.contains(log)
              && Files.readString(log).contains("\"stage\":\"" + stagePrefix)) {
            reached = true;
          }
        }
      }
      assertTrue(
          reached,
          "the job never reached "
              + stagePrefix
              + "; its output: "
              + Files.readString(work.resolve("killed-" + stagePrefix.replace(' ', '-') + ".txt")));
    } finally {
      job.destroyForcibly();
      job.waitFor(1, TimeUnit.MINUTES);
    }
  }

  private static List<Path> listLogs(Path logs) throws Exception {
    if (!Files.isDirectory(logs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(logs)) {
      return s.toList();
    }
  }

  private static TreeMap<String, String> csvFiles(Path run) throws Exception {
    TreeMap<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(run)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".csv")).toList()) {
        out.put(run.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }

  private static List<String> parquetRows(Path table) {
    return TestSpark.session().read().parquet(table.toString()).collectAsList().stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }
}
