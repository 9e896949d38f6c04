package org.sociallearning.impact.estimation;

/**
 * The conditional-least-favorable hybrid test of Andrews, Roth and Pakes (ARP) for moment
 * inequalities with nuisance parameters, {@code H0: E[y - X nu] <= 0 for some nu}, y normal with
 * known covariance; Rambachan and Roth (2023) invert it for their robust intervals.
 *
 * <p>The statistic is {@code eta = min over nu of max_i (y_i - x_i' nu) / sd_i}, a linear program;
 * by duality {@code eta = max gamma'y} over {@code gamma >= 0, gamma'sd = 1, gamma'X = 0}, and the
 * optimal vertex gamma is the conditioning event. First stage: reject when eta exceeds the
 * least-favorable critical value, the {@code 1 - kappa} quantile of eta under {@code E[y] = 0}
 * (simulated: {@link LeastFavorableCriticalValue}; {@code kappa = alpha / 10}, as R). Second stage:
 * given the vertex and the part of y independent of {@code gamma'y}, eta is normal truncated to
 * {@code [vlo, vup]}, the values of {@code gamma'y} for which gamma stays optimal (also capped at
 * the first stage's critical value), and the test rejects when eta exceeds that truncated normal's
 * {@code 1 - (alpha - kappa) / (1 - kappa)} quantile (at least 0).
 *
 * <p>As R HonestDiD's {@code .lp_conditional_test_fn} with {@code hybrid_flag = "LF"}, except that
 * the truncation bounds always come from the dual (R's fallback for degenerate programs; R uses the
 * primal formula when the binding moments are non-degenerate, where the two coincide), and the
 * least-favorable quantile is simulated with its own seeded draws, so it differs from R's by
 * simulation noise.
 */
final class ConditionalHybridTest {

  private static final double SOLUTION_TOLERANCE = 1e-6;

  private final double[][] constraints;
  private final double[] rhs;
  private final double[][] sigma;
  private final double secondStageSize;
  private final LeastFavorableCriticalValue firstStage;

  /**
   * @param x moments by nuisance parameters ({@code M x k}, k may be 0)
   * @param sigma covariance of y ({@code M x M}) with a positive diagonal
   * @param seed of the least-favorable critical value's draws
   */
  ConditionalHybridTest(double[][] x, double[][] sigma, double alpha, long seed) {
    int m = sigma.length;
    int k = m == 0 ? 0 : x[0].length;
    this.sigma = sigma;
    constraints = new double[k + 1][m];
    for (int i = 0; i < m; i++) {
      constraints[0][i] = Math.sqrt(sigma[i][i]);
      for (int j = 0; j < k; j++) {
        constraints[j + 1][i] = x[i][j];
      }
    }
    rhs = new double[k + 1];
    rhs[0] = 1;
    double kappa = alpha / 10;
    secondStageSize = (alpha - kappa) / (1 - kappa);
    firstStage = new LeastFavorableCriticalValue(x, sigma, kappa, seed, this::statistic);
  }

  /** The statistic eta and its dual vertex; null vertex when the program has no solution. */
  SimplexMethod.Solution statistic(double[] y) {
    return SimplexMethod.maximize(y, constraints, rhs);
  }

  /** Whether the test rejects {@code E[y - X nu] <= 0 for some nu} at the level given. */
  boolean rejects(double[] y) {
    SimplexMethod.Solution dual = statistic(y);
    if (!dual.feasible() || dual.x() == null) {
      return false; // as R: no solution, no rejection
    }
    double eta = dual.value();
    if (eta > firstStage.upperBound()) {
      return true;
    }
    double[] gamma = dual.x();
    if (eta <= 0 && eta <= firstStage.lowerBound(gamma)) {
      return false; // below the first stage's critical value, and the second's is never below 0
    }
    double leastFavorable = firstStage.value();
    if (eta > leastFavorable) {
      return true;
    }
    if (eta <= 0) {
      return false;
    }
    double[] sigmaGamma = times(sigma, gamma);
    double variance = dot(gamma, sigmaGamma);
    if (variance < 1e-14) {
      return eta > 0;
    }
    double sd = Math.sqrt(variance);
    double[] b = new double[y.length];
    double[] s = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      b[i] = sigmaGamma[i] / variance;
      s[i] = y[i] - b[i] * eta;
    }
    double vlo = truncationEnd(eta, sd, s, b, false);
    double vup = Math.min(truncationEnd(eta, sd, s, b, true), leastFavorable);
    double z = eta / sd;
    if (!(vlo / sd <= z && z <= vup / sd)) {
      return false;
    }
    double critical =
        Math.max(0, TruncatedNormal.quantile(1 - secondStageSize, vlo / sd, vup / sd));
    return z > critical;
  }

  /**
   * An end of the set of c for which {@code c = max gamma'(s + b c)} over the dual's feasible set:
   * the maximum minus c is convex in c and zero exactly on {@code [vlo, vup]}, so Newton steps from
   * outside land on the end; bisection takes over when they stall, as in R.
   */
  private double truncationEnd(double eta, double sd, double[] s, double[] b, boolean upper) {
    double sign = upper ? 1 : -1;
    double far = upper ? Math.max(100, eta + 20 * sd) : Math.min(-100, eta - 20 * sd);
    SimplexMethod.Solution at = maximumAt(far, s, b);
    if (isSolution(far, at)) {
      return sign * Double.POSITIVE_INFINITY;
    }
    double c = far;
    for (int iter = 0; iter < 10; iter++) {
      double slope = 1 - dot(at.x(), b);
      double next = Math.abs(slope) < 1e-12 ? Double.NaN : dot(at.x(), s) / slope;
      if (!Double.isFinite(next) || sign * (next - eta) < 0 || sign * (next - c) > 0) {
        break;
      }
      c = next;
      at = maximumAt(c, s, b);
      if (isSolution(c, at)) {
        return c;
      }
    }
    double inside = eta;
    double outside = c;
    while (Math.abs(outside - inside) > 1e-6) {
      double mid = 0.5 * (inside + outside);
      if (isSolution(mid, maximumAt(mid, s, b))) {
        inside = mid;
      } else {
        outside = mid;
      }
    }
    return 0.5 * (inside + outside);
  }

  private SimplexMethod.Solution maximumAt(double c, double[] s, double[] b) {
    double[] objective = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      objective[i] = s[i] + b[i] * c;
    }
    return SimplexMethod.maximize(objective, constraints, rhs);
  }

  private static boolean isSolution(double c, SimplexMethod.Solution at) {
    return at.feasible() && Math.abs(c - at.value()) <= SOLUTION_TOLERANCE;
  }

  private static double[] times(double[][] a, double[] v) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = dot(a[i], v);
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
