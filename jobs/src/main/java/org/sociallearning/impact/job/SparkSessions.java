package org.sociallearning.impact.job;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The job's Spark session: embedded {@code local[*]} unless spark-submit named a master, UTC,
 * and no checksum or marker files in outputs.
 */
public final class SparkSessions {

  private SparkSessions() {}

  public static SparkSession forJob(String appName) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!conf.contains("spark.master")) {
      builder.master("local[*]")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "8");
    }
    return builder
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.hadoop.fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem")
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .getOrCreate();
  }

  /**
   * Where Spark writes shuffle and spill files, resolved as Spark resolves it in local mode:
   * {@code SPARK_LOCAL_DIRS}, else {@code spark.local.dir}, else the JVM's temporary folder.
   */
  public static String scratchFolders(SparkSession spark) {
    String fromEnvironment = System.getenv("SPARK_LOCAL_DIRS");
    return fromEnvironment != null ? fromEnvironment : spark.sparkContext().getConf()
        .get("spark.local.dir", System.getProperty("java.io.tmpdir"));
  }
}
