package org.sociallearning.impact.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the benchmark's figures into the Markdown tables and target checks of BENCHMARKS.md. */
final class BenchReport {

  static final double MAX_JOB_OVER_SCAN = 2.5;
  static final double MAX_JOB_OVER_DUCKDB = 4.0;

  /** time(a) / time(b) may be at most this multiple of the data ratio a / b (25 for 20x). */
  static final double MAX_GROWTH_OVER_LINEAR = 1.25;

  static final double MAX_FIXED_OVERHEAD_SECONDS = 15;
  static final double MAX_BOOTSTRAP_FACTOR = 3;

  private BenchReport() {}

  static String markdown(JsonNode results) {
    StringBuilder md = new StringBuilder();
    List<JsonNode> scales = new ArrayList<>();
    results.get("scales").forEach(scales::add);
    md.append("Machine: ").append(results.path("machine").asText()).append("\n");
    if (results.has("spark_conf") && !results.get("spark_conf").isEmpty()) {
      md.append("Spark settings: ").append(results.get("spark_conf")).append("\n");
    }
    md.append("\n");
    md.append(
        "| scale | input records | input MB | job s | records/s | bare scan s | DuckDB s"
            + " | job / scan | job / DuckDB | job peak RSS MB | spilled to disk MB | Spark jobs |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode s : scales) {
      JsonNode job = s.get("pipeline");
      double jobSeconds = jobSeconds(s);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.1f | %.1f | %,.0f | %.1f | %.1f | %.2f | %.2f | %.0f | %.1f | %d |\n",
              Scales.label(s.get("scale").asDouble()),
              s.get("input_records").asLong(),
              s.get("input_bytes").asLong() / 1e6,
              jobSeconds,
              s.get("input_records").asLong() / jobSeconds,
              seconds(s, "scan"),
              seconds(s, "duckdb"),
              jobSeconds / seconds(s, "scan"),
              jobSeconds / seconds(s, "duckdb"),
              job.get("peak_rss_bytes").asLong() / 1e6,
              job.get("spilled_disk_bytes").asLong() / 1e6,
              job.get("spark_jobs").asLong()));
    }
    JsonNode largest = scales.get(scales.size() - 1);
    md.append(
        String.format(
            Locale.ROOT,
            "%nStages of the job at scale %s:%n%n",
            Scales.label(largest.get("scale").asDouble())));
    md.append(
        "| stage | rows in | rows out | s | rows in / s | Spark jobs |\n"
            + "|---|---:|---:|---:|---:|---:|\n");
    for (JsonNode st : largest.get("pipeline").get("stages")) {
      double sec = st.get("seconds").asDouble();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %.2f | %,.0f | %d |\n",
              st.get("stage").asText(),
              st.get("rows_in").asLong(),
              st.get("rows_out").asLong(),
              sec,
              sec > 0 ? st.get("rows_in").asLong() / sec : 0,
              st.path("spark_jobs").asLong()));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| (Spark session start) | | | %.2f | | |\n",
            largest.get("pipeline").get("spark_start_seconds").asDouble()));

    md.append("\nBootstrap (staggered DiD on a panel of the scale's people x 24 months):\n\n");
    md.append(
        "| scale | people | estimate without bootstrap s | with 1,000 replicates s | factor |\n"
            + "|---:|---:|---:|---:|---:|\n");
    for (JsonNode s : scales) {
      JsonNode b = s.get("bootstrap");
      if (b == null) {
        continue;
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.3f | %.3f | %.2f |\n",
              Scales.label(s.get("scale").asDouble()),
              b.get("people").asLong(),
              b.get("estimate_seconds_without_bootstrap").asDouble(),
              b.get("estimate_seconds_with_bootstrap").asDouble(),
              bootstrapFactor(b)));
    }
    md.append("\nTargets:\n\n| target | measured | met |\n|---|---|---|\n");
    for (String[] t : targets(scales)) {
      md.append("| ")
          .append(t[0])
          .append(" | ")
          .append(t[1])
          .append(" | ")
          .append(t[2])
          .append(" |\n");
    }
    return md.toString();
  }

  static List<String[]> targets(List<JsonNode> scales) {
    List<String[]> t = new ArrayList<>();
    JsonNode largest = scales.get(scales.size() - 1);
    String at = " (scale " + Scales.label(largest.get("scale").asDouble()) + ")";
    double job = jobSeconds(largest);
    double overScan = job / seconds(largest, "scan");
    double overDuck = job / seconds(largest, "duckdb");
    if (!Double.isNaN(overScan)) {
      t.add(
          row(
              "job / bare Spark scan <= " + MAX_JOB_OVER_SCAN + at,
              String.format(Locale.ROOT, "%.2f", overScan),
              overScan <= MAX_JOB_OVER_SCAN));
      t.add(
          row(
              "job / DuckDB <= " + MAX_JOB_OVER_DUCKDB + at,
              String.format(Locale.ROOT, "%.2f", overDuck),
              overDuck <= MAX_JOB_OVER_DUCKDB));
    }
    // Growth from scale 1 (or the smallest scale above 0 when none is at least 1): below it the
    // fixed overhead dominates and any growth would look linear.
    JsonNode smallest = null;
    for (JsonNode s : scales) {
      double scale = s.get("scale").asDouble();
      if (s != largest && scale >= 1) {
        smallest = s;
        break;
      }
    }
    for (JsonNode s : scales) {
      if (smallest == null && s != largest && s.get("scale").asDouble() > 0) {
        smallest = s;
      }
    }
    if (smallest != null) {
      double dataRatio =
          largest.get("input_records").asDouble() / smallest.get("input_records").asDouble();
      double timeRatio = job / jobSeconds(smallest);
      t.add(
          row(
              String.format(
                  Locale.ROOT,
                  "time(%s) / time(%s) <= %.2f x data ratio %.1f",
                  Scales.label(largest.get("scale").asDouble()),
                  Scales.label(smallest.get("scale").asDouble()),
                  MAX_GROWTH_OVER_LINEAR,
                  dataRatio),
              String.format(Locale.ROOT, "%.2f", timeRatio),
              timeRatio <= MAX_GROWTH_OVER_LINEAR * dataRatio));
    }
    for (JsonNode s : scales) {
      if (s.get("scale").asDouble() == 0) {
        double fixed = jobSeconds(s);
        t.add(
            row(
                "fixed overhead (scale 0) < " + (int) MAX_FIXED_OVERHEAD_SECONDS + " s",
                String.format(Locale.ROOT, "%.1f s", fixed),
                fixed < MAX_FIXED_OVERHEAD_SECONDS));
      }
    }
    double boot = bootstrapFactor(largest.get("bootstrap"));
    if (!Double.isNaN(boot)) {
      t.add(
          row(
              "bootstrap adds <= " + (int) MAX_BOOTSTRAP_FACTOR + "x to estimation" + at,
              String.format(Locale.ROOT, "%.2fx", boot),
              boot <= MAX_BOOTSTRAP_FACTOR));
    }
    long spilled = largest.get("pipeline").get("spilled_disk_bytes").asLong();
    long input = largest.get("input_bytes").asLong();
    t.add(
        row(
            "spill to disk <= input size" + at,
            String.format(Locale.ROOT, "%.1f MB of %.1f MB", spilled / 1e6, input / 1e6),
            spilled <= input));
    if (largest.has("repeat")) {
      JsonNode r = largest.get("repeat");
      t.add(
          row(
              r.get("runs").asInt() + " runs publish identical tables" + at,
              r.get("tables").asInt()
                  + " tables, "
                  + (r.get("identical").asBoolean()
                      ? "identical"
                      : "differing: " + r.get("differing")),
              r.get("identical").asBoolean()));
    }
    return t;
  }

  static boolean allRepeatsIdentical(JsonNode results) {
    for (JsonNode s : results.get("scales")) {
      if (s.has("repeat") && !s.get("repeat").get("identical").asBoolean()) {
        return false;
      }
    }
    return true;
  }

  private static String[] row(String target, String measured, boolean met) {
    return new String[] {target, measured, met ? "yes" : "**no**"};
  }

  /**
   * The job's seconds at a scale: from the start of its JVM's main to the published result ({@code
   * job_seconds}), the median over the repeats when there were several.
   */
  static double jobSeconds(JsonNode scale) {
    List<Double> runs = new ArrayList<>();
    JsonNode all =
        scale.has("pipeline_runs")
            ? scale.get("pipeline_runs")
            : Measure.JSON.createArrayNode().add(scale.get("pipeline"));
    for (JsonNode r : all) {
      runs.add(
          r.has("job_seconds") ? r.get("job_seconds").asDouble() : r.get("seconds").asDouble());
    }
    runs.sort(Double::compare);
    int n = runs.size();
    return n % 2 == 1 ? runs.get(n / 2) : (runs.get(n / 2 - 1) + runs.get(n / 2)) / 2;
  }

  /** Seconds of a measurement, NaN when it was not run ({@code --job-only}). */
  private static double seconds(JsonNode scale, String measurement) {
    return scale.has(measurement) ? scale.get(measurement).get("seconds").asDouble() : Double.NaN;
  }

  private static double bootstrapFactor(JsonNode b) {
    return b == null
        ? Double.NaN
        : b.get("estimate_seconds_with_bootstrap").asDouble()
            / b.get("estimate_seconds_without_bootstrap").asDouble();
  }
}
