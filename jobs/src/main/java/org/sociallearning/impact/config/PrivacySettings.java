package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How people are pseudonymised.
 *
 * @param pseudonymKeyFile file holding the secret pseudonym key (at least 16 bytes), relative to
 *     the config file's folder; when absent the key comes from the environment variable {@code
 *     IMPACT_PSEUDONYM_KEY}, and without either every run uses a one-off key
 */
public record PrivacySettings(@JsonProperty("pseudonym_key_file") String pseudonymKeyFile) {

  public static PrivacySettings defaults() {
    return new PrivacySettings(null);
  }
}
