package org.sociallearning.impact.participation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.unix_micros;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Participation step: who took part in social learning, and from when. Social learning is an
 * interaction in a configured community (chat elsewhere is social networking and does not count) or
 * a social xAPI verb. A participant is someone whose interactions met the participation rule; they
 * are treated from the date it was met, and their cohort is that month. The date is decided from
 * interactions up to it, never from what happened later.
 */
public final class SocialLearningParticipation {

  private SocialLearningParticipation() {}

  /**
   * Needs forum rows {@code employee_id, channel, occurred_at, is_interaction} and learning rows
   * {@code employee_id, occurred_at, is_social}; returns {@code employee_id, occurred_at,
   * community} for every social-learning interaction up to and including {@code asOf}.
   */
  public static Dataset<Row> interactions(
      Dataset<Row> forum, Dataset<Row> learning, List<String> communityGlobs, LocalDate asOf) {
    Column beforeCutoff = col("occurred_at").lt(lit(endOf(asOf)));
    Dataset<Row> chat =
        forum
            .filter(
                col("is_interaction")
                    .and(col("channel").rlike(CommunityPatterns.regex(communityGlobs))))
            .filter(col(IdentityResolution.EMPLOYEE_ID).isNotNull().and(beforeCutoff))
            .select(
                col(IdentityResolution.EMPLOYEE_ID),
                col("occurred_at"),
                col("channel").as("community"));
    Dataset<Row> lms =
        learning
            .filter(
                col("is_social")
                    .and(col(IdentityResolution.EMPLOYEE_ID).isNotNull())
                    .and(beforeCutoff))
            .select(
                col(IdentityResolution.EMPLOYEE_ID),
                col("occurred_at"),
                lit("lms").as("community"));
    return chat.unionByName(lms);
  }

  /**
   * The participation rule: a person becomes a participant on the date their {@code
   * minInteractions}-th interaction falls within {@code windowDays} of the first of them (no
   * window: the date of their {@code minInteractions}-th interaction), decided from their
   * interactions up to that date only, so later activity can never move or undo it. Needs {@link
   * #interactions} rows; returns {@code employee_id, first_interaction_at, participated_at,
   * cohort_month} (the first day of the month of {@code participated_at}) for the people who met
   * the rule.
   *
   * @param windowDays null for no window
   */
  public static Dataset<Row> participants(
      Dataset<Row> interactions, int minInteractions, Integer windowDays) {
    if (minInteractions < 1) {
      throw new IllegalArgumentException(
          "minInteractions must be at least 1, got " + minInteractions);
    }
    Column micros = unix_micros(col("occurred_at"));
    // Range, not rows: interactions at the same instant all count from that instant on.
    WindowSpec upToNow =
        Window.partitionBy(col(IdentityResolution.EMPLOYEE_ID))
            .orderBy(micros)
            .rangeBetween(
                windowDays == null ? Window.unboundedPreceding() : -windowDays * MICROS_PER_DAY,
                Window.currentRow());
    Dataset<Row> met =
        interactions
            .select(
                col(IdentityResolution.EMPLOYEE_ID),
                col("occurred_at"),
                count(lit(1)).over(upToNow).as("so_far"))
            .filter(col("so_far").geq(minInteractions))
            .groupBy(col(IdentityResolution.EMPLOYEE_ID))
            .agg(min(col("occurred_at")).as("participated_at"));
    Dataset<Row> first =
        interactions
            .groupBy(col(IdentityResolution.EMPLOYEE_ID))
            .agg(min(col("occurred_at")).as("first_interaction_at"));
    return first
        .join(met, IdentityResolution.EMPLOYEE_ID)
        .withColumn("cohort_month", trunc(col("participated_at").cast("date"), "month"));
  }

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  /**
   * People who took part but never met the rule ("tried it"): at least one interaction and no
   * participation date. Needs {@link #interactions} rows and {@link #participants} rows; returns
   * {@code employee_id, interactions}.
   */
  public static Dataset<Row> triedIt(Dataset<Row> interactions, Dataset<Row> participants) {
    return interactions
        .groupBy(col(IdentityResolution.EMPLOYEE_ID))
        .agg(count(lit(1)).as("interactions"))
        .join(
            participants.select(col(IdentityResolution.EMPLOYEE_ID)),
            IdentityResolution.EMPLOYEE_ID,
            "left_anti");
  }

  /** xAPI verbs that record finishing formal learning. */
  public static final List<String> COMPLETION_VERBS = List.of("completed", "passed");

  /**
   * Blended learning: people who completed a formal course (xAPI completed or passed, up to as_of)
   * and either are not participants or became participants only after the course (which is known on
   * their participation date). Needs learning rows ({@code employee_id, verb, occurred_at}) and
   * participants ({@code employee_id, participated_at}); returns {@code employee_id, blended} with
   * blended = {@code course_then_community} for both kinds of people (participants who joined
   * before completing are not in it).
   */
  public static Dataset<Row> courseThenCommunity(
      Dataset<Row> learning, Dataset<Row> participants, LocalDate asOf) {
    return blended(statementCompletions(learning), participants, asOf);
  }

  /**
   * As {@link #courseThenCommunity(Dataset, Dataset, LocalDate)}, with LMS completions ({@code
   * formal_completions} rows: {@code employee_id, completed_at}) counting as courses too. They are
   * formal learning: they decide who completed a course, never who took part socially.
   */
  public static Dataset<Row> courseThenCommunity(
      Dataset<Row> learning, Dataset<Row> formal, Dataset<Row> participants, LocalDate asOf) {
    Dataset<Row> lms =
        formal
            .filter(col(IdentityResolution.EMPLOYEE_ID).isNotNull())
            .select(col(IdentityResolution.EMPLOYEE_ID), col("completed_at"));
    return blended(statementCompletions(learning).unionByName(lms), participants, asOf);
  }

  /** {@code employee_id, completed_at} of xAPI completed and passed statements. */
  static Dataset<Row> statementCompletions(Dataset<Row> learning) {
    return learning
        .filter(
            col(IdentityResolution.EMPLOYEE_ID)
                .isNotNull()
                .and(col("verb").isin(COMPLETION_VERBS.toArray())))
        .select(col(IdentityResolution.EMPLOYEE_ID), col("occurred_at").as("completed_at"));
  }

  private static Dataset<Row> blended(
      Dataset<Row> completedCourses, Dataset<Row> participants, LocalDate asOf) {
    Dataset<Row> completions =
        completedCourses
            .filter(col("completed_at").lt(lit(endOf(asOf))))
            .groupBy(col(IdentityResolution.EMPLOYEE_ID))
            .agg(min(col("completed_at")).as("first_completed_at"));
    return completions
        .join(
            participants.select(col(IdentityResolution.EMPLOYEE_ID), col("participated_at")),
            IdentityResolution.EMPLOYEE_ID,
            "left")
        .filter(
            col("participated_at")
                .isNull()
                .or(col("participated_at").gt(col("first_completed_at"))))
        .select(col(IdentityResolution.EMPLOYEE_ID), lit("course_then_community").as("blended"));
  }

  /** Events after the as_of date are ignored: the cut-off is the start of the next day, UTC. */
  static Timestamp endOf(LocalDate asOf) {
    return Timestamp.from(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
