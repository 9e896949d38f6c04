package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * When bad rows stop the run ({@code quality:} in the config).
 *
 * @param maxErrorRate largest share (0 to 1) of a source's rows that may be quarantined (rows read
 *     minus skipped ones); above it the run fails with exit code 4
 * @param maxErrorRateBySource overrides per source, keyed by the source's config key (e.g. {@code
 *     sources.service_desk[0]})
 */
public record QualitySettings(
    @JsonProperty("max_error_rate") Double maxErrorRate,
    @JsonProperty("max_error_rate_by_source") Map<String, Double> maxErrorRateBySource) {

  public static final double DEFAULT_MAX_ERROR_RATE = 0.10;

  public QualitySettings {
    maxErrorRate = maxErrorRate == null ? DEFAULT_MAX_ERROR_RATE : maxErrorRate;
    maxErrorRateBySource =
        maxErrorRateBySource == null ? Map.of() : Map.copyOf(new TreeMap<>(maxErrorRateBySource));
  }

  public static QualitySettings defaults() {
    return new QualitySettings(null, null);
  }

  /** The threshold of one source: its override, else the overall one. */
  public double maxErrorRate(String sourceKey) {
    return maxErrorRateBySource.getOrDefault(sourceKey, maxErrorRate);
  }
}
