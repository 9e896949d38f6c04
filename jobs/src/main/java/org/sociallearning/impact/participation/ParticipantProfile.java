package org.sociallearning.impact.participation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Participation step: what describes a participant (intensity tier for dose-response, primary
 * community), taken from a fixed window of {@code profile_months} after their participation date
 * and nothing later. Describing people by everything up to as_of would let later months, and how
 * work went in them, decide which segment someone's early months count in. A profile is only given
 * once its window has passed; until then intensity and community are null.
 */
public final class ParticipantProfile {

  /** Tiers of interactions per month in the profile window: below 1, 1 to 3, above 3. */
  public static final double LIGHT_BELOW = 1.0;

  public static final double HEAVY_ABOVE = 3.0;

  private ParticipantProfile() {}

  /**
   * Needs participants ({@code employee_id, participated_at}) and their interactions ({@code
   * employee_id, occurred_at, community}); returns {@code employee_id, profile_ends_at, intensity,
   * community} for every participant: intensity is light, regular or heavy by interactions per
   * month from the participation date to the end of the window; community is where they interacted
   * most up to the end of the window (ties: alphabetically first). Both are null while the window
   * is still running at as_of.
   */
  public static Dataset<Row> of(
      Dataset<Row> participants, Dataset<Row> interactions, int profileMonths, LocalDate asOf) {
    if (profileMonths < 1) {
      throw new IllegalArgumentException("profileMonths must be at least 1, got " + profileMonths);
    }
    Dataset<Row> windows =
        participants.select(
            col(IdentityResolution.EMPLOYEE_ID),
            col("participated_at"),
            expr("participated_at + make_interval(0, " + profileMonths + ")")
                .as("profile_ends_at"));
    Column complete = col("profile_ends_at").leq(lit(SocialLearningParticipation.endOf(asOf)));
    Dataset<Row> inWindow =
        interactions
            .select(col(IdentityResolution.EMPLOYEE_ID), col("occurred_at"), col("community"))
            .join(windows, IdentityResolution.EMPLOYEE_ID)
            .filter(col("occurred_at").lt(col("profile_ends_at")));
    Dataset<Row> perCommunity =
        inWindow
            .groupBy(col(IdentityResolution.EMPLOYEE_ID), col("community"))
            .agg(
                count(lit(1)).as("n"),
                sum(when(col("occurred_at").geq(col("participated_at")), 1).otherwise(0))
                    .as("after"));
    Dataset<Row> primary =
        perCommunity
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy(col(IdentityResolution.EMPLOYEE_ID))
                            .orderBy(col("n").desc(), col("community"))))
            .filter(col("rank").equalTo(1))
            .select(col(IdentityResolution.EMPLOYEE_ID), col("community"));
    Dataset<Row> perMonth =
        perCommunity
            .groupBy(col(IdentityResolution.EMPLOYEE_ID))
            .agg(sum(col("after")).divide((double) profileMonths).as("per_month"));
    Column tier =
        when(col("per_month").lt(LIGHT_BELOW), lit("light"))
            .when(col("per_month").gt(HEAVY_ABOVE), lit("heavy"))
            .otherwise(lit("regular"));
    return windows
        .join(perMonth, IdentityResolution.EMPLOYEE_ID, "left")
        .join(primary, IdentityResolution.EMPLOYEE_ID, "left")
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            col("profile_ends_at"),
            when(complete, tier).as("intensity"),
            when(complete, col("community")).as("community"));
  }
}
