package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for {@code sla_attainment} (see schemas/contracts/metrics.yaml): one row per
 * observable ticket of a known assignee with a made_sla value, attributed to the month it was
 * opened.
 */
public final class SlaAttainment implements OutcomeMetric {

  public static final String METRIC = "sla_attainment";

  @Override
  public String name() {
    return METRIC;
  }

  @Override
  public Dataset<Row> items(OutcomeSources sources) {
    return items(sources.tickets(METRIC), sources.ticketWindow());
  }

  /**
   * Needs tickets with {@code employee_id, opened_at, made_sla}; returns {@code employee_id, month,
   * value} with value 1 when made_sla is true, 0 when false. Open tickets stay in (a breached SLA
   * is already false on an open ticket); tickets without a made_sla value (column not exported, or
   * empty) are left out.
   */
  public static Dataset<Row> items(Dataset<Row> tickets, OutcomeWindow window) {
    return ObservableItems.of(tickets, "opened_at", window)
        .filter(col("made_sla").isNotNull())
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            ObservableItems.month("opened_at"),
            when(col("made_sla"), 1.0).otherwise(0.0).as(ObservableItems.VALUE));
  }
}
