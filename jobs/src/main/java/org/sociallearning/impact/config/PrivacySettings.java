package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How people are pseudonymised, and whether tables with a row per person are published.
 *
 * @param pseudonymKeyFile file holding the secret pseudonym key (at least 16 bytes), relative to
 *     the config file's folder; when absent the key comes from the environment variable {@code
 *     IMPACT_PSEUDONYM_KEY}, and without either every run uses a one-off key
 * @param publishPersonTables whether {@code dim_employee} (a row per person: department, job title,
 *     location, tenure band, when they joined and how actively) is published; off by default, as
 *     anyone holding the roster may recognise people by those attributes
 * @param nameTopHelpers whether {@code top_helpers} (the people who answer most, per community, as
 *     pseudonyms of its own) is published; it identifies people to whoever holds the pseudonym key,
 *     so it needs {@code publishPersonTables} too
 */
public record PrivacySettings(
    @JsonProperty("pseudonym_key_file") String pseudonymKeyFile,
    @JsonProperty("publish_person_tables") Boolean publishPersonTables,
    @JsonProperty("name_top_helpers") Boolean nameTopHelpers) {

  public PrivacySettings {
    publishPersonTables = Boolean.TRUE.equals(publishPersonTables);
    nameTopHelpers = Boolean.TRUE.equals(nameTopHelpers);
  }

  public static PrivacySettings defaults() {
    return new PrivacySettings(null, null, null);
  }

  /** Config problems, checked by the loader. */
  void validate() {
    if (nameTopHelpers && !publishPersonTables) {
      throw new ConfigException(
          "privacy.name_top_helpers: true needs privacy.publish_person_tables: true (top_helpers"
              + " is a table of people)");
    }
  }
}
