package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for the hours of work logged on tickets ({@code effort_hours}: ServiceNow {@code
 * time_worked}, Jira {@code Time Spent}, a Zendesk time-tracking field), the basis of money for
 * resolution time. Not a published metric: the value step estimates the effect of joining on it.
 * The tickets are those of {@code time_to_resolve_hours} (observable for the whole horizon, not
 * closed unresolved within it) whose export carries effort.
 */
public final class TicketEffort {

  private TicketEffort() {}

  /**
   * Needs tickets with {@code employee_id, opened_at, resolved_at, closed_at, effort_hours};
   * returns {@code employee_id, month, value} with value = hours of work logged, as exported.
   */
  public static Dataset<Row> items(Dataset<Row> tickets, OutcomeWindow window) {
    return ObservableItems.of(tickets, "opened_at", window)
        .filter(
            col("effort_hours")
                .isNotNull()
                .and(ObservableItems.closedUnresolved(window).unary_$bang()))
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            ObservableItems.month("opened_at"),
            col("effort_hours").as(ObservableItems.VALUE));
  }
}
