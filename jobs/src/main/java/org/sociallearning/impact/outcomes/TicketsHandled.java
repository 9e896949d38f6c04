package org.sociallearning.impact.outcomes;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Volume diagnostic {@code tickets_handled} (see schemas/contracts/metrics.yaml): tickets opened in
 * the month, assigned to the person, months without any counted as 0 (see {@link WorkVolume}).
 */
public final class TicketsHandled implements OutcomeMetric {

  public static final String METRIC = "tickets_handled";

  @Override
  public String name() {
    return METRIC;
  }

  /** A count per employee-month, not a mean of items: there are no item rows. */
  @Override
  public Dataset<Row> items(OutcomeSources sources) {
    return null;
  }

  @Override
  public Dataset<Row> employeeMonths(OutcomeSources sources, Dataset<Row> items) {
    return WorkVolume.employeeMonths(
        sources.tickets(METRIC), "opened_at", sources.roster(METRIC), sources.ticketWindow());
  }
}
