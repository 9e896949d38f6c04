package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.log;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for {@code deal_size} (see schemas/contracts/metrics.yaml): one row per observable
 * opportunity of a known owner that was won within the sales horizon, attributed to the month it
 * was created.
 */
public final class DealSize implements OutcomeMetric {

  public static final String METRIC = "deal_size";

  @Override
  public String name() {
    return METRIC;
  }

  @Override
  public Dataset<Row> items(OutcomeSources sources) {
    return items(sources.opportunities(METRIC), sources.salesWindow());
  }

  /**
   * Needs opportunities with {@code employee_id, created_at, close_date, is_closed, is_won,
   * amount}; returns {@code employee_id, month, value} with value = ln(amount). Deals without a
   * positive amount are left out (ln is undefined there).
   */
  public static Dataset<Row> items(Dataset<Row> opportunities, OutcomeWindow window) {
    return ObservableItems.of(opportunities, "created_at", window)
        .filter(ObservableItems.wonWithinHorizon(window).and(col("amount").gt(0)))
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            ObservableItems.month("created_at"),
            log(col("amount")).as(ObservableItems.VALUE));
  }
}
