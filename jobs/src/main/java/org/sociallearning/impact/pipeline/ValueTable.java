package org.sociallearning.impact.pipeline;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.effects.MeanEffects;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.effects.PanelAssembler;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.outcomes.EmployeeMonthOutcomes;
import org.sociallearning.impact.outcomes.OutcomeSources;
import org.sociallearning.impact.outcomes.TicketEffort;
import org.sociallearning.impact.participation.CommunityTime;
import org.sociallearning.impact.publish.ResultTables;
import org.sociallearning.impact.publish.StageLog;
import org.sociallearning.impact.value.ParticipantVolumes;
import org.sociallearning.impact.value.ValueEstimates;
import org.sociallearning.impact.value.ValueInputs;
import org.sociallearning.impact.value.ValueRow;

/**
 * Hours, money and ROI from the published headline estimates, what participants handled and their
 * effort.
 */
final class ValueTable {

  private ValueTable() {}

  static void add(
      StageContext ctx,
      Participation participation,
      Outcomes outcomes,
      List<MetricEstimate> headlines,
      PublishedTables tables) {
    StageLog.Timer t = ctx.log().start();
    OutcomeSources sources = outcomes.sources();
    ValueInputs inputs =
        ParticipantVolumes.of(
            sources.tickets(),
            sources.opportunities(),
            participation.participants(),
            sources.ticketWindow(),
            sources.salesWindow());
    MetricEstimate.MeanEffect effort =
        sources.tickets() == null
            ? MetricEstimate.MeanEffect.NONE
            : effortPerTicket(ctx, participation, sources);
    inputs =
        inputs.with(
            effort,
            ctx.config().value().minutesPerInteraction() == null
                ? Double.NaN
                : CommunityTime.interactionsPerYear(
                    participation.interactions(), ctx.config().asOf()));
    List<ValueRow> rows = ValueEstimates.compute(ctx.config().value(), headlines, inputs);
    tables.add("value_estimates", ResultTables.valueRows(rows));
    t.finish("value", headlines.size(), rows.size());
  }

  /**
   * The effect of joining on the hours of work logged per ticket, where the exports carry effort:
   * the same design as the headline on employee-month means of effort weighted by their tickets.
   * NONE when no ticket has effort or the effect cannot be estimated.
   */
  private static MetricEstimate.MeanEffect effortPerTicket(
      StageContext ctx, Participation participation, OutcomeSources sources) {
    Dataset<Row> effort =
        ctx.cache()
            .keep(
                EstimateEffects.comparable(
                    ctx,
                    participation,
                    TicketEffort.items(sources.tickets(), sources.ticketWindow())));
    if (effort.isEmpty()) {
      return MetricEstimate.MeanEffect.NONE;
    }
    Panel panel =
        PanelAssembler.assembleWeighted(
            EmployeeMonthOutcomes.aggregate(effort),
            participation.participants(),
            EstimateEffects.hireMonthExclusion(ctx, participation));
    return MeanEffects.of(
        panel,
        EstimateEffects.didOptions(ctx, participation).withReplicates(0),
        EstimateEffects.strata(ctx, participation, panel));
  }
}
