package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Flags Ashenfelter's dip after estimation: people often join right after an unusual period (a bad
 * month sends them looking for help). That period is the base of every post-treatment effect, so
 * its dip comes back as a spurious effect (mean reversion), while a test of trends over all
 * pre-periods can miss a single outlying one.
 *
 * <p>Rule, deliberately simple, on the period-to-period steps of the event study before joining:
 * the step into the period that post-treatment effects are measured from (event time {@code -1 -
 * anticipation}, so {@code -1} without anticipation, against the period before it) differs from
 * zero at the 5% level (two-sided), while the earlier steps do not: none of them is significant at
 * 5% after a Benjamini-Hochberg adjustment across them (without it, one of ten quiet pre-periods
 * would look significant by chance every other time). Significant earlier steps point to diverging
 * trends instead, which the pre-trend test reports.
 *
 * <p>With a {@link BasePeriod#VARYING varying} base the pre-joining event-study effects are those
 * steps already. With a {@link BasePeriod#UNIVERSAL universal} base they are levels against the
 * base period, which is 0 by construction, so a dip shows differently: every earlier period differs
 * from the base by about the same amount, with the same sign. The rule then runs on the differences
 * of consecutive event-study effects ({@link #universalSteps}), with standard errors from their
 * joint influence functions; the step into the base is minus the effect one period before it. So
 * the rule fires in the same situation under either base period: one period out of line with the
 * ones before it, right before joining.
 */
final class AshenfelterDip {

  /** Aggregation label of the steps; they are internal to the check and never published. */
  static final String STEP = "dynamic_step";

  private AshenfelterDip() {}

  /**
   * A warning for the report, or empty when the rule does not fire.
   *
   * @param steps the pre-joining steps by event time (keys are event times; other and {@code
   *     overall} entries are ignored): the dynamic effects under a varying base, {@link
   *     #universalSteps} under a universal one
   */
  static Optional<String> check(List<AggregateEffect> steps, int anticipation) {
    int baseEventTime = -1 - anticipation;
    AggregateEffect dip = null;
    List<Double> earlier = new ArrayList<>();
    for (AggregateEffect effect : steps) {
      if (effect.isOverall()) {
        continue;
      }
      int e = Integer.parseInt(effect.key());
      if (e == baseEventTime) {
        dip = effect;
      } else if (e < baseEventTime) {
        earlier.add(effect.pValue());
      }
    }
    if (dip == null || !(dip.pValue() < PreTrendWald.LEVEL)) {
      return Optional.empty();
    }
    double[] adjusted =
        BenjaminiHochberg.adjust(earlier.stream().mapToDouble(Double::doubleValue).toArray());
    for (double p : adjusted) {
      if (p < PreTrendWald.LEVEL) {
        return Optional.empty();
      }
    }
    String direction = dip.att() < 0 ? "fell" : "rose";
    return Optional.of(
        String.format(
            Locale.ROOT,
            "possible Ashenfelter's dip: just before joining the outcome"
                + " %s against the comparison group (event time %d against the period before: %.3g, %s) while"
                + " earlier periods show no difference; effects measured from that period may partly be a return"
                + " to normal (anticipation = %d would measure from the period before)",
            direction,
            baseEventTime,
            dip.att(),
            PreTrendWald.describe(dip.pValue()),
            anticipation + 1));
  }

  /**
   * Under a universal base: for every event time {@code e <= -1 - anticipation} whose predecessor
   * {@code e - 1} has an event-study effect too, the step {@code dynamic(e) - dynamic(e - 1)} as a
   * linear estimand (cells and class terms of the two effects, the earlier one subtracted), keyed
   * by {@code e}, so that its standard error comes from the same bootstrap draws or influence
   * functions as everything else.
   *
   * @param dynamic the aggregates as {@link Aggregator} builds them; only {@code dynamic} ones with
   *     an event time as key are used
   */
  static List<LinearEstimand> universalSteps(List<LinearEstimand> dynamic, int anticipation) {
    TreeMap<Integer, LinearEstimand> byEventTime = new TreeMap<>();
    for (LinearEstimand effect : dynamic) {
      if (AggregateEffect.DYNAMIC.equals(effect.aggregation())
          && !AggregateEffect.OVERALL.equals(effect.key())) {
        byEventTime.put(Integer.parseInt(effect.key()), effect);
      }
    }
    List<LinearEstimand> steps = new ArrayList<>();
    for (var entry : byEventTime.headMap(-1 - anticipation, true).entrySet()) {
      LinearEstimand before = byEventTime.get(entry.getKey() - 1);
      if (before != null) {
        steps.add(difference(entry.getKey(), entry.getValue(), before));
      }
    }
    return steps;
  }

  private static LinearEstimand difference(
      int eventTime, LinearEstimand later, LinearEstimand earlier) {
    TreeMap<Integer, Double> weights = new TreeMap<>();
    for (int k = 0; k < later.cells().length; k++) {
      weights.merge(later.cells()[k], later.cellWeights()[k], Double::sum);
    }
    for (int k = 0; k < earlier.cells().length; k++) {
      weights.merge(earlier.cells()[k], -earlier.cellWeights()[k], Double::sum);
    }
    double[] classTerm = null;
    if (later.classTerm() != null || earlier.classTerm() != null) {
      int classes = (later.classTerm() != null ? later.classTerm() : earlier.classTerm()).length;
      classTerm = new double[classes];
      for (int c = 0; c < classes; c++) {
        classTerm[c] =
            (later.classTerm() == null ? 0 : later.classTerm()[c])
                - (earlier.classTerm() == null ? 0 : earlier.classTerm()[c]);
      }
    }
    return new LinearEstimand(
        STEP,
        String.valueOf(eventTime),
        later.estimate() - earlier.estimate(),
        weights.keySet().stream().mapToInt(Integer::intValue).toArray(),
        weights.values().stream().mapToDouble(Double::doubleValue).toArray(),
        classTerm);
  }
}
