package org.sociallearning.impact.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.config.EstimationSettings;
import org.sociallearning.impact.outcomes.DurationMedians;
import org.sociallearning.impact.outcomes.FirstDealComparison;
import org.sociallearning.impact.outcomes.OutcomeSources;
import org.sociallearning.impact.outcomes.OutcomeWindow;
import org.sociallearning.impact.outcomes.SalesCycle;
import org.sociallearning.impact.outcomes.StageDurations;
import org.sociallearning.impact.outcomes.TimeToFirstDeal;
import org.sociallearning.impact.outcomes.TimeToResolve;
import org.sociallearning.impact.publish.ResultTables;
import org.sociallearning.impact.publish.StageLog;

/**
 * Censoring-aware descriptions of durations: Kaplan-Meier against naive medians of ticket and deal
 * durations, new sellers' time to a first won deal, and time spent per sales stage.
 */
final class DurationTables {

  private DurationTables() {}

  static void add(
      StageContext ctx,
      Resolved resolved,
      Participation participation,
      Outcomes outcomes,
      PublishedTables tables) {
    EstimationSettings settings = ctx.config().estimation();
    OutcomeSources sources = outcomes.sources();
    StageLog.Timer t = ctx.log().start();
    List<Row> rows = new ArrayList<>();
    if (sources.tickets() != null) {
      rows.addAll(
          ResultTables.durationMedianRows(
              DurationMedians.of(
                  TimeToResolve.METRIC,
                  EstimateEffects.comparable(
                      ctx,
                      participation,
                      DurationMedians.ticketDurations(sources.tickets(), sources.ticketWindow())),
                  participation.participants()),
              "hours",
              settings.minGroupSize()));
    }
    if (sources.opportunities() != null) {
      rows.addAll(
          ResultTables.durationMedianRows(
              DurationMedians.of(
                  SalesCycle.METRIC,
                  EstimateEffects.comparable(
                      ctx,
                      participation,
                      DurationMedians.dealDurations(
                          sources.opportunities(), sources.salesWindow())),
                  participation.participants()),
              "days",
              settings.minGroupSize()));
      tables.add("first_deal_comparison", firstDeals(ctx, sources, participation));
    }
    tables.add("duration_medians", rows);
    t.finish("duration medians", -1, rows.size());
    if (ctx.config().hasSource("opportunity_history")) {
      Dataset<Row> visits =
          StageDurations.visits(
              resolved.table("opportunity_history"),
              new OutcomeWindow(ctx.config().asOf(), 1).cutoff());
      tables.add("stage_durations", StageDurations.summary(visits, settings.minGroupSize()));
    }
  }

  /** New sellers' days to a first won deal, participants against others, at the landmark. */
  private static List<Row> firstDeals(
      StageContext ctx, OutcomeSources sources, Participation participation) {
    EstimationSettings settings = ctx.config().estimation();
    Dataset<Row> people =
        TimeToFirstDeal.people(sources.roster(), sources.opportunities(), sources.salesWindow());
    Dataset<Row> groups =
        TimeToFirstDeal.landmarkGroups(
            people,
            sources.roster(),
            participation.participants(),
            settings.firstDealLandmarkDays());
    return ResultTables.firstDealRows(
        FirstDealComparison.of(
            groups, FirstDealComparison.ComparisonGroup.NOT_PARTICIPATING_AT_LANDMARK),
        settings.minGroupSize());
  }
}
