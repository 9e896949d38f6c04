package org.sociallearning.impact.job;

import java.util.ArrayList;
import java.util.List;
import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.DidResult;
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
    String method = "Callaway-Sant'Anna staggered DiD, never-participants as comparison, "
        + "simple aggregation, " + (metric.logScale() ? "log scale" : "level scale")
        + ", multiplier bootstrap clustered by employee (" + options.bootstrapReplicates()
        + " draws)";
    List<String> warnings = new ArrayList<>();
    DidResult result;
    try {
      result = StaggeredDid.estimate(panel, options);
    } catch (IllegalArgumentException e) {
      warnings.add("not estimated: " + EstimatorNotes.withMonths(e.getMessage()));
      return empty(metric, method, warnings, 0, 0, List.of());
    }
    warnings.addAll(EstimatorNotes.forReport(result.warnings()));
    int treated = result.treatedUnits();
    int comparison = result.controlUnits();
    if (treated < minGroupSize || comparison < minGroupSize) {
      warnings.add("suppressed: fewer than " + minGroupSize + " people in a group");
      return empty(metric, method, warnings, treated, comparison,
          EstimatorNotes.forManifest(result.warnings()));
    }
    AggregateEffect simple = result.simple();
    if (Double.isNaN(simple.att())) {
      warnings.add("not estimated: no post-joining period with enough people");
      return empty(metric, method, warnings, treated, comparison,
          EstimatorNotes.forManifest(result.warnings()));
    }
    if (treated < FEW_PARTICIPANTS) {
      warnings.add("only " + treated + " participants: the interval may be too narrow");
    }
    double[] relative = metric.logScale()
        ? new double[] {Math.expm1(simple.att()), Math.expm1(simple.ciLow()),
            Math.expm1(simple.ciHigh())}
        : relativeToCounterfactual(simple, treatedPostMean(panel));
    List<AggregateEffect> eventStudy = result.byAggregation(AggregateEffect.DYNAMIC).stream()
        .filter(a -> !AggregateEffect.OVERALL.equals(a.key())).toList();
    return new MetricEstimate(metric, "all", simple.att(), simple.ciLow(), simple.ciHigh(),
        relative[0], relative[1], relative[2], treated, comparison, method, warnings, eventStudy,
        false, EstimatorNotes.forManifest(result.warnings()));
  }

  private static MetricEstimate empty(MetricDefinition metric, String method,
      List<String> warnings, long treated, long comparison, List<String> notes) {
    return new MetricEstimate(metric, "all", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, treated, comparison, method, warnings, List.of(), true, notes);
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

  /** Mean outcome of participants in the months from their joining on. */
  static double treatedPostMean(Panel panel) {
    double sum = 0;
    long n = 0;
    for (int u = 0; u < panel.unitCount(); u++) {
      int g = panel.unitGroup()[u];
      if (g == 0) {
        continue;
      }
      for (int t = 0; t < panel.periodCount(); t++) {
        double v = panel.outcome()[u][t];
        if (panel.periods()[t] >= g && !Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
