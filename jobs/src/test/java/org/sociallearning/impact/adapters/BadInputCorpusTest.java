package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.cli.ImpactCli;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.Intake;

/**
 * The bad-input corpus: every format the adapters read, broken in every way an export arrives
 * broken (see {@link ExportMutation}). Reading must either yield intakes whose counts reconcile
 * with a reason on every quarantined row, or stop with one clear line that names the file: never a
 * NullPointerException, a bare Spark failure or a stack trace as the only output.
 *
 * <p>Each format runs every mutation kind on {@link #VARIANTS} variants (which file, where, which
 * value), drawn from a fixed seed so CI runs the same cases; set {@code impact.corpus.variants} or
 * change SEED locally to search further.
 *
 * <p>Cases are independent (each writes its own folder), so they run two at a time.
 */
@Execution(ExecutionMode.CONCURRENT)
class BadInputCorpusTest {

  static final long SEED = 20260801L;

  /** Variants per mutation kind; {@code -Dimpact.corpus.variants=20} searches further locally. */
  static final int VARIANTS = Integer.getInteger("impact.corpus.variants", 1);

  /** Every mutation kind on every variant. */
  static Stream<Arguments> cases() {
    return Stream.of(ExportMutation.values())
        .flatMap(
            m -> java.util.stream.IntStream.range(0, VARIANTS).mapToObj(v -> Arguments.of(m, v)));
  }

  /** Exceptions that mean a bug in our code, wherever they appear in the cause chain. */
  static final List<Class<? extends Throwable>> CRASHES =
      List.of(
          NullPointerException.class,
          ClassCastException.class,
          IndexOutOfBoundsException.class,
          StackOverflowError.class,
          OutOfMemoryError.class,
          ArithmeticException.class,
          UnsupportedOperationException.class,
          NumberFormatException.class,
          java.time.DateTimeException.class);

