package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How people in the exports are matched to the HR roster ({@code identity:} in the config).
 *
 * @param domainAliases email domains that are the same mailbox as another, e.g. {@code
 *     corp.example.com: example.com} (lower-cased; applied to both sides)
 * @param idMappings CSV {@code source,source_user_id,employee_id}, relative to the config file's
 *     folder: explicit matches for people whose email does not match (source is the system name in
 *     the canonical tables, e.g. slack, discourse, salesforce; for exports with only emails,
 *     source_user_id is the email as exported)
 */
public record IdentitySettings(
    @JsonProperty("domain_aliases") Map<String, String> domainAliases,
    @JsonProperty("id_mappings") String idMappings) {

  public IdentitySettings {
    Map<String, String> lowered = new TreeMap<>();
    if (domainAliases != null) {
      domainAliases.forEach((from, to) -> lowered.put(normalise(from), normalise(to)));
    }
    domainAliases = Map.copyOf(lowered);
  }

  public static IdentitySettings defaults() {
    return new IdentitySettings(null, null);
  }

  private static String normalise(String domain) {
    return domain == null ? null : domain.strip().toLowerCase(Locale.ROOT);
  }
}
