package org.sociallearning.impact.pipeline;

import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.privacy.PseudonymKey;
import org.sociallearning.impact.publish.Manifest;
import org.sociallearning.impact.publish.StageLog;

/**
 * What every stage of one run shares: the Spark session, the validated config, the progress log,
 * the manifest the run is filling in, the run's pseudonym key, the frames it caches, and the
 * listener told as each stage starts.
 */
public record StageContext(
    SparkSession spark,
    PipelineConfig config,
    StageLog log,
    Manifest manifest,
    PseudonymKey pseudonymKey,
    FrameCache cache,
    StageListener listener) {

  /** Runs one named stage: tells the listener, then does the work. */
  public <T> T stage(String name, java.util.function.Supplier<T> work) {
    listener.starting(name);
    return work.get();
  }
}
