package org.sociallearning.impact.schemas;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The row-level checks of a contract as Spark expressions. Each yields null when the row passes,
 * else a {@link #problem problem} struct naming the column and rule, with the offending value
 * (masked for personal and free-text columns). Table-level checks (unique) are enforced by
 * deduplication in the adapters.
 */
public final class RowChecks {

  /** Shown instead of values of columns that must not leave the job. */
  public static final String MASK = "***";

  private RowChecks() {}

  /** A problem struct {@code (reason, value)}: the form every validation step produces. */
  public static Column problem(String reason, Column value) {
    return struct(lit(reason).as("reason"), value.cast("string").as("value"));
  }

  public static List<Column> violations(TableContract contract) {
    List<Column> out = new ArrayList<>();
    for (ColumnContract c : contract.columns()) {
      Column value = col(c.name());
      Column shown = c.isDirectlyIdentifying() ? lit(MASK) : value;
      ColumnChecks checks = c.checks();
      if (checks.notNull()) {
        out.add(when(value.isNull(), problem(c.name() + ": required value is missing", lit(null))));
      }
      if (checks.min() != null) {
        out.add(when(value.lt(checks.min()),
            problem(c.name() + ": below the minimum " + checks.min(), shown)));
      }
      if (checks.max() != null) {
        out.add(when(value.gt(checks.max()),
            problem(c.name() + ": above the maximum " + checks.max(), shown)));
      }
      if (!checks.accepted().isEmpty()) {
        out.add(when(value.isNotNull().and(value.isin(checks.accepted().toArray()).unary_$bang()),
            problem(c.name() + ": not one of " + checks.accepted(), shown)));
      }
    }
    return out;
  }
}
