package org.sociallearning.impact.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Row-level and table-level rules declared beside a column in a contract file.
 *
 * @param notNull the value must be present (after parsing: an unparseable value is missing too)
 * @param unique no two accepted rows share the value (a table-level check)
 * @param min smallest allowed numeric value, inclusive
 * @param max largest allowed numeric value, inclusive
 * @param accepted the only allowed values, when given
 */
public record ColumnChecks(
    @JsonProperty("not_null") boolean notNull,
    @JsonProperty("unique") boolean unique,
    @JsonProperty("min") Double min,
    @JsonProperty("max") Double max,
    @JsonProperty("accepted") List<String> accepted) {

  public static final ColumnChecks NONE = new ColumnChecks(false, false, null, null, null);

  public ColumnChecks {
    accepted = accepted == null ? List.of() : List.copyOf(accepted);
  }
}
