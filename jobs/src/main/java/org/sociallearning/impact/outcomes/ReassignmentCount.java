package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for {@code reassignment_count} (see schemas/contracts/metrics.yaml): one row per
 * observable ticket of a known assignee, attributed to the month it was opened.
 */
public final class ReassignmentCount implements OutcomeMetric {

  public static final String METRIC = "reassignment_count";

  @Override
  public String name() {
    return METRIC;
  }

  @Override
  public Dataset<Row> items(OutcomeSources sources) {
    return items(sources.tickets(METRIC), sources.ticketWindow());
  }

  /**
   * Needs tickets with {@code employee_id, opened_at, reassignment_count}; returns {@code
   * employee_id, month, value} with value = reassignment_count as exported. Tickets still open
   * count with their reassignments so far (leaving them out would drop the tickets passed around
   * most); tickets without reassignment_count are left out.
   */
  public static Dataset<Row> items(Dataset<Row> tickets, OutcomeWindow window) {
    return ObservableItems.of(tickets, "opened_at", window)
        .filter(col("reassignment_count").isNotNull())
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            ObservableItems.month("opened_at"),
            col("reassignment_count").cast("double").as(ObservableItems.VALUE));
  }
}
