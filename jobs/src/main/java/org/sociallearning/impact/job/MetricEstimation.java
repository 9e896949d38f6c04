package org.sociallearning.impact.job;

import java.util.ArrayList;
import java.util.List;
import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.estimation.ControlGroup;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.GroupTimeEffect;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.estimation.StaggeredDid;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * Estimation step for one metric: runs the staggered difference-in-differences on its panel,
 * turns the simple aggregate into the published row (relative effect on the natural scale),
 * and suppresses results resting on fewer people than the configured minimum.
 */
public final class MetricEstimation {

  static final int FEW_PARTICIPANTS = 30;

  private MetricEstimation() {}

  public static MetricEstimate estimate(MetricDefinition metric, Panel panel, DidOptions options,
      int minGroupSize) {
    return estimate(metric, "all", panel, options, minGroupSize, null);
  }

  /** The estimate for one segment ({@code all}, {@code department=...}, ...) of the metric. */
  public static MetricEstimate estimate(MetricDefinition metric, String segment, Panel panel,
      DidOptions options, int minGroupSize, String[] strata) {
    String method = "Callaway-Sant'Anna staggered DiD, "
        + (options.control() == ControlGroup.NOT_YET_TREATED
            ? "not-yet-participants and never-participants" : "never-participants")
        + " as comparison, anticipation " + options.anticipation() + " month(s), simple"
        + " aggregation, " + (metric.logScale() ? "log scale" : "level scale")
        + (strata == null ? "" : ", compared within strata of the same roster attributes")
        + ", multiplier bootstrap clustered by employee (" + options.bootstrapReplicates()
        + " draws)";
    List<String> warnings = new ArrayList<>();
    DidResult result;
    try {
      result = StaggeredDid.estimate(panel, options, strata);
    } catch (IllegalArgumentException e) {
      warnings.add("not estimated: " + EstimatorNotes.withMonths(e.getMessage()));
      return empty(metric, segment, method, warnings, 0, 0, List.of());
    }
    warnings.addAll(EstimatorNotes.forReport(result.warnings()));
    int treated = result.treatedUnits();
    int comparison = result.controlUnits();
    if (treated < minGroupSize || comparison < minGroupSize) {
      warnings.add("suppressed: fewer than " + minGroupSize + " people in a group");
      return empty(metric, segment, method, warnings, treated, comparison,
          EstimatorNotes.forManifest(result.warnings()));
    }
    AggregateEffect simple = result.simple();
    if (Double.isNaN(simple.att())) {
      warnings.add("not estimated: no post-joining period with enough people");
      return empty(metric, segment, method, warnings, treated, comparison,
          EstimatorNotes.forManifest(result.warnings()));
    }
    if (treated < FEW_PARTICIPANTS) {
      warnings.add("only " + treated + " participants: the interval may be too narrow");
    }
    double[] relative = metric.logScale()
        ? new double[] {Math.expm1(simple.att()), Math.expm1(simple.ciLow()),
            Math.expm1(simple.ciHigh())}
        : relativeToCounterfactual(simple, treatedPostMean(panel, result));
    List<EventTimeEffect> eventStudy = eventStudy(result, minGroupSize);
    if (eventStudy.size() < result.byAggregation(AggregateEffect.DYNAMIC).size() - 1) {
      warnings.add("months relative to joining with fewer than " + minGroupSize
          + " participants are left out of the event study");
    }
    DidResult.PreTrendTest preTrend = result.preTrend();
    return new MetricEstimate(metric, segment, simple.att(), simple.ciLow(), simple.ciHigh(),
        relative[0], relative[1], relative[2], treated, comparison, method, simple.pValue(),
        Double.NaN, preTrend.pValue(), preTrend.degreesOfFreedom(), preTrend.kind().label(),
        warnings, eventStudy,
        false, EstimatorNotes.forManifest(result.warnings()),
        "all".equals(segment) ? CalendarComparison.of(panel, result, minGroupSize,
            options.control() == ControlGroup.NOT_YET_TREATED) : List.of());
  }

