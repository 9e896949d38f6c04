package org.sociallearning.impact.estimation;

/**
 * One side of a two-by-two comparison (the treated units of a cell, or its comparison units): over
 * the members observed in both periods, how many there are, their total weight, the weighted mean
 * change {@code dY = Y_t - Y_base} and the sum {@code sum w_i^2 (dY_i - mean)^2} that the analytic
 * variance needs ({@code w_i = 1} on an unweighted panel, where these are the plain count, mean and
 * centred sum of squares).
 *
 * <p>Shared by {@link GroupTimeEstimator} (sides are classes) and {@link StratumMatching} (sides
 * are blocks); with unit weights of 1 every sum is bit for bit the unweighted one.
 *
 * @param n units observed in both periods (a count of people, whatever the weights)
 * @param weight their total weight {@code W}; equal to {@code n} on an unweighted panel
 * @param mean {@code sum w_i dY_i / W}; NaN when {@code n = 0}
 * @param sumSquares {@code sum w_i^2 (dY_i - mean)^2}; NaN when {@code n = 0}
 */
record SideMoments(int n, double weight, double mean, double sumSquares) {

  /** The moments over the members of {@code groups}, each an index into {@code membersOf}. */
  static SideMoments of(EstimationSample sample, int[][] membersOf, int[] groups, int ti, int bi) {
    int n = 0;
    double total = 0;
    double sum = 0;
    for (int g : groups) {
      for (int i : membersOf[g]) {
        double change = sample.outcome[i][ti] - sample.outcome[i][bi];
        if (!Double.isNaN(change)) {
          double w = sample.weight(i, ti);
          n++;
          total += w;
          sum += w * change;
        }
      }
    }
    if (n == 0) {
      return new SideMoments(0, 0.0, Double.NaN, Double.NaN);
    }
    double mean = sum / total;
    return new SideMoments(
        n, total, mean, sumSquaresAround(sample, membersOf, groups, ti, bi, mean));
  }

  /**
   * {@code sum w_i^2 (dY_i - centre)^2} over the observed members. A second pass rather than sum of
   * squares minus n*mean^2: outcomes in levels would otherwise cancel catastrophically.
   */
  static double sumSquaresAround(
      EstimationSample sample, int[][] membersOf, int[] groups, int ti, int bi, double centre) {
    double sumSquares = 0;
    for (int g : groups) {
      for (int i : membersOf[g]) {
        double change = sample.outcome[i][ti] - sample.outcome[i][bi];
        if (!Double.isNaN(change)) {
          double term = sample.weight(i, ti) * (change - centre);
          sumSquares += term * term;
        }
      }
    }
    return sumSquares;
  }
}
