package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pre-trend test for many small cohorts (monthly joiners, a handful each): the joint Wald test of
 * {@link PreTrendWald} on the pre-treatment event-time effects (R's {@code aggte(type = "dynamic")}
 * at {@code e < -anticipation}, without the base itself under a universal base, where it is 0 by
 * construction) instead of on every ATT(g,t). Each event-time effect averages all cohorts observed
 * that many periods before joining, so it rests on many more people than any single cell, and there
 * are at most as many effects as periods. The price: a pre-trend that differs between cohorts and
 * cancels in the average goes unseen, which is why it is only the fallback.
 *
 * <p>The same guard as the group-time test applies, counted on the people behind each average
 * (participants summed over its cohorts, comparison units of its largest cell): the j-th effect
 * counted back from joining is tested only with at least {@code 10 (j + 1)} people on each side.
 * The covariance comes from the aggregates' influence functions, including the term for the
 * estimated cohort weights.
 */
final class EventTimePreTrendWald {

  private EventTimePreTrendWald() {}

  /**
   * @param dynamic the dynamic aggregates; only those whose cells are all placebo cells count
   * @param why why the group-time test was not available, for the warning
   * @return the test, or {@link DidResult.PreTrendTest#NONE} when no event-time effect passes
   */
  static DidResult.PreTrendTest test(
      EstimationSample sample,
      List<GroupTimeCell> cells,
      List<LinearEstimand> dynamic,
      String why,
      List<String> warnings) {
    List<LinearEstimand> placebo = new ArrayList<>();
    for (LinearEstimand effect : dynamic) {
      if (AggregateEffect.DYNAMIC.equals(effect.aggregation())
          && !AggregateEffect.OVERALL.equals(effect.key())
          && effect.cells().length > 0
          && allPlacebo(cells, effect)) {
        placebo.add(effect);
      }
    }
    // Nearest joining first: a violation there biases the effects most.
    placebo.sort(
        Comparator.comparingInt((LinearEstimand e) -> Integer.parseInt(e.key())).reversed());
    List<LinearEstimand> tested = new ArrayList<>();
    int rank = 0;
    for (LinearEstimand effect : placebo) {
      rank++;
      int needed = PreTrendWald.PEOPLE_PER_TESTED_EFFECT * (rank + 1);
      if (treated(cells, effect) >= needed && comparison(cells, effect) >= needed) {
        tested.add(effect);
      }
    }
    if (tested.isEmpty()) {
      return DidResult.PreTrendTest.NONE;
    }
    double[] att = new double[tested.size()];
    double[][] psi = new double[tested.size()][];
    for (int a = 0; a < att.length; a++) {
      att[a] = tested.get(a).estimate();
      psi[a] = InfluenceFunctions.dense(sample, cells, tested.get(a));
    }
    PreTrendWald.Wald wald = PreTrendWald.wald(att, covariance(psi, sample.unitCount));
    if (wald.degreesOfFreedom() == 0) {
      return DidResult.PreTrendTest.NONE;
    }
    warnings.add(
        "pre-trend test on event-time averages: "
            + why
            + ", so the test uses the "
            + tested.size()
            + " of "
            + placebo.size()
            + " pre-joining months relative to joining, each averaged"
            + " over the joining months observed then, that rest on enough people");
    return PreTrendWald.result(
        wald, tested.size(), DidResult.PreTrendTest.Kind.EVENT_TIME, warnings);
  }

  private static boolean allPlacebo(List<GroupTimeCell> cells, LinearEstimand effect) {
    for (int k : effect.cells()) {
      if (!cells.get(k).placebo()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Cells of one event time belong to different cohorts: their participants are distinct people.
   */
  private static long treated(List<GroupTimeCell> cells, LinearEstimand effect) {
    long n = 0;
    for (int k : effect.cells()) {
      n += cells.get(k).nTreated();
    }
    return n;
  }

  /** Comparison units overlap between cells (the never-participants are in all), so the largest. */
  private static long comparison(List<GroupTimeCell> cells, LinearEstimand effect) {
    long n = 0;
    for (int k : effect.cells()) {
      n = Math.max(n, cells.get(k).nControl());
    }
    return n;
  }

  /** {@code psi' psi / N^2}, as {@link InfluenceFunctions#covariance} for cells. */
  static double[][] covariance(double[][] psi, int unitCount) {
    int k = psi.length;
    double n = unitCount;
    double[][] sigma = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b <= a; b++) {
        double dot = 0;
        for (int i = 0; i < psi[a].length; i++) {
          dot += psi[a][i] * psi[b][i];
        }
        sigma[a][b] = dot / (n * n);
        sigma[b][a] = sigma[a][b];
      }
    }
    return sigma;
  }
}
