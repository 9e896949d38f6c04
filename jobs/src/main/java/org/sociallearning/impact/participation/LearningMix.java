package org.sociallearning.impact.participation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Formal against social learning per month (the published {@code learning_mix_monthly}): formal
 * activities are learning records with a verb that is not social, social activities the
 * participation interactions. A month where either kind rests on 1 to {@code minGroupSize - 1}
 * people keeps its month and loses every figure.
 */
public final class LearningMix {

  private LearningMix() {}

  /**
   * Needs {@code interactions} as from {@link SocialLearningParticipation#interactions} ({@code
   * employee_id, occurred_at}) and learning rows {@code employee_id, occurred_at, is_social};
   * returns the columns of the {@code learning_mix_monthly} contract.
   */
  public static Dataset<Row> monthly(
      Dataset<Row> interactions, Dataset<Row> learning, LocalDate asOf, int minGroupSize) {
    Timestamp end = SocialLearningParticipation.endOf(asOf);
    Dataset<Row> formal =
        perMonth(
            learning.filter(
                col("is_social")
                    .equalTo(false)
                    .and(col(IdentityResolution.EMPLOYEE_ID).isNotNull())
                    .and(col("occurred_at").lt(lit(end)))),
            "formal");
    Dataset<Row> social = perMonth(interactions, "social");
    Dataset<Row> joined =
        formal
            .join(social, formal.col("month").equalTo(social.col("month")), "full_outer")
            .select(
                coalesce(formal.col("month"), social.col("month")).as("month"),
                coalesce(col("formal_activities"), lit(0L)).as("formal_activities"),
                coalesce(col("social_activities"), lit(0L)).as("social_activities"),
                coalesce(col("formal_learners"), lit(0L)).as("formal_learners"),
                coalesce(col("social_learners"), lit(0L)).as("social_learners"));
    Column suppressed =
        tooFew(col("formal_learners"), minGroupSize)
            .or(tooFew(col("social_learners"), minGroupSize));
    return joined
        .withColumn("suppressed", suppressed)
        .select(
            col("month"),
            hidden("formal_activities"),
            hidden("social_activities"),
            hidden("formal_learners"),
            hidden("social_learners"),
            col("suppressed"));
  }

  private static Dataset<Row> perMonth(Dataset<Row> rows, String kind) {
    return rows.groupBy(trunc(col("occurred_at").cast("date"), "month").as("month"))
        .agg(
            count(lit(1)).as(kind + "_activities"),
            countDistinct(col(IdentityResolution.EMPLOYEE_ID)).as(kind + "_learners"));
  }

  /** Zero people reveal nothing; one to min - 1 people could be singled out. */
  private static Column tooFew(Column learners, int minGroupSize) {
    return learners.gt(0).and(learners.lt(minGroupSize));
  }

  private static Column hidden(String column) {
    return when(col("suppressed"), lit(null).cast("long")).otherwise(col(column)).as(column);
  }
}
