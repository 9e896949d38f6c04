package org.sociallearning.impact.config;

import java.util.List;

/**
 * Checks the {@code identity:} block (the id mapping file, email domain aliases) and the {@code
 * quality:} block (error-rate thresholds, overall and per configured source). Part of {@link
 * ConfigLoader#validate}.
 */
final class IdentityAndQualityValidation {

  private IdentityAndQualityValidation() {}

  static void validateIdentity(PipelineConfig config) {
    IdentitySettings identity = config.identity();
    if (identity.idMappings() != null) {
      InputFileValidation.requireExists(
          config.resolve(identity.idMappings()), "identity.id_mappings");
    }
    identity
        .domainAliases()
        .forEach(
            (from, to) -> {
              for (String domain : new String[] {from, to}) {
                if (domain == null
                    || !domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9-]+)+")) {
                  throw new ConfigException(
                      "identity.domain_aliases maps email domains (e.g."
                          + " \"corp.example.com\": example.com), got '"
                          + from
                          + "': '"
                          + to
                          + "'");
                }
              }
            });
  }

  static void validateQuality(PipelineConfig config) {
    QualitySettings quality = config.quality();
    requireShare("quality.max_error_rate", quality.maxErrorRate());
    List<String> keys = config.sources().all().stream().map(Sources.ConfiguredSource::key).toList();
    quality
        .maxErrorRateBySource()
        .forEach(
            (key, rate) -> {
              if (!keys.contains(key)) {
                throw new ConfigException(
                    "quality.max_error_rate_by_source names '"
                        + key
                        + "', which is not a configured source (sources here: "
                        + keys
                        + ")");
              }
              requireShare("quality.max_error_rate_by_source." + key, rate);
            });
  }

  private static void requireShare(String key, Double value) {
    if (value == null || value < 0 || value > 1) {
      throw new ConfigException(
          key + " must be a share from 0 to 1 (0.05 = 5% of a source's" + " rows), got " + value);
    }
  }
}
