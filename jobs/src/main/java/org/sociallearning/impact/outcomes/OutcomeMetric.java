package org.sociallearning.impact.outcomes;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * One employee-month outcome of schemas/contracts/metrics.yaml: which canonical table it reads and
 * how its rows are formed. The contract says what the metric means (unit, scale, direction, words);
 * an implementation says how it is computed. Register new ones in {@link OutcomeMetrics}.
 */
public interface OutcomeMetric {

  /** The metric's name in metrics.yaml. */
  String name();

  /** The canonical table it reads: {@code service_tickets} or {@code opportunities}. */
  default String sourceTable() {
    return definition().sourceTable();
  }

  /** Its definition in metrics.yaml (unit, scale, direction, the report's words). */
  default MetricDefinition definition() {
    return MetricDefinition.named(name());
  }

  /**
   * {@code employee_id, month, value}: one row per item (ticket, opportunity) with the item's
   * outcome on the metric's modelling scale, or null for metrics that are not a mean of items.
   */
  Dataset<Row> items(OutcomeSources sources);

  /**
   * {@code employee_id, month, value, items}: the estimator's panel rows, by default the mean of
   * the items per employee and month with their number.
   *
   * @param items what {@link #items} returned for the same sources (computed once by the caller)
   */
  default Dataset<Row> employeeMonths(OutcomeSources sources, Dataset<Row> items) {
    return EmployeeMonthOutcomes.aggregate(items);
  }
}
