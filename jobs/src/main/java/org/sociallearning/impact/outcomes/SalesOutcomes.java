package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for {@code sales_cycle_days} and {@code win_rate} (see
 * schemas/contracts/metrics.yaml): one row per observable opportunity of a known owner,
 * attributed to the month it was created.
 */
public final class SalesOutcomes {

  public static final String SALES_CYCLE = "sales_cycle_days";
  public static final String WIN_RATE = "win_rate";

  private SalesOutcomes() {}

  private static Dataset<Row> observable(Dataset<Row> opportunities, OutcomeWindow window) {
    return opportunities.filter(col(IdentityResolution.EMPLOYEE_ID).isNotNull()
        .and(window.observable(col("created_at"))));
  }

  /** {@code employee_id, month, value} with value = ln(days), capped at the horizon. */
  public static Dataset<Row> salesCycle(Dataset<Row> opportunities, OutcomeWindow window) {
    Column horizon = lit((double) window.horizonDays());
    Column followed = least(coalesce(ObservableItems.daysToClose(window).cast("double"), horizon), horizon);
    return observable(opportunities, window)
        .select(col(IdentityResolution.EMPLOYEE_ID),
            trunc(col("created_at").cast("date"), "month").as("month"),
            log(greatest(followed, lit(1.0))).as("value"));
  }

  /**
   * {@code employee_id, month, value} with value 1 for an opportunity won within the horizon of
   * its creation and 0 otherwise (lost, still open at the horizon, or won later), over every
   * opportunity observable for the whole horizon. The denominator is what was created, not what
   * happened to close: counting only closed deals would let joining change which deals count
   * (a seller who closes lost deals faster would look worse).
   */
  public static Dataset<Row> winRate(Dataset<Row> opportunities, OutcomeWindow window) {
    return observable(opportunities, window)
        .select(col(IdentityResolution.EMPLOYEE_ID),
            trunc(col("created_at").cast("date"), "month").as("month"),
            when(ObservableItems.wonWithinHorizon(window), 1.0).otherwise(0.0).as("value"));
  }
}
