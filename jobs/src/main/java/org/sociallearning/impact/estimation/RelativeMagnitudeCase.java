package org.sociallearning.impact.estimation;

/**
 * One piece of the relative-magnitudes restriction {@code Delta^RM(Mbar)} (Rambachan and Roth 2023)
 * and the test of one value of the target under it. {@code Delta^RM(Mbar)} bounds every change of
 * the trend gap {@code delta} between consecutive months after the reference month by {@code Mbar}
 * times the largest such change before it. It is a union of polyhedra, one per pre-reference change
 * {@code s} that is the largest and per sign of that change: here {@code |delta_{t+1} - delta_t| <=
 * Mbar * sign * (delta_s - delta_{s-1})} for every post-reference change t. The robust interval is
 * the union, over the pieces, of the values no piece's test rejects; as R HonestDiD ({@code
 * postPeriodMomentsOnly = TRUE}), only these post-reference rows enter the test, the pre-reference
 * ones (that s is indeed the largest) do not.
 *
 * <p>With {@code beta = tau + delta} ({@code tau} zero before the reference) and the target {@code
 * theta = l' tau_post}, the rows read {@code E[A beta_hat] - A_post tau_post <= 0}; writing {@code
 * tau_post} as theta plus free nuisance directions with {@code l' tau_post} fixed gives the moments
 * {@code y(theta) - X nu <= 0} that {@link ConditionalHybridTest} tests.
 */
final class RelativeMagnitudeCase {

  private final double[] moments;
  private final double[] thetaLoading;
  private final double[][] nuisance;
  private final double[][] covariance;
  private final double alpha;
  private final long seed;
  private ConditionalHybridTest test;

  /**
   * @param es the event study, on the scale the test should work on
   * @param largest index (0-based among the pre-reference changes, the last being the change into
   *     the reference month) of the change assumed largest before the reference
   * @param positive whether that change is assumed positive
   */
  RelativeMagnitudeCase(
      EventStudyVector es, double mbar, int largest, boolean positive, double alpha, long seed) {
    int pre = es.preCount();
    int post = es.postCount();
    int columns = pre + post;
    // Pre-reference change `largest` is delta at column largest+1 minus column largest, the
    // reference month (delta = 0, dropped) standing at column `pre`.
    double[] bound = new double[columns];
    double sign = positive ? 1 : -1;
    if (largest + 1 < pre) {
      bound[largest + 1] = mbar * sign;
    }
    bound[largest] -= mbar * sign;
    double[][] a = new double[2 * post][];
    for (int t = 0; t < post; t++) {
      double[] change = new double[columns];
      change[pre + t] = 1;
      if (t > 0) {
        change[pre + t - 1] = -1;
      }
      double[] up = new double[columns];
      double[] down = new double[columns];
      for (int c = 0; c < columns; c++) {
        up[c] = change[c] - bound[c];
        down[c] = -change[c] - bound[c];
      }
      a[2 * t] = up;
      a[2 * t + 1] = down;
    }
    moments = times(a, es.estimates());
    covariance = sandwich(a, es.covariance());
    double[] l = es.target();
    int pivot = 0;
    while (l[pivot] == 0) {
      pivot++;
    }
    thetaLoading = new double[a.length];
    nuisance = new double[a.length][post - 1];
    for (int r = 0; r < a.length; r++) {
      double atPivot = a[r][pre + pivot];
      thetaLoading[r] = atPivot / l[pivot];
      for (int j = 0, col = 0; j < post; j++) {
        if (j != pivot) {
          nuisance[r][col++] = a[r][pre + j] - atPivot * l[j] / l[pivot];
        }
      }
    }
    this.alpha = alpha;
    this.seed = seed;
  }

  /** Whether the piece's test keeps {@code theta} (does not reject it). */
  boolean accepts(double theta) {
    if (test == null) {
      test = new ConditionalHybridTest(nuisance, covariance, alpha, seed);
    }
    double[] y = new double[moments.length];
    for (int r = 0; r < y.length; r++) {
      y[r] = moments[r] - thetaLoading[r] * theta;
    }
    return !test.rejects(y);
  }

  private static double[] times(double[][] a, double[] v) {
    double[] out = new double[a.length];
    for (int r = 0; r < a.length; r++) {
      out[r] = ConditionalHybridTest.dot(a[r], v);
    }
    return out;
  }

  /** {@code A S A'}. */
  private static double[][] sandwich(double[][] a, double[][] s) {
    int n = a.length;
    double[][] as = new double[n][];
    for (int r = 0; r < n; r++) {
      as[r] = new double[s.length];
      for (int c = 0; c < s.length; c++) {
        double v = 0;
        for (int k = 0; k < s.length; k++) {
          v += a[r][k] * s[k][c];
        }
        as[r][c] = v;
      }
    }
    double[][] out = new double[n][n];
    for (int r = 0; r < n; r++) {
      for (int q = 0; q < n; q++) {
        out[r][q] = ConditionalHybridTest.dot(as[r], a[q]);
      }
    }
    return out;
  }
}
