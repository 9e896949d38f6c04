package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.unix_timestamp;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for {@code time_to_resolve_hours} (see schemas/contracts/metrics.yaml): one row per
 * observable ticket of a known assignee, attributed to the month it was opened.
 */
public final class TimeToResolve implements OutcomeMetric {

  public static final String METRIC = "time_to_resolve_hours";

  @Override
  public String name() {
    return METRIC;
  }

  @Override
  public Dataset<Row> items(OutcomeSources sources) {
    return items(sources.tickets(METRIC), sources.ticketWindow());
  }

  /**
   * Needs tickets with {@code employee_id, opened_at, resolved_at}; returns {@code employee_id,
   * month, value} with value = ln(hours), capped at the horizon.
   */
  public static Dataset<Row> items(Dataset<Row> tickets, OutcomeWindow window) {
    double horizonHours = window.horizonDays() * 24.0;
    Column resolved = window.endedBy(col("resolved_at"));
    Column hours = unix_timestamp(resolved).minus(unix_timestamp(col("opened_at"))).divide(3600.0);
    Column followed = least(coalesce(hours, lit(horizonHours)), lit(horizonHours));
    return tickets
        .filter(
            col(IdentityResolution.EMPLOYEE_ID)
                .isNotNull()
                .and(window.observable(col("opened_at")))
                .and(ObservableItems.closedUnresolved(window).unary_$bang()))
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            trunc(col("opened_at").cast("date"), "month").as("month"),
            log(greatest(followed, lit(1.0 / 60))).as("value"));
  }
}
