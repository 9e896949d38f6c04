package org.sociallearning.impact.estimation;

import java.util.Arrays;

/**
 * The standard error R {@code did::mboot} reads off bootstrap draws ({@link MultiplierBootstrap}):
 * the interquartile range of the draws divided by the standard normal's, which heavy tails of the
 * draws move less than a standard deviation.
 */
final class IqrStandardError {

  private static final double NORMAL_IQR = 2 * 0.6744897501960817;

  /** R treats draws with sum of squares (in sqrt(n) scale) below this as degenerate. */
  static final double DEGENERATE = Math.sqrt(Math.ulp(1.0)) * 10;

  private IqrStandardError() {}

  /**
   * @param draws one estimand's bootstrap draws, {@code mean_i V_i psi_i}
   * @param unitCount N, to judge degeneracy in R's {@code sqrt(n)} scale
   * @return the standard error, or NaN when the draws are degenerate
   */
  static double of(double[] draws, int unitCount) {
    double sumSquares = 0;
    for (double d : draws) {
      sumSquares += d * d * unitCount;
    }
    if (!(sumSquares > DEGENERATE)) {
      return Double.NaN;
    }
    double[] sorted = draws.clone();
    Arrays.sort(sorted);
    return (quantileType7(sorted, 0.75) - quantileType7(sorted, 0.25)) / NORMAL_IQR;
  }

  /** R's default {@code quantile(x, p, type = 7)} of an ascending array. */
  static double quantileType7(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