  private static MetricEstimate empty(MetricDefinition metric, String segment, String method,
      List<String> warnings, long treated, long comparison, List<String> notes) {
    return new MetricEstimate(metric, segment, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, treated, comparison, method, Double.NaN, Double.NaN, Double.NaN,
        0, "", warnings, List.of(), true, notes);
  }

  /** For level metrics the relative effect is the effect over the participants' counterfactual mean. */
  static double[] relativeToCounterfactual(AggregateEffect effect, double treatedPostMean) {
    double counterfactual = treatedPostMean - effect.att();
    if (!(Math.abs(counterfactual) > 1e-12)) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    return new double[] {effect.att() / counterfactual, effect.ciLow() / counterfactual,
        effect.ciHigh() / counterfactual};
  }

  /**
   * Event-time effects with the participants behind each: the cells of one event time belong to
   * different cohorts, so their treated counts add up to distinct people. Points resting on fewer
   * than {@code minGroupSize} people are dropped (too few to publish, too few to mean much).
   */
  static List<EventTimeEffect> eventStudy(DidResult result, int minGroupSize) {
    java.util.Map<Integer, Long> treatedByEventTime = new java.util.HashMap<>();
    for (GroupTimeEffect cell : result.groupTime()) {
      if (!Double.isNaN(cell.att())) {
        treatedByEventTime.merge(cell.eventTime(), (long) cell.nTreated(), Long::sum);
      }
    }
    List<EventTimeEffect> out = new ArrayList<>();
    for (AggregateEffect a : result.byAggregation(AggregateEffect.DYNAMIC)) {
      if (AggregateEffect.OVERALL.equals(a.key())) {
        continue;
      }
      int e = Integer.parseInt(a.key());
      long n = treatedByEventTime.getOrDefault(e, 0L);
      if (n >= minGroupSize && !Double.isNaN(a.att())) {
        out.add(new EventTimeEffect(e, a.att(), a.se(), a.ciLow(), a.ciHigh(), n));
      }
    }
    return out;
  }

  /**
   * Participants' mean outcome in the post-joining cells, weighted as the simple aggregate weighs
   * those cells (by cohort size), over the people each cell used (observed in the month and in
   * the month before joining).
   */
  static double treatedPostMean(Panel panel, DidResult result) {
    java.util.Map<Integer, Integer> periodIndex = new java.util.HashMap<>();
    for (int i = 0; i < panel.periodCount(); i++) {
      periodIndex.put(panel.periods()[i], i);
    }
    java.util.Map<Integer, Integer> cohortSize = new java.util.HashMap<>();
    for (int g : panel.unitGroup()) {
      cohortSize.merge(g, 1, Integer::sum);
    }
    double weighted = 0;
    double weights = 0;
    for (GroupTimeEffect cell : result.groupTime()) {
      Integer t = periodIndex.get(cell.time());
      int base = lastIndexBefore(panel.periods(), cell.group());
      if (!cell.isPostTreatment() || Double.isNaN(cell.att()) || t == null || base < 0) {
        continue;
      }
      double sum = 0;
      int n = 0;
      for (int u = 0; u < panel.unitCount(); u++) {
        double y = panel.outcome()[u][t];
        if (panel.unitGroup()[u] == cell.group() && !Double.isNaN(y)
            && !Double.isNaN(panel.outcome()[u][base])) {
          sum += y;
          n++;
        }
      }
      if (n > 0) {
        double w = cohortSize.get(cell.group());
        weighted += w * sum / n;
        weights += w;
      }
    }
    return weights == 0 ? Double.NaN : weighted / weights;
  }

  private static int lastIndexBefore(int[] periods, int group) {
    int index = -1;
    for (int i = 0; i < periods.length && periods[i] < group; i++) {
      index = i;
    }
    return index;
  }
}
