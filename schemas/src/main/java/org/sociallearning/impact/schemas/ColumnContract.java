package org.sociallearning.impact.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Set;

/**
 * One column of a table contract: its type, unit, time zone, privacy class and checks.
 *
 * @param pii {@code none}, {@code indirect} (e.g. department, pseudonymous key) or {@code direct}
 *     (names, emails, free text): direct columns never leave the job and are masked in quarantine
 */
public record ColumnContract(
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("unit") String unit,
    @JsonProperty("timezone") String timezone,
    @JsonProperty("pii") String pii,
    @JsonProperty("description") String description,
    @JsonProperty("checks") ColumnChecks checks) {

  static final Set<String> TYPES =
      Set.of("string", "long", "int", "double", "boolean", "date", "timestamp");
  static final Set<String> PII_CLASSES = Set.of("none", "indirect", "direct");

  public ColumnContract {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a column has no name");
    }
    type = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "column '" + name + "' has type '" + type + "'; expected one of " + TYPES);
    }
    pii = pii == null ? "none" : pii.toLowerCase(Locale.ROOT);
    if (!PII_CLASSES.contains(pii)) {
      throw new IllegalArgumentException(
          "column '" + name + "' has pii '" + pii + "'; expected one of " + PII_CLASSES);
    }
    if ("timestamp".equals(type) && timezone == null) {
      throw new IllegalArgumentException("timestamp column '" + name + "' must name its timezone");
    }
    checks = checks == null ? ColumnChecks.NONE : checks;
    description = description == null ? "" : description.strip();
  }

  /** True for names, emails and free text: values that must never be written out. */
  public boolean isDirectlyIdentifying() {
    return "direct".equals(pii);
  }
}
