package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for {@code reopen_rate} (see schemas/contracts/metrics.yaml): one row per observable
 * ticket of a known assignee that was resolved at least once, attributed to the month it was
 * opened.
 */
public final class ReopenRate implements OutcomeMetric {

  public static final String METRIC = "reopen_rate";

  @Override
  public String name() {
    return METRIC;
  }

  @Override
  public Dataset<Row> items(OutcomeSources sources) {
    return items(sources.tickets(METRIC), sources.ticketWindow());
  }

  /**
   * Needs tickets with {@code employee_id, opened_at, resolved_at, reopen_count}; returns {@code
   * employee_id, month, value} with value 1 when reopened at least once, else 0. A ticket counts
   * once resolved by as_of, or when reopened: a reopen implies an earlier resolution, and a
   * reopened ticket that is open again may have no resolved_at, so requiring resolved_at would drop
   * exactly the reopened tickets. Never-resolved tickets and tickets without reopen_count are left
   * out.
   */
  public static Dataset<Row> items(Dataset<Row> tickets, OutcomeWindow window) {
    Column reopened = col("reopen_count").gt(0);
    Column resolvedOnce = window.endedBy(col("resolved_at")).isNotNull().or(reopened);
    return ObservableItems.of(tickets, "opened_at", window)
        .filter(col("reopen_count").isNotNull().and(resolvedOnce))
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            ObservableItems.month("opened_at"),
            when(reopened, 1.0).otherwise(0.0).as(ObservableItems.VALUE));
  }
}
