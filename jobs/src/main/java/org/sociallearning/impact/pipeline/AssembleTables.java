package org.sociallearning.impact.pipeline;

import java.util.List;
import org.sociallearning.impact.effects.EstimateNotes;
import org.sociallearning.impact.effects.GradedEstimate;
import org.sociallearning.impact.publish.EstimateRows;
import org.sociallearning.impact.publish.ResultTables;

/**
 * Stage 6: every published table's rows, from the results of the stages before: estimates and their
 * companions, dashboards, knowledge flow, durations and value. Nothing is written yet.
 */
public final class AssembleTables {

  private AssembleTables() {}

  public static PublishedTables run(
      StageContext ctx,
      Ingested ingested,
      Resolved resolved,
      Participation participation,
      Outcomes outcomes,
      Estimates estimates) {
    PublishedTables tables = new PublishedTables();
    double target = ctx.config().estimation().detectableRelativeEffect();
    // Robust analyses ran for unreliable overall estimates; each grade reads its breakdown value.
    List<GradedEstimate> graded =
        GradedEstimate.of(estimates.estimates(), estimates.robust(), target);
    tables.add("impact_estimates", EstimateRows.estimates(graded, estimates.newHires()));
    tables.add("estimate_notes", EstimateRows.notes(EstimateNotes.of(graded, target)));
    tables.add("impact_event_study", ResultTables.eventStudyRows(estimates.estimates()));
    tables.add("impact_calendar", ResultTables.calendarRows(estimates.estimates()));
    tables.add(
        "balance",
        ResultTables.balanceRows(estimates.balance(), ctx.config().estimation().minGroupSize()));
    tables.add("learning_mix_monthly", participation.learningMix());
    KnowledgeTables.add(ctx, resolved, tables);
    DashboardTables.add(ctx, ingested, resolved, participation, outcomes, tables);
    // Money follows the published headline (the robust analysis where it replaced the main one),
    // never an unreliable one.
    ValueTable.add(ctx, participation, outcomes, GradedEstimate.valued(graded), tables);
    DurationTables.add(ctx, resolved, participation, outcomes, tables);
    return tables;
  }
}
