package org.sociallearning.impact;

import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.spark.sql.SparkSession;

/**
 * One Spark session for the whole test JVM ({@code local[2]}, UI off, 2 shuffle partitions,
 * UTC, English locale): starting Spark costs seconds, so test classes share it.
 */
public final class TestSpark {

  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      Locale.setDefault(Locale.US);
      session = SparkSession.builder()
          .master("local[2]")
          .appName("impact-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.hadoop.fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem")
          .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
          .getOrCreate();
    }
    return session;
  }

  /** The shared reference folder beside the project ({@code ../shared}). */
  public static Path sharedDir() {
    String configured = System.getProperty("impact.shared.dir");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    return dir.toAbsolutePath().normalize();
  }
}
