package org.sociallearning.impact.outcomes;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What outcome metrics read: the resolved canonical tables (with {@code employee_id}) and the
 * follow-up window of each. A table that no configured source feeds is null, and so is a metric on
 * it: the pipeline never asks for one (see {@code PipelineConfig#hasSource}).
 */
public record OutcomeSources(
    Dataset<Row> tickets,
    Dataset<Row> opportunities,
    Dataset<Row> roster,
    OutcomeWindow ticketWindow,
    OutcomeWindow salesWindow) {

  /** The tickets, or a message naming the metric that needed them. */
  public Dataset<Row> tickets(String metric) {
    return Objects.requireNonNull(
        tickets, () -> "metric '" + metric + "' needs the service_tickets table, got none");
  }

  /** The opportunities, or a message naming the metric that needed them. */
  public Dataset<Row> opportunities(String metric) {
    return Objects.requireNonNull(
        opportunities, () -> "metric '" + metric + "' needs the opportunities table, got none");
  }

  /** The roster, or a message naming the metric that needed it. */
  public Dataset<Row> roster(String metric) {
    return Objects.requireNonNull(
        roster, () -> "metric '" + metric + "' needs the roster, got none");
  }
}
