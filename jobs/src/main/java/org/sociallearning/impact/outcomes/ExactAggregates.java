package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Sums and means of doubles that do not depend on how Spark split the rows. A double sum depends on
 * the order of its terms, and Spark adds partial sums in whatever order shuffle blocks arrive, so
 * the same data gave results differing in the last digits between a local run and a cluster (or
 * between two clusters). Each value is fixed to 18 decimal places and summed exactly as a decimal,
 * then turned back into a double: far below a double's precision for the values summed here (logs,
 * hours, rates, amounts under 10^20), and identical however the rows are partitioned.
 */
public final class ExactAggregates {

  private static final DecimalType FIXED = DataTypes.createDecimalType(38, 18);

  private ExactAggregates() {}

  /** The mean of a double column, independent of partitioning; null over no rows. */
  public static Column mean(Column value) {
    return avg(value.cast(FIXED)).cast(DataTypes.DoubleType);
  }

  /** The sum of a double column, independent of partitioning; null over no rows. */
  public static Column total(Column value) {
    return sum(value.cast(FIXED)).cast(DataTypes.DoubleType);
  }
}
