package org.sociallearning.impact.schemas;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The row rules of a contract as Spark expressions: its column {@code checks} and the row rules of
 * its {@code quality:} section (not_null, accepted_values, range, time_order). Error rules yield a
 * {@link #problem problem} struct naming the rule, with the offending value (masked for personal
 * and free-text columns); warn rules are only counted. Table rules (unique, relationship) need
 * every row and are checked elsewhere.
 */
public final class RowChecks {

  /** Shown instead of values of columns that must not leave the job. */
  public static final String MASK = "***";

  private RowChecks() {}

  /**
   * One row rule: {@code failing} is true for a row that breaks it (null-safe: only not_null fails
   * on missing values), {@code problem} the problem struct for an error rule.
   */
  public record RowCheck(QualityRule rule, Column failing, Column problem) {}

  /** A problem struct {@code (reason, value)}: the form every validation step produces. */
  public static Column problem(String reason, Column value) {
    return struct(lit(reason).as("reason"), value.cast("string").as("value"));
  }

  /** Every row rule of the contract, column checks first. */
  public static List<RowCheck> of(TableContract contract) {
    List<RowCheck> out = new ArrayList<>();
    for (QualityRule rule : contract.rules()) {
      if (!rule.isRowRule()) {
        continue;
      }
      ColumnContract column = contract.column(rule.column()).orElseThrow();
      Column failing = failing(rule, contract);
      Column shown = column.isDirectlyIdentifying() ? lit(MASK) : col(rule.column());
      if ("time_order".equals(rule.rule())) {
        shown = col(rule.columns().get(1));
      }
      String reason =
          TableContract.COLUMN_CHECK.equals(rule.description())
              ? columnCheckReason(rule)
              : rule.reason();
      Column value = "not_null".equals(rule.rule()) ? lit(null) : shown;
      out.add(new RowCheck(rule, failing, when(failing, problem(reason, value))));
    }
    return out;
  }

  /** Problems of the error rules: null when the row passes. */
  public static List<Column> violations(TableContract contract) {
    List<Column> out = new ArrayList<>();
    for (RowCheck check : of(contract)) {
      if (check.rule().isError()) {
        out.add(check.problem());
      }
    }
    return out;
  }

  /**
   * True for a row that breaks the rule; missing values pass every rule but not_null. A time order
   * between a date and a timestamp compares calendar dates (a deal closed the day it was created is
   * in order).
   */
  static Column failing(QualityRule rule, TableContract contract) {
    Column value = col(rule.column());
    return switch (rule.rule()) {
      case "not_null" -> value.isNull();
      case "accepted_values" ->
          value.isNotNull().and(value.isin(rule.values().toArray()).unary_$bang());
      case "range" -> {
        Column below = rule.min() == null ? lit(false) : value.lt(rule.min());
        Column above = rule.max() == null ? lit(false) : value.gt(rule.max());
        yield value.isNotNull().and(below.or(above));
      }
      case "time_order" -> {
        Column later = col(rule.columns().get(1));
        boolean byDate =
            rule.columns().stream()
                .anyMatch(c -> "date".equals(contract.column(c).orElseThrow().type()));
        if (byDate) {
          value = org.apache.spark.sql.functions.to_date(value);
          later = org.apache.spark.sql.functions.to_date(later);
        }
        yield value.isNotNull().and(later.isNotNull()).and(later.lt(value));
      }
      default -> throw new IllegalArgumentException(rule.rule() + " is not a row rule");
    };
  }

  /** The reasons column checks have always given: the column, then what is wrong. */
  private static String columnCheckReason(QualityRule rule) {
    return rule.column()
        + ": "
        + switch (rule.rule()) {
          case "not_null" -> "required value is missing";
          case "range" ->
              rule.min() != null
                  ? "below the minimum " + rule.min()
                  : "above the maximum " + rule.max();
          default -> "not one of " + rule.values();
        };
  }
}
