package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sociallearning.impact.identity.IdentityResolution;

/** Panel step: item outcomes averaged per employee and month, the unit the estimator works on. */
public final class EmployeeMonthOutcomes {

  /** The shape of every metric's employee-month table. */
  public static final StructType SCHEMA =
      new StructType()
          .add(IdentityResolution.EMPLOYEE_ID, DataTypes.StringType)
          .add("month", DataTypes.DateType)
          .add("value", DataTypes.DoubleType)
          .add("items", DataTypes.LongType);

  private EmployeeMonthOutcomes() {}

  /**
   * For log-scale item outcomes ({@code value} = ln of the item's hours, days or amount): the plain
   * mean of the items' own values per employee and month, {@code employee_id, month, value, items},
   * to be weighted by {@code items} when estimating the effect on the mean.
   */
  public static Dataset<Row> aggregateLevels(Dataset<Row> logItems) {
    return logItems
        .groupBy(col(IdentityResolution.EMPLOYEE_ID), col("month"))
        .agg(ExactAggregates.mean(exp(col("value"))).as("value"), count(lit(1)).as("items"));
  }

  /** Needs {@code employee_id, month, value}; returns {@code employee_id, month, value, items}. */
  public static Dataset<Row> aggregate(Dataset<Row> items) {
    return items
        .groupBy(col(IdentityResolution.EMPLOYEE_ID), col("month"))
        .agg(ExactAggregates.mean(col("value")).as("value"), count(lit(1)).as("items"));
  }
}
