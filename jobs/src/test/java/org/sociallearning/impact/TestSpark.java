package org.sociallearning.impact;

import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.spark.sql.SparkSession;

/**
 * One Spark session for the whole test JVM ({@code local[2]}, UI off, 2 shuffle partitions unless
 * the JVM sets another number, interpreted expressions, UTC, English locale): starting Spark costs
 * seconds, so test classes share it. Both test JVMs switch adaptive execution off, and the unit
 * tests' JVM compression too, with one shuffle partition: system properties set in this module's
 * pom, so that the job's own session settings, applied to this session when a test runs the command
 * line in process, leave them alone. The cluster check, the benchmark and the tests that start the
 * job in a process of its own run the job as shipped.
 */
public final class TestSpark {

  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      Locale.setDefault(Locale.US);
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("impact-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              // Two unless the test JVM sets it (the unit tests' JVM uses one: see the pom).
              .config(
                  "spark.sql.shuffle.partitions",
                  System.getProperty("spark.sql.shuffle.partitions", "2"))
              // Test classes run the job many times in one JVM: Spark's status store would keep
              // the plans and metrics of thousands of queries nobody looks at.
              .config("spark.sql.ui.retainedExecutions", "20")
              .config("spark.ui.retainedJobs", "50")
              .config("spark.ui.retainedStages", "50")
              // Every broadcast join's hash table starts with one page; the default page (64 MB on
              // this heap) for tables of a few hundred people filled the heap with empty pages.
              .config("spark.buffer.pageSize", "2m")
              // Generated code is cached per JVM, 100 classes by default: a run needs more than
              // that, so each test's run recompiled what the last one had evicted (the bad-input
              // corpus took about a fifth longer). A single run, one per JVM, gains nothing.
              .config("spark.sql.codegen.cache.maxEntries", "4000")
              // Tests read tables of a few hundred rows: compiling generated code for each plan
              // costs more than it saves, so expressions are interpreted (the bad-input corpus
              // took 71 s instead of 83, the planted scenarios 145 s instead of 156). Spark gives
              // the same results either way; the cluster check and the benchmark run the job as
              // shipped, with generated code.
              .config("spark.sql.codegen.wholeStage", "false")
              .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
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
