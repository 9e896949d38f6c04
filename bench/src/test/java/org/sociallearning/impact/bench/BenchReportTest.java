package org.sociallearning.impact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  @Test
  void targetsCompareTheLargestScaleWithTheReferencesAndTheSmallestNonZeroScale() {
    ObjectNode results = Measure.JSON.createObjectNode();
    results.put("machine", "test");
    ArrayNode scales = results.putArray("scales");
    scales.add(scale(0, 1_000, 10, 5, 1, 0));
    scales.add(scale(1, 100_000, 60, 30, 20, 0));
    scales.add(scale(20, 2_000_000, 1600, 500, 300, 10));
    List<String[]> targets = BenchReport.targets(list(results));
    assertEquals(
        List.of("3.20", "5.33", "26.67", "10.0 s", "2.00x", "10.0 MB of 20.0 MB"),
        targets.stream().map(t -> t[1]).toList());
    // 1600 / 60 = 26.7 > 1.25 x 20: growth is worse than linear.
    assertEquals(
        List.of("**no**", "**no**", "**no**", "yes", "yes", "yes"),
        targets.stream().map(t -> t[2]).toList());
    String md = BenchReport.markdown(results);
    assertTrue(
        md.contains("| 20 | 2,000,000 | 20.0 | 1600.0 | 1,250 | 500.0 | 300.0 | 3.20 | 5.33"), md);
    assertTrue(md.contains("| ingest forum | 2,000,000 |"), md);
  }

  @Test
  void aRepeatWithADifferingTableFailsTheBenchmark() {
    ObjectNode results = Measure.JSON.createObjectNode();
    ArrayNode scales = results.putArray("scales");
    ObjectNode s = scale(1, 100, 1, 1, 1, 0);
    ObjectNode repeat = s.putObject("repeat");
    repeat.put("runs", 3).put("tables", 21).put("identical", false);
    repeat.putArray("differing").add("run 2: impact_estimates.csv");
    scales.add(s);
    assertFalse(BenchReport.allRepeatsIdentical(results));
    repeat.put("identical", true);
    assertTrue(BenchReport.allRepeatsIdentical(results));
  }

  private static List<com.fasterxml.jackson.databind.JsonNode> list(ObjectNode results) {
    List<com.fasterxml.jackson.databind.JsonNode> l = new ArrayList<>();
    results.get("scales").forEach(l::add);
    return l;
  }

  private static ObjectNode scale(
      double scale, long records, double job, double scan, double duck, long spilledMb) {
    ObjectNode s = Measure.JSON.createObjectNode();
    s.put("scale", scale);
    s.put("input_records", records);
    s.put("input_bytes", records * 10);
    s.putObject("scan").put("seconds", scan);
    s.putObject("duckdb").put("seconds", duck);
    ObjectNode p = s.putObject("pipeline");
    p.put("seconds", job)
        .put("peak_rss_bytes", 1_000_000_000L)
        .put("spilled_disk_bytes", spilledMb * 1_000_000)
        .put("spark_jobs", 100)
        .put("spark_start_seconds", 2.0);
    ArrayNode stages = p.putArray("stages");
    stages
        .addObject()
        .put("stage", "ingest forum")
        .put("rows_in", records)
        .put("rows_out", records)
        .put("seconds", job / 2)
        .put("spark_jobs", 3);
    ObjectNode b = s.putObject("bootstrap");
    b.put("people", 50)
        .put("estimate_seconds_without_bootstrap", 0.5)
        .put("estimate_seconds_with_bootstrap", 1.0);
    return s;
  }
}
