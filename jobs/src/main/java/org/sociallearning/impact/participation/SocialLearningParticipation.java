package org.sociallearning.impact.participation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trunc;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Participation step: who took part in social learning, and from when. Social learning is an
 * interaction in a configured community (chat elsewhere is social networking and does not
 * count) or a social xAPI verb. A participant has at least {@code min_interactions}; their
 * start is their first interaction and their treatment cohort is that month.
 */
public final class SocialLearningParticipation {

  private SocialLearningParticipation() {}

  /**
   * Needs forum rows {@code employee_id, channel, occurred_at, is_interaction} and learning rows
   * {@code employee_id, occurred_at, is_social}; returns {@code employee_id, occurred_at,
   * community} for every social-learning interaction up to and including {@code asOf}.
   */
  public static Dataset<Row> interactions(Dataset<Row> forum, Dataset<Row> learning,
      List<String> communityGlobs, LocalDate asOf) {
    Column beforeCutoff = col("occurred_at").lt(lit(endOf(asOf)));
    Dataset<Row> chat = forum
        .filter(col("is_interaction").and(col("channel").rlike(CommunityPatterns.regex(communityGlobs))))
        .filter(col(IdentityResolution.EMPLOYEE_ID).isNotNull().and(beforeCutoff))
        .select(col(IdentityResolution.EMPLOYEE_ID), col("occurred_at"), col("channel").as("community"));
    Dataset<Row> lms = learning
        .filter(col("is_social").and(col(IdentityResolution.EMPLOYEE_ID).isNotNull()).and(beforeCutoff))
        .select(col(IdentityResolution.EMPLOYEE_ID), col("occurred_at"), lit("lms").as("community"));
    return chat.unionByName(lms);
  }

  /**
   * Returns {@code employee_id, first_interaction_at, interactions, cohort_month} (the first day
   * of the month of the first interaction) for people with at least {@code minInteractions}.
   */
  public static Dataset<Row> participants(Dataset<Row> interactions, int minInteractions) {
    return interactions.groupBy(col(IdentityResolution.EMPLOYEE_ID))
        .agg(min(col("occurred_at")).as("first_interaction_at"), count(lit(1)).as("interactions"))
        .filter(col("interactions").geq(minInteractions))
        .withColumn("cohort_month", trunc(col("first_interaction_at").cast("date"), "month"));
  }

  /** Tiers of interactions per month since joining, for dose-response: below 1, 1 to 3, above 3. */
  public static final double LIGHT_BELOW = 1.0;
  public static final double HEAVY_ABOVE = 3.0;

  /**
   * Needs participants ({@code employee_id, first_interaction_at, interactions}); adds
   * {@code intensity}: light, regular or heavy by interactions per month from the first
   * interaction to as_of (at least one month), so early joiners are not heavy by seniority alone.
   */
  public static Dataset<Row> withIntensity(Dataset<Row> participants, LocalDate asOf) {
    Column months = org.apache.spark.sql.functions.greatest(lit(1.0),
        org.apache.spark.sql.functions.months_between(lit(endOf(asOf)),
            col("first_interaction_at")));
    Column perMonth = col("interactions").divide(months);
    return participants.withColumn("intensity",
        org.apache.spark.sql.functions.when(perMonth.lt(LIGHT_BELOW), lit("light"))
            .when(perMonth.gt(HEAVY_ABOVE), lit("heavy")).otherwise(lit("regular")));
  }

  /**
   * Needs interactions ({@code employee_id, community}); returns {@code employee_id, community}:
   * the community each person interacted in most (ties: alphabetically first).
   */
  public static Dataset<Row> primaryCommunity(Dataset<Row> interactions) {
    return interactions.groupBy(col(IdentityResolution.EMPLOYEE_ID), col("community"))
        .agg(count(lit(1)).as("n"))
        .withColumn("rank", org.apache.spark.sql.functions.row_number().over(
            org.apache.spark.sql.expressions.Window.partitionBy(col(IdentityResolution.EMPLOYEE_ID))
                .orderBy(col("n").desc(), col("community"))))
        .filter(col("rank").equalTo(1))
        .select(col(IdentityResolution.EMPLOYEE_ID), col("community"));
  }

  /** xAPI verbs that record finishing formal learning. */
  public static final List<String> COMPLETION_VERBS = List.of("completed", "passed");

  /**
   * Blended learning: people who completed a formal course (xAPI completed or passed, up to
   * as_of) and either never took part in social learning or started only after the course.
   * Needs learning rows ({@code employee_id, verb, occurred_at}) and participants ({@code
   * employee_id, first_interaction_at}); returns {@code employee_id, blended} with blended =
   * {@code course_then_community} for both kinds of people (participants who joined before
   * completing are not in it).
   */
  public static Dataset<Row> courseThenCommunity(Dataset<Row> learning, Dataset<Row> participants,
      LocalDate asOf) {
    return blended(statementCompletions(learning), participants, asOf);
  }

  /**
   * As {@link #courseThenCommunity(Dataset, Dataset, LocalDate)}, with LMS completions ({@code
   * formal_completions} rows: {@code employee_id, completed_at}) counting as courses too. They
   * are formal learning: they decide who completed a course, never who took part socially.
   */
  public static Dataset<Row> courseThenCommunity(Dataset<Row> learning, Dataset<Row> formal,
      Dataset<Row> participants, LocalDate asOf) {
    Dataset<Row> lms = formal.filter(col(IdentityResolution.EMPLOYEE_ID).isNotNull())
        .select(col(IdentityResolution.EMPLOYEE_ID), col("completed_at"));
    return blended(statementCompletions(learning).unionByName(lms), participants, asOf);
  }

  /** {@code employee_id, completed_at} of xAPI completed and passed statements. */
  static Dataset<Row> statementCompletions(Dataset<Row> learning) {
    return learning
        .filter(col(IdentityResolution.EMPLOYEE_ID).isNotNull()
            .and(col("verb").isin(COMPLETION_VERBS.toArray())))
        .select(col(IdentityResolution.EMPLOYEE_ID), col("occurred_at").as("completed_at"));
  }

  private static Dataset<Row> blended(Dataset<Row> completedCourses, Dataset<Row> participants,
      LocalDate asOf) {
    Dataset<Row> completions = completedCourses
        .filter(col("completed_at").lt(lit(endOf(asOf))))
        .groupBy(col(IdentityResolution.EMPLOYEE_ID))
        .agg(min(col("completed_at")).as("first_completed_at"));
    return completions
        .join(participants.select(col(IdentityResolution.EMPLOYEE_ID),
            col("first_interaction_at")), IdentityResolution.EMPLOYEE_ID, "left")
        .filter(col("first_interaction_at").isNull()
            .or(col("first_interaction_at").gt(col("first_completed_at"))))
        .select(col(IdentityResolution.EMPLOYEE_ID), lit("course_then_community").as("blended"));
  }

  /** Events after the as_of date are ignored: the cut-off is the start of the next day, UTC. */
  static Timestamp endOf(LocalDate asOf) {
    return Timestamp.from(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
