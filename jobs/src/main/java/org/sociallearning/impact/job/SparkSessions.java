package org.sociallearning.impact.job;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The job's Spark session: embedded {@code local[*]} unless spark-submit named a master, UTC, and
 * no checksum or marker files in outputs. The tuning defaults below give way to any value set by
 * spark-submit {@code --conf} or, for local runs, a {@code -Dspark.*} system property (e.g. {@code
 * IMPACT_JAVA_OPTS=-Dspark.sql.shuffle.partitions=16 bin/impact run ...}).
 */
public final class SparkSessions {

  private SparkSessions() {}

  public static SparkSession forJob(String appName) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!conf.contains("spark.master")) {
      builder.master("local[*]");
      setDefault(builder, conf, "spark.ui.enabled", "false");
      // Without a UI nobody reads the status store; a run issues hundreds of queries.
      setDefault(builder, conf, "spark.sql.ui.retainedExecutions", "50");
      // Each broadcast join's hash table starts with one memory page, 64 MB by default on a
      // few GB of heap; the job's broadcast tables are per-person dimensions, far smaller.
      setDefault(builder, conf, "spark.buffer.pageSize", "8m");
      setDefault(builder, conf, "spark.driver.host", "127.0.0.1");
      // One shuffle partition per core, at most 8 (the former fixed value): on 2 cores the
      // benchmark measured 2 partitions faster than 8 at scale 1, and 16 slower still; most of
      // the job's shuffles are small aggregates, where each extra partition is a task of pure
      // overhead (BENCHMARKS.md). Larger machines were not measured, so they keep 8.
      setDefault(
          builder,
          conf,
          "spark.sql.shuffle.partitions",
          Integer.toString(localShufflePartitions()));
    }
    setDefault(builder, conf, "spark.sql.adaptive.enabled", "true");
    return builder
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.hadoop.fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem")
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .getOrCreate();
  }

  /** Shuffle partitions of a local run: one per core the JVM may use, at most 8. */
  static int localShufflePartitions() {
    return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  private static void setDefault(
      SparkSession.Builder builder, SparkConf conf, String key, String value) {
    if (!conf.contains(key)) {
      builder.config(key, value);
    }
  }

  /**
   * Where Spark writes shuffle and spill files, resolved as Spark resolves it in local mode: {@code
   * SPARK_LOCAL_DIRS}, else {@code spark.local.dir}, else the JVM's temporary folder.
   */
  public static String scratchFolders(SparkSession spark) {
    String fromEnvironment = System.getenv("SPARK_LOCAL_DIRS");
    return fromEnvironment != null
        ? fromEnvironment
        : spark
            .sparkContext()
            .getConf()
            .get("spark.local.dir", System.getProperty("java.io.tmpdir"));
  }
}
