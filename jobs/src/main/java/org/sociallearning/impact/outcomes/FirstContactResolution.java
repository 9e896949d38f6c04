package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for {@code first_contact_resolution_rate} (see schemas/contracts/metrics.yaml): one
 * row per observable ticket of a known assignee, attributed to the month it was opened.
 */
public final class FirstContactResolution implements OutcomeMetric {

  public static final String METRIC = "first_contact_resolution_rate";

  @Override
  public String name() {
    return METRIC;
  }

  @Override
  public Dataset<Row> items(OutcomeSources sources) {
    return items(sources.tickets(METRIC), sources.ticketWindow());
  }

  /**
   * Needs tickets with {@code employee_id, opened_at, resolved_at, closed_at, reassignment_count,
   * reopen_count}; returns {@code employee_id, month, value} with value 1 for a ticket resolved
   * within the horizon without reassignment or reopen, else 0. A ticket not resolved within the
   * horizon (still open at as_of included) is 0, not dropped: once the horizon has passed its
   * outcome is known, and dropping it would keep only the easy tickets. Tickets closed without ever
   * being resolved (duplicates, withdrawn) and tickets without either count are left out.
   */
  public static Dataset<Row> items(Dataset<Row> tickets, OutcomeWindow window) {
    Column firstContact =
        ObservableItems.endedWithinHorizon(col("opened_at"), col("resolved_at"), window)
            .and(col("reassignment_count").equalTo(0))
            .and(col("reopen_count").equalTo(0));
    return ObservableItems.of(tickets, "opened_at", window)
        .filter(
            col("reassignment_count")
                .isNotNull()
                .and(col("reopen_count").isNotNull())
                .and(not(ObservableItems.closedUnresolved(window))))
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            ObservableItems.month("opened_at"),
            when(firstContact, 1.0).otherwise(0.0).as(ObservableItems.VALUE));
  }
}
