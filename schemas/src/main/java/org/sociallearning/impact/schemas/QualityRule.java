package org.sociallearning.impact.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A named data-quality assertion declared in a contract's {@code quality:} section (or derived from
 * a column's {@code checks}). Severity {@code error} quarantines the failing row with the rule's
 * name as reason; {@code warn} only counts it in the quality table.
 *
 * @param name snake_case name, unique within the contract; quarantine reasons start with it
 * @param rule {@code not_null}, {@code accepted_values}, {@code range}, {@code time_order} (row
 *     rules, checked as each source is read), {@code unique} or {@code relationship} (table rules,
 *     checked once every source is read)
 * @param columns the column(s) the rule reads: one, or two for time_order (earlier, later)
 * @param values the allowed values of accepted_values
 * @param min smallest allowed value of range, inclusive
 * @param max largest allowed value of range, inclusive
 * @param to {@code table.column} a relationship's values must exist in
 * @param severity {@code error} or {@code warn}
 * @param description what the rule protects, for people reading the contract
 */
public record QualityRule(
    @JsonProperty("name") String name,
    @JsonProperty("rule") String rule,
    @JsonProperty("columns") List<String> columns,
    @JsonProperty("values") List<String> values,
    @JsonProperty("min") Double min,
    @JsonProperty("max") Double max,
    @JsonProperty("to") String to,
    @JsonProperty("severity") String severity,
    @JsonProperty("description") String description) {

  public static final Set<String> ROW_RULES =
      Set.of("not_null", "accepted_values", "range", "time_order");
  public static final Set<String> TABLE_RULES = Set.of("unique", "relationship");
  public static final String ERROR = "error";
  public static final String WARN = "warn";

  public QualityRule {
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "a quality rule needs a snake_case name, got '" + name + "'");
    }
    rule = rule == null ? "" : rule.toLowerCase(Locale.ROOT);
    if (!ROW_RULES.contains(rule) && !TABLE_RULES.contains(rule)) {
      throw new IllegalArgumentException(
          "quality rule '"
              + name
              + "' has rule '"
              + rule
              + "'; expected one of not_null, accepted_values, range, time_order, unique,"
              + " relationship");
    }
    columns = columns == null ? List.of() : List.copyOf(columns);
    values = values == null ? List.of() : List.copyOf(values);
    int expected = "time_order".equals(rule) ? 2 : 1;
    if ("unique".equals(rule) ? columns.isEmpty() : columns.size() != expected) {
      throw new IllegalArgumentException(
          "quality rule '"
              + name
              + "' ("
              + rule
              + ") needs "
              + expected
              + " column(s), got "
              + columns);
    }
    if ("accepted_values".equals(rule) && values.isEmpty()) {
      throw new IllegalArgumentException("quality rule '" + name + "' needs values");
    }
    if ("range".equals(rule) && min == null && max == null) {
      throw new IllegalArgumentException("quality rule '" + name + "' needs min and/or max");
    }
    if ("relationship".equals(rule) && (to == null || !to.matches("[a-z_]+\\.[a-z_]+"))) {
      throw new IllegalArgumentException(
          "quality rule '" + name + "' needs to: table.column," + " got '" + to + "'");
    }
    severity = severity == null ? ERROR : severity.toLowerCase(Locale.ROOT);
    if (!ERROR.equals(severity) && !WARN.equals(severity)) {
      throw new IllegalArgumentException(
          "quality rule '" + name + "' has severity '" + severity + "'; expected error or warn");
    }
    description = description == null ? "" : description.strip();
  }

  public boolean isError() {
    return ERROR.equals(severity);
  }

  /** True for rules one row can be checked against on its own (as the source is read). */
  public boolean isRowRule() {
    return ROW_RULES.contains(rule);
  }

  public String column() {
    return columns.get(0);
  }

  /** The referenced table of a relationship. */
  public String toTable() {
    return to.substring(0, to.indexOf('.'));
  }

  /** The referenced column of a relationship. */
  public String toColumn() {
    return to.substring(to.indexOf('.') + 1);
  }

  /** The quarantine reason of a failing row: the rule's name, then what is wrong. */
  public String reason() {
    return name
        + ": "
        + switch (rule) {
          case "not_null" -> column() + " is missing";
          case "accepted_values" -> column() + " is not one of " + values;
          case "range" ->
              column()
                  + " is outside "
                  + (min == null ? "(-inf" : "[" + min)
                  + ", "
                  + (max == null ? "inf)" : max + "]");
          case "time_order" -> columns.get(1) + " is before " + columns.get(0);
          case "unique" -> String.join(", ", columns) + " is shared by several rows";
          default -> column() + " has no match in " + to;
        };
  }
}
