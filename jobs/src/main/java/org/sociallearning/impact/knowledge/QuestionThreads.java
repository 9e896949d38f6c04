package org.sociallearning.impact.knowledge;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Knowledge-flow step: questions asked in communities of practice and who answered them. A question
 * is a thread rooted in a community channel (the root is a human message that is not a reply); an
 * answer is a human reply in that thread by someone other than the asker, posted before the
 * cut-off. Self-replies ("any ideas?", "solved it") are not answers.
 *
 * <p>A person is their {@code employee_id} when identity resolution matched them, else {@code
 * user:<source>:<source_user_id>}, so unmatched askers and helpers still count, and two accounts of
 * one employee count as one person. Messages with neither are never answers.
 */
public final class QuestionThreads {

  private static final double MICROS_PER_HOUR = 3_600_000_000.0;

  private QuestionThreads() {}

  /**
   * Needs forum rows (the {@code forum_interactions} contract plus {@code employee_id}): {@code
   * source, channel, message_id, thread_id, source_user_id, employee_id, occurred_at, is_reply,
   * is_interaction}, and roster rows {@code employee_id, department}.
   *
   * <p>Returns one row per question asked before {@code cutoff}: {@code thread_id, community,
   * asker_employee_id, asker_person, asked_at, first_answer_at, answerer_employee_id,
   * answerer_person, answered, hours_to_first_answer} (null when unanswered), {@code
   * hours_observed} (hours to the first answer, or to the cut-off when unanswered: a censored
   * duration), {@code asker_department, answerer_department, cross_department} (null unless both
   * departments are known). Person columns hold employee ids: never publish this frame as is.
   *
   * @param communityRegex from {@code CommunityPatterns.regex(globs)}
   * @param cutoff start of the day after as_of (UTC): later messages have not happened
   */
  public static Dataset<Row> of(
      Dataset<Row> forum, Dataset<Row> roster, String communityRegex, Timestamp cutoff) {
    Dataset<Row> roots = roots(forum, communityRegex, cutoff);
    Dataset<Row> first =
        answers(forum, roots, cutoff)
            .groupBy(col("thread_id").as("first_thread_id"))
            // The struct orders by time first; the message id breaks ties reproducibly.
            .agg(
                min(struct(
                        col("answered_at"),
                        col("answer_id"),
                        col("helper_employee_id"),
                        col("helper_person")))
                    .as("first"));
    Dataset<Row> departments =
        roster.select(col(IdentityResolution.EMPLOYEE_ID).as("dept_id"), col("department"));
    Column hoursToAnswer = hoursBetween(col("asked_at"), col("first.answered_at"));
    Dataset<Row> threads =
        roots
            .join(first, col("thread_id").equalTo(col("first_thread_id")), "left")
            .select(
                col("thread_id"),
                col("community"),
                col("asker_employee_id"),
                col("asker_person"),
                col("asked_at"),
                col("first.answered_at").as("first_answer_at"),
                col("first.helper_employee_id").as("answerer_employee_id"),
                col("first.helper_person").as("answerer_person"),
                col("first.answered_at").isNotNull().as("answered"),
                hoursToAnswer.as("hours_to_first_answer"),
                coalesce(hoursToAnswer, hoursBetween(col("asked_at"), lit(cutoff)))
                    .as("hours_observed"));
    return withDepartment(withDepartment(threads, departments, "asker"), departments, "answerer")
        .withColumn(
            "cross_department",
            when(
                col("asker_department").isNotNull().and(col("answerer_department").isNotNull()),
                col("asker_department").notEqual(col("answerer_department"))));
  }

  /**
   * Every answer: a human reply, before {@code cutoff} and not before the question, in a question
   * thread by someone other than the asker. Needs forum rows as in {@link #of} and threads with
   * {@code thread_id, community, asker_person, asked_at} (the output of {@link #of} will do).
   * Returns {@code community, thread_id, answer_id, answered_at, helper_employee_id,
   * helper_person}.
   */
  public static Dataset<Row> answers(Dataset<Row> forum, Dataset<Row> threads, Timestamp cutoff) {
    Dataset<Row> replies =
        forum
            .filter(
                col("is_interaction")
                    .and(coalesce(col("is_reply"), lit(false)))
                    .and(col("occurred_at").lt(lit(cutoff))))
            .select(
                col("thread_id").as("reply_thread_id"),
                col("channel").as("reply_channel"),
                col("message_id").as("answer_id"),
                col("occurred_at").as("answered_at"),
                col(IdentityResolution.EMPLOYEE_ID).as("helper_employee_id"),
                person().as("helper_person"));
    Dataset<Row> questions =
        threads.select(col("thread_id"), col("community"), col("asker_person"), col("asked_at"));
    return questions
        .join(
            replies,
            col("thread_id")
                .equalTo(col("reply_thread_id"))
                .and(col("community").equalTo(col("reply_channel"))))
        .filter(
            col("answered_at")
                .geq(col("asked_at"))
                .and(col("helper_person").isNotNull())
                .and(not(col("helper_person").eqNullSafe(col("asker_person")))))
        .select(
            col("community"),
            col("thread_id"),
            col("answer_id"),
            col("answered_at"),
            col("helper_employee_id"),
            col("helper_person"));
  }

  /** Thread roots in community channels before the cut-off, one per thread. */
  static Dataset<Row> roots(Dataset<Row> forum, String communityRegex, Timestamp cutoff) {
    return forum
        .filter(
            col("is_interaction")
                .and(not(coalesce(col("is_reply"), lit(false))))
                .and(col("thread_id").equalTo(col("message_id")))
                .and(col("channel").rlike(communityRegex))
                .and(col("occurred_at").lt(lit(cutoff))))
        .select(
            col("thread_id"),
            col("channel").as("community"),
            col(IdentityResolution.EMPLOYEE_ID).as("asker_employee_id"),
            person().as("asker_person"),
            col("occurred_at").as("asked_at"));
  }

  /** The employee id when matched, else the source account; null when neither is known. */
  static Column person() {
    return coalesce(
        col(IdentityResolution.EMPLOYEE_ID),
        concat(lit("user:"), col("source"), lit(":"), col("source_user_id")));
  }

  private static Column hoursBetween(Column from, Column to) {
    return unix_micros(to).minus(unix_micros(from)).divide(MICROS_PER_HOUR);
  }

  private static Dataset<Row> withDepartment(
      Dataset<Row> threads, Dataset<Row> departments, String role) {
    Dataset<Row> roleDepartments =
        departments.select(
            col("dept_id").as(role + "_dept_id"), col("department").as(role + "_department"));
    return threads
        .join(
            broadcast(roleDepartments),
            col(role + "_employee_id").equalTo(col(role + "_dept_id")),
            "left")
        .drop(role + "_dept_id");
  }
}
