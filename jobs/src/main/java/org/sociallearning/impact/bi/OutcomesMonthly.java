package org.sociallearning.impact.bi;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;
import org.sociallearning.impact.outcomes.ExactAggregates;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * {@code fact_service_outcomes_monthly} and {@code fact_sales_outcomes_monthly}: each metric's
 * items per month, department and participation status, in long form (one row per metric), so a
 * dashboard filters on {@code metric} and compares participants with everyone else.
 */
public final class OutcomesMonthly {

  /** Participation status of a person in a month. */
  public static final String PARTICIPANT = "participant";

  public static final String NOT_YET = "not_yet";
  public static final String NEVER = "never";

  /** Interacted in a community, but fewer times than the participation rule asks. */
  public static final String TRIED_IT = "tried_it";

  private OutcomesMonthly() {}

  /**
   * Needs a metric's items {@code employee_id, month (date), value} on the metric's modelling
   * scale, roster {@code employee_id, department}, participants {@code employee_id, cohort_month}
   * and the people who tried it ({@code employee_id}); returns the columns of the fact contracts.
   */
  public static Dataset<Row> of(
      MetricDefinition metric,
      Dataset<Row> items,
      Dataset<Row> roster,
      Dataset<Row> participants,
      Dataset<Row> triedIt,
      int minGroupSize) {
    Column status =
        when(col("tried_it").isNotNull(), lit(TRIED_IT))
            .when(col("cohort_month").isNull(), lit(NEVER))
            .when(col("cohort_month").leq(col("month")), lit(PARTICIPANT))
            .otherwise(lit(NOT_YET));
    boolean log = "log".equals(metric.scale());
    Column mean = ExactAggregates.mean(col("value"));
    Column typical = log ? exp(mean) : mean;
    Dataset<Row> rows =
        items
            .join(
                roster.select(col(IdentityResolution.EMPLOYEE_ID), col("department")),
                IdentityResolution.EMPLOYEE_ID,
                "left")
            .join(
                participants.select(col(IdentityResolution.EMPLOYEE_ID), col("cohort_month")),
                IdentityResolution.EMPLOYEE_ID,
                "left")
            .join(
                triedIt.select(col(IdentityResolution.EMPLOYEE_ID), lit(true).as("tried_it")),
                IdentityResolution.EMPLOYEE_ID,
                "left")
            .withColumn("participation_status", status)
            .groupBy(
                date_format(col("month"), "yyyy-MM").as("month"),
                coalesce(col("department"), lit("(unknown)")).as("department"),
                col("participation_status"))
            .agg(
                countDistinct(col(IdentityResolution.EMPLOYEE_ID)).as("people"),
                count(lit(1)).as("items"),
                typical.as("typical_value"))
            .withColumn("metric", lit(metric.name()))
            .withColumn("unit", lit(metric.unit()))
            .withColumn("statistic", lit(log ? "geometric mean" : "mean"));
    return Suppression.apply(
        rows, "people", minGroupSize, List.of("items", "typical_value", "people"));
  }
}
