package org.sociallearning.impact.bi;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/** {@code fact_participation_monthly}: activity per community and month. */
public final class ParticipationMonthly {

  private ParticipationMonthly() {}

  /**
   * Needs social-learning interactions {@code employee_id, occurred_at, community} and participants
   * {@code employee_id, cohort_month}; returns the columns of {@code
   * schemas/contracts/fact_participation_monthly.yaml}.
   */
  public static Dataset<Row> of(
      Dataset<Row> interactions, Dataset<Row> participants, int minGroupSize) {
    Dataset<Row> rows =
        interactions
            .withColumn("month_start", trunc(col("occurred_at").cast("date"), "month"))
            .join(
                participants.select(col(IdentityResolution.EMPLOYEE_ID), col("cohort_month")),
                IdentityResolution.EMPLOYEE_ID,
                "left")
            .groupBy(date_format(col("month_start"), "yyyy-MM").as("month"), col("community"))
            .agg(
                countDistinct(col(IdentityResolution.EMPLOYEE_ID)).as("active_people"),
                count(lit(1)).as("interactions"),
                countDistinct(
                        when(
                            col("cohort_month").equalTo(col("month_start")),
                            col(IdentityResolution.EMPLOYEE_ID)))
                    .as("new_participants"));
    return Suppression.apply(
        rows,
        "active_people",
        minGroupSize,
        List.of("interactions", "new_participants", "active_people"));
  }
}
