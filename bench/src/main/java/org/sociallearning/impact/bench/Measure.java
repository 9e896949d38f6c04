package org.sociallearning.impact.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.job.NightlyImpactJob;
import org.sociallearning.impact.job.SparkSessions;

/**
 * One measurement, in a JVM of its own so that start-up, memory and caches are measured alike for
 * each: {@code pipeline CONFIG RESULT}, {@code scan INPUTS RESULT}, {@code duckdb INPUTS WORK
 * RESULT} or {@code bootstrap PEOPLE RESULT}. Writes its figures as JSON to RESULT.
 */
public final class Measure {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Measure() {}

  public static void main(String[] args) {
    int code = 1;
    try {
      measure(args);
      code = 0;
    } catch (Exception | Error e) {
      System.err.println("error: " + args[0] + " measurement failed: " + e);
      e.printStackTrace();
    } finally {
      // Spark's non-daemon threads would otherwise keep the JVM alive, failed or not.
      System.exit(code);
    }
  }

  private static void measure(String[] args) throws Exception {
    long start = System.nanoTime();
    Map<String, Object> result = new LinkedHashMap<>();
    Path out;
    switch (args[0]) {
      case "pipeline" -> {
        out = Path.of(args[2]);
        pipeline(Path.of(args[1]), result);
      }
      case "scan" -> {
        out = Path.of(args[2]);
        try (SparkSession spark = SparkSessions.forJob("impact-bench-scan")) {
          result.put("inputs", BareScan.run(spark, Path.of(args[1])));
        }
      }
      case "duckdb" -> {
        out = Path.of(args[3]);
        result.put("tables", DuckDbCoreWork.run(Path.of(args[1]), Path.of(args[2])));
      }
      case "bootstrap" -> {
        out = Path.of(args[2]);
        result.putAll(BootstrapCost.measure(Integer.parseInt(args[1])));
      }
      default -> throw new IllegalArgumentException("unknown measurement " + args[0]);
    }
    result.put("seconds", (System.nanoTime() - start) / 1e9);
    result.put("peak_rss_bytes", ProcessMemory.peakResidentBytes());
    result.put("peak_heap_bytes", ProcessMemory.peakHeapBytes());
    result.put("max_heap_bytes", ProcessMemory.maxHeapBytes());
    JSON.writeValue(out.toFile(), result);
  }

  private static void pipeline(Path configFile, Map<String, Object> result) throws Exception {
    long start = System.nanoTime();
    PipelineConfig config = ConfigLoader.load(configFile);
    SparkSession spark = SparkSessions.forJob("impact-bench-pipeline");
    SparkWorkListener work = new SparkWorkListener();
    spark.sparkContext().addSparkListener(work);
    result.put("spark_start_seconds", (System.nanoTime() - start) / 1e9);
    Path run = new NightlyImpactJob(spark, config, System.out).run().output();
    result.put("job_seconds", (System.nanoTime() - start) / 1e9);
    spark.sparkContext().listenerBus().waitUntilEmpty();
    result.put("run", run.toString());
    result.put(
        "stages",
        stages(config.output().resolve("logs").resolve(run.getFileName() + ".jsonl"), work));
    result.put("spark_jobs", work.jobs.get());
    result.put("spark_tasks", work.tasks.get());
    result.put("spilled_memory_bytes", work.memorySpilled.get());
    result.put("spilled_disk_bytes", work.diskSpilled.get());
    result.put("shuffle_written_bytes", work.shuffleWritten.get());
    result.put("peak_task_execution_memory_bytes", work.peakExecutionMemory.get());
    spark.stop();
  }

  private static List<Map<String, Object>> stages(Path log, SparkWorkListener work)
      throws IOException {
    List<Map<String, Object>> stages = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      JsonNode n = JSON.readTree(line);
      if (!"stage".equals(n.path("event").asText())) {
        continue;
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("stage", n.get("stage").asText());
      s.put("rows_in", n.path("rows_in").asLong());
      s.put("rows_out", n.path("rows_out").asLong());
      s.put("seconds", n.path("seconds").asDouble());
      long end = java.time.Instant.parse(n.get("at").asText()).toEpochMilli();
      s.put(
          "spark_jobs",
          work.jobsStartedBetween(end - Math.round(n.path("seconds").asDouble() * 1000), end));
      stages.add(s);
    }
    return stages;
  }
}
