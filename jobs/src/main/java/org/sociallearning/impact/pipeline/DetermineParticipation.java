package org.sociallearning.impact.pipeline;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.config.ParticipationSettings;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.effects.HireMonthExclusion;
import org.sociallearning.impact.effects.SegmentPanels;
import org.sociallearning.impact.identity.IdentityResolution;
import org.sociallearning.impact.participation.FormalLearningContext;
import org.sociallearning.impact.participation.LearningMix;
import org.sociallearning.impact.participation.ParticipantProfile;
import org.sociallearning.impact.participation.SocialLearningParticipation;
import org.sociallearning.impact.publish.StageLog;

/**
 * Stage 3: who took part in social learning and from when, decided from what was known at the time
 * (the participation rule's date), who only tried it, and what describes each participant.
 */
public final class DetermineParticipation {

  private DetermineParticipation() {}

  public static Participation run(StageContext ctx, Resolved resolved) {
    StageLog.Timer t = ctx.log().start();
    PipelineConfig config = ctx.config();
    ParticipationSettings rule = config.participation();
    // Not cached: it is a filter of the resolved forum rows, which are; caching it as well
    // measured no faster (BENCHMARKS.md).
    Dataset<Row> interactions =
        SocialLearningParticipation.interactions(
            resolved.table("forum_interactions"), resolved.table("learning_statements"),
            rule.communities(), config.asOf());
    Dataset<Row> met =
        SocialLearningParticipation.participants(
            interactions, rule.minInteractions(), rule.windowDays());
    Dataset<Row> participants =
        ctx.cache()
            .keep(
                met.join(
                    ParticipantProfile.of(met, interactions, rule.profileMonths(), config.asOf()),
                    IdentityResolution.EMPLOYEE_ID,
                    "left"));
    Dataset<Row> triedIt =
        ctx.cache().keep(SocialLearningParticipation.triedIt(interactions, participants));
    Map<String, Map<String, String>> attributes = new TreeMap<>();
    Dataset<Row> roster = resolved.table("roster");
    // Hire dates (ISO text): for the tenure balance of every estimate, for
    // exclude_months_after_hire, and for tenure covariates, which are computed per comparison.
    Map<String, String> hireDates =
        pairs(roster.withColumn("hire_date", col("hire_date").cast("string")), "hire_date");
    attributes.put(EstimateEffects.HIRE_DATE, hireDates);
    for (String attribute : config.estimation().covariates()) {
      attributes.put(
          attribute, ConfigLoader.isTenure(attribute) ? hireDates : pairs(roster, attribute));
    }
    warnOfMissingHireDates(ctx, roster, hireDates);
    SegmentPanels.PersonSegments segments =
        new SegmentPanels.PersonSegments(
            pairs(roster, "department"),
            pairs(participants, "community"),
            pairs(participants, "intensity"),
            pairs(
                SocialLearningParticipation.courseThenCommunity(
                    resolved.table("learning_statements"),
                    resolved.table("formal_completions"),
                    participants,
                    config.asOf()),
                "blended"));
    ctx.manifest()
        .put(
            "formal_learning",
            FormalLearningContext.of(
                resolved.table("learning_statements"),
                resolved.table("formal_completions"),
                participants,
                config.asOf()));
    if (segments.blended().isEmpty()) {
      ctx.manifest()
          .warn(
              "blended learning: no formal course completions in the learning"
                  + " records, so course-then-community is not compared");
    }
    long participantCount = participants.count();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("min_interactions", rule.minInteractions());
    summary.put("window_days", rule.windowDays());
    summary.put("profile_months", rule.profileMonths());
    summary.put("participants", participantCount);
    summary.put("tried_it", triedIt.count());
    summary.put("tried_it_handling", rule.triedIt());
    ctx.manifest().put("participation", summary);
    Dataset<Row> learningMix =
        LearningMix.monthly(
            interactions,
            resolved.table("learning_statements"),
            config.asOf(),
            config.estimation().minGroupSize());
    t.finish("participation", interactions.count(), participantCount);
    return new Participation(
        interactions, participants, triedIt, segments, attributes, learningMix);
  }

  /**
   * With tenure among the covariates (the default), people without a readable hire date have no
   * tenure and leave the comparisons: a run warning says how many, where some do and some do not
   * (with none at all, the estimation stage warns that nothing is adjusted).
   */
  private static void warnOfMissingHireDates(
      StageContext ctx, Dataset<Row> roster, Map<String, String> hireDates) {
    if (ctx.config().estimation().covariates().stream().noneMatch(ConfigLoader::isTenure)) {
      return;
    }
    int readable = HireMonthExclusion.hireMonths(hireDates).size();
    long people = roster.count();
    if (readable > 0 && readable < people) {
      ctx.manifest()
          .warn(
              "estimation: "
                  + (people - readable)
                  + " of "
                  + people
                  + " people on the roster have no readable hire_date: the tenure adjustment"
                  + " leaves them out of the comparisons");
    }
  }

  /** One value per employee (a dimension: one row per person, small enough for the driver). */
  static Map<String, String> pairs(Dataset<Row> rows, String column) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : rows.select(col(IdentityResolution.EMPLOYEE_ID), col(column)).collectAsList()) {
      if (!r.isNullAt(0) && !r.isNullAt(1)) {
        out.put(r.getString(0), r.getString(1));
      }
    }
    return out;
  }
}
