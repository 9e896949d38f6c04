package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for {@code pipeline_velocity} (see schemas/contracts/metrics.yaml), the standard
 * sales-velocity formula per employee and month of creation: {@code (opportunities x win rate x
 * average won deal size) / average sales cycle in days}, which equals the amount won within the
 * horizon divided by the average cycle. It is a ratio over the month's opportunities, not a mean of
 * per-opportunity values, so this step aggregates itself instead of leaving that to {@link
 * EmployeeMonthOutcomes}.
 */
public final class PipelineVelocity implements OutcomeMetric {

  public static final String METRIC = "pipeline_velocity";

  @Override
  public String name() {
    return METRIC;
  }

  /** A ratio per employee-month, not a mean of items: the month's own row, as its only item. */
  @Override
  public Dataset<Row> items(OutcomeSources sources) {
    return items(sources.opportunities(METRIC), sources.salesWindow());
  }

  @Override
  public Dataset<Row> employeeMonths(OutcomeSources sources, Dataset<Row> items) {
    return employeeMonths(sources.opportunities(METRIC), sources.salesWindow());
  }

  /**
   * Needs opportunities with {@code employee_id, created_at, close_date, is_closed, is_won,
   * amount}; returns {@code employee_id, month, value, items} with value in currency per day and
   * items = the opportunities behind it. Over the observable opportunities created in the month:
   * the won amount counts deals closed won within the horizon; the cycle of each opportunity is the
   * days from creation to close, same-day closes one day, anything still open after the horizon (or
   * at as_of) the horizon, as in sales_cycle_days. An opportunity won within the horizon without an
   * amount is left out of its month (its value is unknown).
   */
  public static Dataset<Row> employeeMonths(Dataset<Row> opportunities, OutcomeWindow window) {
    Column won = ObservableItems.wonWithinHorizon(window);
    Column horizon = lit((double) window.horizonDays());
    Column followed =
        least(coalesce(ObservableItems.daysToClose(window).cast("double"), horizon), horizon);
    return ObservableItems.of(opportunities, "created_at", window)
        .filter(not(won.and(col("amount").isNull())))
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            ObservableItems.month("created_at"),
            when(won, col("amount")).otherwise(0.0).as("won_amount"),
            greatest(followed, lit(1.0)).as("cycle_days"))
        .groupBy(col(IdentityResolution.EMPLOYEE_ID), col(ObservableItems.MONTH))
        .agg(
            ExactAggregates.total(col("won_amount"))
                .divide(ExactAggregates.mean(col("cycle_days")))
                .as(ObservableItems.VALUE),
            count(lit(1)).as("items"));
  }

  /**
   * {@code employee_id, month, value}: the same one row per employee-month as {@link
   * #employeeMonths} without the count, so averaging it per employee-month again (as the job does
   * with item rows) leaves the value unchanged; only the item count is then lost.
   */
  public static Dataset<Row> items(Dataset<Row> opportunities, OutcomeWindow window) {
    return employeeMonths(opportunities, window).drop("items");
  }
}
