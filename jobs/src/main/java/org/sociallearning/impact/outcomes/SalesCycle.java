package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for {@code sales_cycle_days} (see schemas/contracts/metrics.yaml): one row per
 * observable opportunity of a known owner, attributed to the month it was created.
 */
public final class SalesCycle implements OutcomeMetric {

  public static final String METRIC = "sales_cycle_days";

  @Override
  public String name() {
    return METRIC;
  }

  @Override
  public Dataset<Row> items(OutcomeSources sources) {
    return items(sources.opportunities(METRIC), sources.salesWindow());
  }

  /**
   * Needs opportunities with {@code employee_id, created_at, close_date, is_closed}; returns {@code
   * employee_id, month, value} with value = ln(days to close), still open after the horizon (or at
   * as_of) counting as the horizon, a same-day close as one day.
   */
  public static Dataset<Row> items(Dataset<Row> opportunities, OutcomeWindow window) {
    Column horizon = lit((double) window.horizonDays());
    Column followed =
        least(coalesce(ObservableItems.daysToClose(window).cast("double"), horizon), horizon);
    return ObservableItems.of(opportunities, "created_at", window)
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            ObservableItems.month("created_at"),
            log(greatest(followed, lit(1.0))).as(ObservableItems.VALUE));
  }
}
