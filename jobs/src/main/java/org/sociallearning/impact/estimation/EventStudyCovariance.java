package org.sociallearning.impact.estimation;

import java.util.List;
import java.util.TreeMap;

/**
 * Builds the {@link EventStudyVector} the sensitivity analysis reads from one run of {@link
 * StaggeredDid}: the event-study points around the reference month, their covariance and the
 * headline's weights on them.
 *
 * <p>Points: the {@code dynamic} effects with a usable standard error (those of the event-study
 * band) on an unbroken run of months on either side of the reference month {@code -1 -
 * anticipation}; a gap ends the run, as the restriction compares consecutive months. Only with a
 * universal base period, where every point is measured against that month (R's {@code honest_did}
 * for {@code did} insists on it too). The run is cut to {@link #MAX_PRE} months before and {@link
 * #MAX_POST} after the reference month, as R users cut the event study ({@code aggte}'s {@code
 * min_e}, {@code max_e}) before handing it over: the restriction lets the trend gap drift by up to
 * {@code Mbar} times the largest pre-joining change every month, so over two years of monthly
 * points the robust interval of a long-run average says little, and the test's cost grows with the
 * cube of the months (two years on each side take tens of seconds per estimate).
 *
 * <p>Covariance: with bootstrap draws, their correlation (the draws are centred at zero) scaled by
 * the standard errors published beside the points, so that the analysis and the pointwise intervals
 * agree on each point's precision; without draws, the influence functions' covariance, whose
 * diagonal the analytic standard errors are.
 *
 * <p>Target: the headline ({@code group} aggregate) is a weighted sum of group-time effects, not of
 * event-study points; each point here gets the total weight the headline puts on cells of its event
 * time, so that the target is the headline whenever effects at one event time are alike across
 * cohorts, and the average of the post-joining points the headline leans on otherwise. Weights on
 * event times outside the run (after its first year) are dropped and the rest rescaled to sum to
 * one: the target is the headline's own weighting of its first year.
 */
final class EventStudyCovariance {

  /** Points before the reference month at most: the months closest to it. */
  static final int MAX_PRE = 6;

  /** Points after the reference month at most: the first year. */
  static final int MAX_POST = 12;

  private EventStudyCovariance() {}

  /**
   * @param family estimand indices of the usable event-study points (the event-study band's)
   * @param headline the headline aggregate, whose cell weights give the target
   */
  static EventStudyVector of(
      List<LinearEstimand> estimands,
      int[] family,
      LinearEstimand headline,
      List<GroupTimeCell> cells,
      StandardErrors errors,
      EstimationSample sample,
      int anticipation) {
    TreeMap<Integer, Integer> byEventTime = new TreeMap<>();
    for (int e : family) {
      byEventTime.put(Integer.parseInt(estimands.get(e).key()), e);
    }
    int reference = -1 - anticipation;
    int first = reference;
    while (byEventTime.containsKey(first - 1) && reference - first < MAX_PRE) {
      first--;
    }
    int last = reference;
    while (byEventTime.containsKey(last + 1) && last - reference < MAX_POST) {
      last++;
    }
    int pre = reference - first;
    int post = last - reference;
    if (pre < 1 || post < 1 || headline == null) {
      return EventStudyVector.NONE;
    }
    double[] target = target(headline, cells, reference, post);
    if (target == null) {
      return EventStudyVector.NONE;
    }
    int[] times = new int[pre + post];
    int[] index = new int[pre + post];
    double[] estimates = new double[pre + post];
    for (int j = 0, e = first; e <= last; e++) {
      if (e != reference) {
        times[j] = e;
        index[j] = byEventTime.get(e);
        estimates[j] = estimands.get(index[j]).estimate();
        j++;
      }
    }
    double[][] covariance =
        errors.hasDraws()
            ? fromDraws(errors, index)
            : BandFamily.covariance(sample, cells, estimands, index);
    return new EventStudyVector(times, estimates, covariance, pre, target);
  }

  /** Per post-reference month, the headline's weight on cells of that event time; null if none. */
  private static double[] target(
      LinearEstimand headline, List<GroupTimeCell> cells, int reference, int post) {
    double[] target = new double[post];
    double total = 0;
    for (int k = 0; k < headline.cells().length; k++) {
      int j = cells.get(headline.cells()[k]).eventTime() - reference - 1;
      if (j >= 0 && j < post) {
        target[j] += headline.cellWeights()[k];
        total += headline.cellWeights()[k];
      }
    }
    if (!(total > 0)) {
      return null;
    }
    for (int j = 0; j < post; j++) {
      target[j] /= total;
    }
    return target;
  }

  private static double[][] fromDraws(StandardErrors errors, int[] index) {
    double[][] draws = errors.draws();
    double[] se = errors.se();
    int n = index.length;
    double[] norm = new double[n];
    for (int i = 0; i < n; i++) {
      norm[i] = Math.sqrt(ConditionalHybridTest.dot(draws[index[i]], draws[index[i]]));
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double correlation =
            i == j
                ? 1.0
                : ConditionalHybridTest.dot(draws[index[i]], draws[index[j]]) / (norm[i] * norm[j]);
        out[i][j] = correlation * se[index[i]] * se[index[j]];
        out[j][i] = out[i][j];
      }
    }
    return out;
  }
}
