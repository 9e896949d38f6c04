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

  /**
   * The shared state of run {@code runId}'s stages: a new manifest, and the pseudonym key read once
   * (a run without a configured key warns that its pseudonyms will not match other runs').
   */
  public static StageContext open(
      SparkSession spark,
      PipelineConfig config,
      StageLog log,
      String runId,
      FrameCache cache,
      StageListener listener) {
    Manifest manifest =
        new Manifest(
            runId, config.asOf().toString(), config.configFile().toString(), config.digest());
    PseudonymKey key = PseudonymKey.of(config);
    if (!key.stable()) {
      manifest.warn(
          "no pseudonym key (privacy.pseudonym_key_file or "
              + PseudonymKey.ENV
              + "): pseudonyms use a one-off key and will not match those of other runs");
      log.warn(
          "no pseudonym key is configured (privacy.pseudonym_key_file or "
              + PseudonymKey.ENV
              + "): pseudonyms in this run's tables will not match other runs'");
    }
    manifest.put("pseudonyms_stable_across_runs", key.stable());
    return new StageContext(spark, config, log, manifest, key, cache, listener);
  }

  /** Runs one named stage: tells the listener, then does the work. */
  public <T> T stage(String name, java.util.function.Supplier<T> work) {
    listener.starting(name);
    return work.get();
  }
}
