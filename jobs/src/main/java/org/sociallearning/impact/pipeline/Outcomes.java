package org.sociallearning.impact.pipeline;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.outcomes.OutcomeMetric;
import org.sociallearning.impact.outcomes.OutcomeSources;

/**
 * The outcomes stage's result: every metric with a configured source, its item rows and its
 * employee-month rows, each computed once and cached, and read by estimation, the BI facts and the
 * value step alike. Everyone is in them; who counts in which comparison is estimation's business.
 */
public record Outcomes(OutcomeSources sources, List<MetricOutcome> metrics) {

  /**
   * One metric's rows.
   *
   * @param items {@code employee_id, month, value} per item, or null for metrics that are not a
   *     mean of items (volume diagnostics)
   * @param employeeMonths {@code employee_id, month, value, items}
   */
  public record MetricOutcome(
      OutcomeMetric metric, Dataset<Row> items, Dataset<Row> employeeMonths) {}

  public Outcomes {
    metrics = List.copyOf(metrics);
  }
}
