package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/** Panel step: item outcomes averaged per employee and month, the unit the estimator works on. */
public final class EmployeeMonthOutcomes {

  private EmployeeMonthOutcomes() {}

  /** Needs {@code employee_id, month, value}; returns {@code employee_id, month, value, items}. */
  public static Dataset<Row> aggregate(Dataset<Row> items) {
    return items.groupBy(col(IdentityResolution.EMPLOYEE_ID), col("month"))
        .agg(ExactAggregates.mean(col("value")).as("value"), count(lit(1)).as("items"));
  }
}
