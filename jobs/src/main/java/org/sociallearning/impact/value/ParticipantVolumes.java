package org.sociallearning.impact.value;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;
import org.sociallearning.impact.outcomes.DealSize;
import org.sociallearning.impact.outcomes.ExactAggregates;
import org.sociallearning.impact.outcomes.OutcomeWindow;
import org.sociallearning.impact.outcomes.TimeToResolve;
import org.sociallearning.impact.outcomes.WinRate;

/**
 * Value step input: what participants actually handled after joining, per year. Uses each metric's
 * own observable items (so censoring and horizons match the estimates), from the months on or after
 * each participant's joining month, over the last twelve observable months (fewer months are scaled
 * up to a year). Aggregates only: one row per figure reaches the driver.
 */
public final class ParticipantVolumes {

  private ParticipantVolumes() {}

  /**
   * @param tickets service tickets with {@code employee_id}, or null when none are configured
   * @param opportunities opportunities with {@code employee_id}, or null
   * @param participants {@code employee_id, cohort_month}
   */
  public static ValueInputs of(
      Dataset<Row> tickets,
      Dataset<Row> opportunities,
      Dataset<Row> participants,
      OutcomeWindow ticketWindow,
      OutcomeWindow salesWindow) {
    double ticketsPerYear =
        tickets == null
            ? Double.NaN
            : perYearAndMeanLevel(TimeToResolve.items(tickets, ticketWindow), participants)[0];
    double opportunitiesPerYear =
        opportunities == null
            ? Double.NaN
            : perYearAndMeanLevel(WinRate.items(opportunities, salesWindow), participants)[0];
    double wonDealSize =
        opportunities == null
            ? Double.NaN
            : perYearAndMeanLevel(DealSize.items(opportunities, salesWindow), participants)[1];
    return new ValueInputs(
        ticketsPerYear,
        opportunitiesPerYear,
        wonDealSize,
        org.sociallearning.impact.effects.MetricEstimate.MeanEffect.NONE,
        Double.NaN);
  }

  /**
   * Items ({@code employee_id, month, value} on the log scale) of participants after joining:
   * {items per year, mean of exp(value)} over the last twelve months that have any.
   */
  static double[] perYearAndMeanLevel(Dataset<Row> items, Dataset<Row> participants) {
    Dataset<Row> after =
        items
            .join(
                participants.select(col(IdentityResolution.EMPLOYEE_ID), col("cohort_month")),
                IdentityResolution.EMPLOYEE_ID)
            .filter(col("month").geq(col("cohort_month")));
    Row last = after.agg(max(col("month"))).first();
    if (last.isNullAt(0)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Row r =
        after
            .filter(col("month").gt(add_months(lit(last.getDate(0)), -12)))
            .agg(
                count(lit(1)), countDistinct(col("month")), ExactAggregates.mean(exp(col("value"))))
            .first();
    double months = r.getLong(1);
    return new double[] {r.getLong(0) * 12.0 / months, r.isNullAt(2) ? Double.NaN : r.getDouble(2)};
  }
}
