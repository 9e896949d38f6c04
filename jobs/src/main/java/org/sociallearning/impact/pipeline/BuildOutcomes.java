package org.sociallearning.impact.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.config.EstimationSettings;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.outcomes.OutcomeMetric;
import org.sociallearning.impact.outcomes.OutcomeMetrics;
import org.sociallearning.impact.outcomes.OutcomeSources;
import org.sociallearning.impact.outcomes.OutcomeWindow;
import org.sociallearning.impact.publish.StageLog;

/**
 * Stage 4: every registered outcome metric whose source table is configured, as item rows and
 * employee-month rows, computed once and cached for the stages that read them.
 */
public final class BuildOutcomes {

  private BuildOutcomes() {}

  public static Outcomes run(StageContext ctx, Resolved resolved) {
    PipelineConfig config = ctx.config();
    OutcomeSources sources = sources(config, resolved);
    List<Outcomes.MetricOutcome> out = new ArrayList<>();
    for (OutcomeMetric metric : OutcomeMetrics.ALL) {
      if (!config.hasSource(metric.sourceTable())) {
        continue;
      }
      StageLog.Timer t = ctx.log().start();
      Dataset<Row> items = metric.items(sources);
      if (items != null) {
        items = ctx.cache().keep(items);
      }
      Dataset<Row> months = ctx.cache().keep(metric.employeeMonths(sources, items));
      Row sum = months.agg(org.apache.spark.sql.functions.sum("items")).first();
      t.finish("outcomes " + metric.name(), sum.isNullAt(0) ? 0 : sum.getLong(0), months.count());
      out.add(new Outcomes.MetricOutcome(metric, items, months));
    }
    return new Outcomes(sources, out);
  }

  /** The resolved tables each metric reads, null where no source feeds them, and the windows. */
  static OutcomeSources sources(PipelineConfig config, Resolved resolved) {
    EstimationSettings settings = config.estimation();
    return new OutcomeSources(
        config.hasSource("service_tickets") ? resolved.table("service_tickets") : null,
        config.hasSource("opportunities") ? resolved.table("opportunities") : null,
        resolved.table("roster"),
        new OutcomeWindow(config.asOf(), settings.ticketHorizonDays()),
        new OutcomeWindow(config.asOf(), settings.salesHorizonDays()));
  }
}
