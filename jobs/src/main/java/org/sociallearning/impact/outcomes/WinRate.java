package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for {@code win_rate} (see schemas/contracts/metrics.yaml): one row per observable
 * opportunity of a known owner, attributed to the month it was created.
 */
public final class WinRate implements OutcomeMetric {

  public static final String METRIC = "win_rate";

  @Override
  public String name() {
    return METRIC;
  }

  @Override
  public Dataset<Row> items(OutcomeSources sources) {
    return items(sources.opportunities(METRIC), sources.salesWindow());
  }

  /**
   * {@code employee_id, month, value} with value 1 for an opportunity won within the horizon of its
   * creation and 0 otherwise (lost, still open at the horizon, or won later), over every
   * opportunity observable for the whole horizon. The denominator is what was created, not what
   * happened to close: counting only closed deals would let joining change which deals count (a
   * seller who closes lost deals faster would look worse).
   */
  public static Dataset<Row> items(Dataset<Row> opportunities, OutcomeWindow window) {
    return ObservableItems.of(opportunities, "created_at", window)
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            ObservableItems.month("created_at"),
            when(ObservableItems.wonWithinHorizon(window), 1.0)
                .otherwise(0.0)
                .as(ObservableItems.VALUE));
  }
}
