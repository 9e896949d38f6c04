package org.sociallearning.impact.outcomes;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Volume diagnostic {@code opportunities_created} (see schemas/contracts/metrics.yaml):
 * opportunities created in the month, owned by the person, months without any counted as 0 (see
 * {@link WorkVolume}).
 */
public final class OpportunitiesCreated implements OutcomeMetric {

  public static final String METRIC = "opportunities_created";

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
        sources.opportunities(METRIC), "created_at", sources.roster(METRIC), sources.salesWindow());
  }
}