  /** Counts of the unbroken fixture per format: reordered columns must read the same. */
  private static final Map<String, List<List<Long>>> BASELINE = new ConcurrentHashMap<>();

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void hrCsv(ExportMutation mutation, int variant) {
    check(ExportFixtures.hrCsv(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void slackExport(ExportMutation mutation, int variant) {
    check(ExportFixtures.slackExport(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void vivaEngageExport(ExportMutation mutation, int variant) {
    check(ExportFixtures.vivaEngageExport(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void stackExchangeDump(ExportMutation mutation, int variant) {
    check(ExportFixtures.stackExchangeDump(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void discourseExport(ExportMutation mutation, int variant) {
    check(ExportFixtures.discourseExport(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void xapiJsonLines(ExportMutation mutation, int variant) {
    check(ExportFixtures.xapiJsonLines(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void xapiJson(ExportMutation mutation, int variant) {
    check(ExportFixtures.xapiJson(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void lmsCompletionsCsv(ExportMutation mutation, int variant) {
    check(ExportFixtures.lmsCompletionsCsv(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void serviceNowCsv(ExportMutation mutation, int variant) {
    check(ExportFixtures.serviceNowCsv(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void salesforceCsv(ExportMutation mutation, int variant) {
    check(ExportFixtures.salesforceCsv(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void serviceNowAuditCsv(ExportMutation mutation, int variant) {
    check(ExportFixtures.serviceNowAuditCsv(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void zendeskJson(ExportMutation mutation, int variant) {
    check(ExportFixtures.zendeskJson(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void jiraSmCsv(ExportMutation mutation, int variant) {
    check(ExportFixtures.jiraSmCsv(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void salesforceCaseCsv(ExportMutation mutation, int variant) {
    check(ExportFixtures.salesforceCaseCsv(), mutation, variant);
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("cases")
  void hubSpotDealsCsv(ExportMutation mutation, int variant) {
    check(ExportFixtures.hubSpotDealsCsv(), mutation, variant);
  }

  /** Breaks one file of the fixture, reads the export, and checks the outcome. */
  static void check(ExportFixture fixture, ExportMutation mutation, int variant) {
    Random random = new Random(Objects.hash(SEED, fixture.format(), mutation.name(), variant));
    ExportFixture.File target = fixture.files().get(random.nextInt(fixture.files().size()));
    Path dir = tempDir();
    try {
      fixture.writeTo(dir);
      Path file = dir.resolve(target.path());
      Files.write(
          file,
          mutation.apply(
              Files.readAllBytes(file),
              target.layout(),
              fixture.times(),
              fixture.oddTimes(),
              fixture.gapTimes(),
              random));
      Outcome outcome = read(fixture, dir);
      String what = fixture.format() + " with " + mutation + " in " + target.path();
      if (outcome.failure() != null) {
        assertClearFailure(outcome.failure(), target.path(), what);
        return;
      }
      if (mutation == ExportMutation.SHUFFLED_COLUMNS) {
        assertEquals(baseline(fixture), outcome.counts(), what + ": same records in another order");
      }
      assertReconciled(outcome, what);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  /** Either the intakes (every lazy part evaluated) or the exception reading threw. */
  record Outcome(
      List<Intake> intakes,
      List<List<Long>> counts,
      List<Row> quarantineTotals,
      Throwable failure) {}

  static Outcome read(ExportFixture fixture, Path dir) {
    try {
      String sources =
          fixture.sources().contains("roster:")
              ? fixture.sources()
              : Fixtures.ROSTER_SOURCE + fixture.sources();
      PipelineConfig config = Fixtures.config(dir, sources);
      List<Intake> intakes =
          AdapterRegistry.forFormat(fixture.format())
              .readAll(TestSpark.session(), config, Fixtures.source(config, fixture.role()));
      List<List<Long>> counts = new ArrayList<>();
      List<Row> totals = new ArrayList<>();
      for (Intake intake : intakes) {
        counts.add(
            List.of(
                intake.read(),
                intake.acceptedCount(),
                intake.quarantined(),
                intake.deduplicated(),
                intake.skipped()));
        totals.add(
            intake
                .quarantine()
                .agg(
                    count(lit(1)),
                    sum(when(col("reason").isNull().or(col("reason").equalTo("")), 1).otherwise(0)),
                    sum(when(col("file").isNull(), 1).otherwise(0)))
                .first());
      }
      return new Outcome(intakes, counts, totals, null);
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      return new Outcome(List.of(), List.of(), List.of(), e);
    }
  }

  private static List<List<Long>> baseline(ExportFixture fixture) {
    return BASELINE.computeIfAbsent(
        fixture.format(),
        format -> {
          Path dir = tempDir();
          try {
            fixture.writeTo(dir);
            Outcome clean = read(fixture, dir);
            if (clean.failure() != null) {
              throw new AssertionError(
                  format + ": the unbroken fixture must read", clean.failure());
            }
            return clean.counts();
          } finally {
            delete(dir);
          }
        });
  }

  static void assertReconciled(Outcome outcome, String what) {
    for (int i = 0; i < outcome.intakes().size(); i++) {
      Intake intake = outcome.intakes().get(i);
      String table = what + " (" + intake.table() + ")";
      assertEquals(
          intake.read(),
          intake.acceptedCount() + intake.quarantined() + intake.deduplicated() + intake.skipped(),
          table + ": read = accepted + quarantined + deduplicated + skipped");
      Row totals = outcome.quarantineTotals().get(i);
      assertEquals(intake.quarantined(), totals.getLong(0), table + ": quarantine rows");
      assertEquals(
          0L,
          totals.isNullAt(1) ? 0L : totals.getLong(1),
          table + ": every quarantined row has a reason");
      assertEquals(
          0L,
          totals.isNullAt(2) ? 0L : totals.getLong(2),
          table + ": every quarantined row names its file");
    }
  }

  /**
   * A failure must be one of ours (an input error with a message written for people) whose one line
   * names the broken file, with no programming error anywhere in its cause chain.
   */
  static void assertClearFailure(Throwable e, String file, String what) {
    String trace = stackTrace(e);
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> crash : CRASHES) {
        assertFalse(
            crash.isInstance(t),
            () -> what + ": crashed with " + crash.getSimpleName() + "\n" + trace);
      }
    }
    Throwable ours = null;
    for (Throwable t = e; t != null && ours == null; t = t.getCause()) {
      boolean plainOrOurs =
          t.getClass() == IllegalArgumentException.class
              || t instanceof IllegalArgumentException
                  && t.getClass().getName().startsWith("org.sociallearning.");
      ours = plainOrOurs && t.getMessage() != null ? t : null;
    }
    assertNotNull(ours, () -> what + ": failed without an input error of ours\n" + trace);
    String line = ImpactCli.oneLine(e);
    String name = Path.of(file).getFileName().toString();
    assertTrue(
        line.contains(name), () -> what + ": the message does not name " + name + ": " + line);
    assertFalse(
        line.matches(
            "(?s).*\\b(java|javax|scala|org\\.apache)\\.[\\w.$]+" + "(Exception|Error)\\b.*"),
        () -> what + ": a class name in the message: " + line);
    assertFalse(
        line.contains("\tat ") || line.contains("\n"), () -> what + ": not one line: " + line);
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("bad-input-corpus");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
