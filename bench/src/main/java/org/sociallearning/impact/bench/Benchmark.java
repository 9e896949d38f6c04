package org.sociallearning.impact.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sociallearning.impact.sample.SampleDataGenerator;

/**
 * {@code impact bench [--scales 0,0.1,1] [--out bench-results] [--repeat N]}: generates a company
 * at each scale, runs the nightly job on it and, on the same files, a bare Spark scan and the core
 * work in DuckDB, each in a JVM of its own; prints per-stage times, rows per second, peak memory,
 * spills and the ratios BENCHMARKS.md tracks, and writes them to {@code results.json} and {@code
 * results.md} in the output folder. {@code --repeat N} runs the job N times at the largest scale
 * and checks that every run publishes identical tables.
 */
public final class Benchmark {

  static final String USAGE =
      "usage: impact bench [--scales 0,0.1,1] [--out DIR] [--repeat N]"
          + " [--spark-conf KEY=VALUE ...] [--job-only]";

  private Benchmark() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(args, System.out, System.err);
    } catch (Exception | OutOfMemoryError e) {
      System.err.println("error: the benchmark stopped: " + e);
      code = 1;
    }
    System.exit(code);
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    List<Double> scales = Scales.parse("0,0.1,1");
    Path dir = Path.of("bench-results");
    int repeat = 1;
    List<String> sparkConf = new ArrayList<>();
    boolean jobOnly = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--scales" -> scales = Scales.parse(value(args, ++i));
          case "--out" -> dir = Path.of(value(args, ++i));
          case "--repeat" -> repeat = Integer.parseInt(value(args, ++i));
          case "--spark-conf" -> {
            String kv = value(args, ++i);
            if (!kv.startsWith("spark.") || !kv.contains("=")) {
              throw new IllegalArgumentException("--spark-conf takes spark.KEY=VALUE, was " + kv);
            }
            sparkConf.add(kv);
          }
          case "--job-only" -> jobOnly = true;
          case "-h", "--help" -> {
            out.println(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (repeat < 1) {
        throw new IllegalArgumentException("--repeat must be at least 1");
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage() + "\n" + USAGE);
      return 2;
    }
    dir = dir.toAbsolutePath();
    Files.createDirectories(dir);
    ObjectNode results = Measure.JSON.createObjectNode();
    results.put("machine", Machine.describe());
    results.set("spark_conf", Measure.JSON.valueToTree(sparkConf));
    ArrayNode rows = results.putArray("scales");
    for (int k = 0; k < scales.size(); k++) {
      double scale = scales.get(k);
      boolean largest = k == scales.size() - 1;
      try {
        rows.add(measureScale(dir, scale, largest ? repeat : 1, sparkConf, jobOnly, out));
      } catch (IllegalStateException | IOException | java.io.UncheckedIOException e) {
        err.println("error: " + e.getMessage());
        return 1;
      }
      Files.writeString(
          dir.resolve("results.json"),
          Measure.JSON.writeValueAsString(results),
          StandardCharsets.UTF_8);
    }
    String report = BenchReport.markdown(results);
    Files.writeString(dir.resolve("results.md"), report, StandardCharsets.UTF_8);
    out.println();
    out.print(report);
    out.println("\nfigures: " + dir.resolve("results.json") + ", " + dir.resolve("results.md"));
    return BenchReport.allRepeatsIdentical(results) ? 0 : 1;
  }

  private static ObjectNode measureScale(
      Path dir, double scale, int repeat, List<String> sparkConf, boolean jobOnly, PrintStream out)
      throws IOException, InterruptedException {
    String label = Scales.label(scale);
    Path runs = dir.resolve("runs").resolve("scale-" + label);
    out.printf(Locale.ROOT, "scale %s: generating inputs...%n", label);
    BenchInputs inputs = BenchInputs.prepare(dir.resolve("inputs"), scale, runs, repeat + 1);
    out.printf(
        Locale.ROOT,
        "scale %s: %,d records, %.1f MB%s%n",
        label,
        inputs.totalRecords(),
        inputs.bytes() / 1e6,
        inputs.generateSeconds() > 0
            ? String.format(Locale.ROOT, " (generated in %.1f s)", inputs.generateSeconds())
            : " (reused)");
    ObjectNode row = Measure.JSON.createObjectNode();
    row.put("scale", scale);
    row.put("input_records", inputs.totalRecords());
    row.put("input_bytes", inputs.bytes());
    row.set("input_files", Measure.JSON.valueToTree(inputs.records()));
    Path logs = dir.resolve("logs");
    Path figures = dir.resolve("figures");
    Files.createDirectories(figures);

    if (!jobOnly) {
      references(dir, inputs, label, sparkConf, row, out);
    }

    SampleDataGenerator.deleteRecursively(runs);
    ArrayNode pipelines = row.putArray("pipeline_runs");
    for (int r = 1; r <= repeat; r++) {
      out.printf(Locale.ROOT, "scale %s: nightly job, run %d of %d...%n", label, r, repeat);
      pipelines.add(
          measured(
              ChildJvm.run(
                  sparkConf,
                  logs.resolve("scale-" + label + "-pipeline-" + r + ".log"),
                  figures.resolve("scale-" + label + "-pipeline-" + r + ".json"),
                  "pipeline",
                  inputs.config().toString())));
    }
    row.set("pipeline", pipelines.get(0));
    if (repeat > 1) {
      row.set("repeat", PublishedTables.compare(pipelines));
    }
    out.printf(
        Locale.ROOT,
        "scale %s: job %.1f s%s%n",
        label,
        row.get("pipeline").get("seconds").asDouble(),
        jobOnly
            ? ""
            : String.format(
                Locale.ROOT,
                ", bare scan %.1f s, DuckDB %.1f s",
                row.get("scan").get("seconds").asDouble(),
                row.get("duckdb").get("seconds").asDouble()));
    return row;
  }

  /** The bare Spark scan, DuckDB and the bootstrap's cost on the scale's inputs. */
  private static void references(
      Path dir,
      BenchInputs inputs,
      String label,
      List<String> sparkConf,
      ObjectNode row,
      PrintStream out)
      throws IOException, InterruptedException {
    Path logs = dir.resolve("logs");
    Path figures = dir.resolve("figures");
    out.printf(Locale.ROOT, "scale %s: bare Spark scan...%n", label);
    row.set(
        "scan",
        measured(
            ChildJvm.run(
                sparkConf,
                logs.resolve("scale-" + label + "-scan.log"),
                figures.resolve("scale-" + label + "-scan.json"),
                "scan",
                inputs.dir().toString())));
    out.printf(Locale.ROOT, "scale %s: DuckDB...%n", label);
    row.set(
        "duckdb",
        measured(
            ChildJvm.run(
                logs.resolve("scale-" + label + "-duckdb.log"),
                figures.resolve("scale-" + label + "-duckdb.json"),
                "duckdb",
                inputs.dir().toString(),
                dir.resolve("duckdb").resolve("scale-" + label).toString())));
    out.printf(Locale.ROOT, "scale %s: bootstrap cost...%n", label);
    int people =
        (int)
            Math.max(
                50,
                Math.round(
                    org.sociallearning.impact.sample.GeneratorSettings.SCALE_ONE_EMPLOYEES
                        * inputs.scale()));
    row.set(
        "bootstrap",
        measured(
            ChildJvm.run(
                logs.resolve("scale-" + label + "-bootstrap.log"),
                figures.resolve("scale-" + label + "-bootstrap.json"),
                "bootstrap",
                Integer.toString(people))));
  }

  private static ObjectNode measured(ChildJvm.Outcome o) {
    ObjectNode n = (ObjectNode) o.figures();
    n.put("process_seconds", o.processSeconds());
    return n;
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
