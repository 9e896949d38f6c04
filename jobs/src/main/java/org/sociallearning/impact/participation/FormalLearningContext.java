package org.sociallearning.impact.participation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Formal against social learning, as context for the manifest and report: how many people completed
 * a formal course (xAPI completed or passed, or an LMS completion), how many took part in social
 * learning, and how many did both. Formal completions never make anyone a participant.
 */
public final class FormalLearningContext {

  private FormalLearningContext() {}

  /**
   * Needs learning statements and formal completions with {@code employee_id} (as identity
   * resolution leaves them) and participants ({@code employee_id}); returns people counts {@code
   * formal_completers, social_participants, both, formal_completions_from_lms}.
   */
  public static Map<String, Long> of(
      Dataset<Row> learning, Dataset<Row> formal, Dataset<Row> participants, LocalDate asOf) {
    Dataset<Row> lms =
        formal
            .filter(col(IdentityResolution.EMPLOYEE_ID).isNotNull())
            .select(col(IdentityResolution.EMPLOYEE_ID), col("completed_at"));
    Dataset<Row> completers =
        SocialLearningParticipation.statementCompletions(learning)
            .unionByName(lms)
            .filter(col("completed_at").lt(lit(SocialLearningParticipation.endOf(asOf))))
            .select(col(IdentityResolution.EMPLOYEE_ID))
            .distinct();
    Dataset<Row> social = participants.select(col(IdentityResolution.EMPLOYEE_ID)).distinct();
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("formal_completers", completers.count());
    out.put("social_participants", social.count());
    out.put("both", completers.join(social, IdentityResolution.EMPLOYEE_ID).count());
    out.put("formal_completions_from_lms", lms.count());
    return out;
  }
}
