package org.sociallearning.impact.estimation;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The first-stage critical value of the conditional-least-favorable hybrid test ({@link
 * ConditionalHybridTest}): the {@code 1 - kappa} quantile (R's type 7) of the statistic eta over
 * {@link #DRAWS} seeded normal draws of the moments with mean 0, the least favorable mean under the
 * null (Andrews, Roth and Pakes, section 6.2; R HonestDiD's {@code .compute_least_favorable_cv}).
 *
 * <p>Each eta is a linear program, and a thousand of them per piece of the restriction and per
 * {@code Mbar} would dominate the run. Two bounds spare most of them without changing the value:
 * eta at a draw is at most its largest standardized moment at any nuisance value (here the weighted
 * least-squares one), and at least {@code gamma'y} for any dual-feasible gamma. The bounds' own
 * quantiles bracket the critical value, often enough to decide a test; when the value itself is
 * needed, only its few largest etas matter, so the programs run in decreasing order of the upper
 * bound and stop once it falls below the smallest of those.
 */
final class LeastFavorableCriticalValue {

  /** Draws behind the critical value, as R. */
  static final int DRAWS = 1000;

  private final double level;
  private final double[][] draws;
  private final double[] upper;
  private final double upperQuantile;
  private final Function<double[], SimplexMethod.Solution> statistic;
  private double value = Double.NaN;

  /**
   * @param x moments by nuisance parameters ({@code M x k}, k may be 0)
   * @param sigma covariance of the moments
   * @param statistic eta and its dual vertex at given moments
   */
  LeastFavorableCriticalValue(
      double[][] x,
      double[][] sigma,
      double kappa,
      long seed,
      Function<double[], SimplexMethod.Solution> statistic) {
    this.level = 1 - kappa;
    this.statistic = statistic;
    int m = sigma.length;
    double[] sd = new double[m];
    for (int i = 0; i < m; i++) {
      sd[i] = Math.sqrt(sigma[i][i]);
    }
    draws = draws(sigma, sd, seed);
    upper = upperBounds(draws, weightedResidualMaker(x, sd), sd);
    upperQuantile = UpperTail.quantileType7(upper, level);
  }

  /**
   * Each draw's bound on eta: its largest standardized moment left after the nuisance fit ({@code
   * residual}, null for none), four draws at a time ({@link #fourDots}).
   */
  private static double[] upperBounds(double[][] draws, double[][] residual, double[] sd) {
    int m = sd.length;
    double[] upper = new double[draws.length];
    int r = 0;
    if (residual != null) {
      for (; r + 4 <= draws.length; r += 4) {
        double[] d0 = draws[r];
        double[] d1 = draws[r + 1];
        double[] d2 = draws[r + 2];
        double[] d3 = draws[r + 3];
        double u0 = Double.NEGATIVE_INFINITY;
        double u1 = Double.NEGATIVE_INFINITY;
        double u2 = Double.NEGATIVE_INFINITY;
        double u3 = Double.NEGATIVE_INFINITY;
        double[] s = new double[4];
        for (int i = 0; i < m; i++) {
          fourDots(residual[i], m, d0, d1, d2, d3, s);
          u0 = Math.max(u0, s[0] / sd[i]);
          u1 = Math.max(u1, s[1] / sd[i]);
          u2 = Math.max(u2, s[2] / sd[i]);
          u3 = Math.max(u3, s[3] / sd[i]);
        }
        upper[r] = u0;
        upper[r + 1] = u1;
        upper[r + 2] = u2;
        upper[r + 3] = u3;
      }
    }
    for (; r < draws.length; r++) {
      double[] left = residual == null ? draws[r] : times(residual, draws[r]);
      upper[r] = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < m; i++) {
        upper[r] = Math.max(upper[r], left[i] / sd[i]);
      }
    }
    return upper;
  }

  /** At least the critical value: a statistic above it is rejected in the first stage. */
  double upperBound() {
    return upperQuantile;
  }

  /** At most the critical value, from one dual-feasible vertex gamma. */
  double lowerBound(double[] gamma) {
    double[] values = new double[DRAWS];
    for (int r = 0; r < DRAWS; r++) {
      values[r] = ConditionalHybridTest.dot(gamma, draws[r]);
    }
    return UpperTail.quantileType7(values, level);
  }

  /** The critical value, computed on first use; NaN when the programs have no solution. */
  double value() {
    if (Double.isNaN(value)) {
      value = compute();
    }
    return value;
  }

  private double compute() {
    double h = (DRAWS - 1) * level;
    int lo = (int) Math.floor(h);
    int needed = DRAWS - lo;
    UpperTail.Descending order = new UpperTail.Descending(upper);
    PriorityQueue<Double> top = new PriorityQueue<>();
    while (order.hasNext()) {
      int r = order.next();
      if (top.size() == needed && upper[r] <= top.peek()) {
        break;
      }
      SimplexMethod.Solution eta = statistic.apply(draws[r]);
      if (!eta.feasible() || !Double.isFinite(eta.value())) {
        return Double.NaN;
      }
      top.add(eta.value());
      if (top.size() > needed) {
        top.poll();
      }
    }
    double first = top.poll();
    double second = top.isEmpty() ? first : top.poll();
    return first + (h - lo) * (second - first);
  }

  /** Seeded normal draws with mean 0 and covariance sigma. */
  private static double[][] draws(double[][] sigma, double[] sd, long seed) {
    int m = sigma.length;
    double[][] lower = SupTCriticalValue.correlationFactor(sigma);
    SplittableRandom random = new SplittableRandom(seed);
    double[][] out = new double[DRAWS][m];
    // Four draws at a time (fourDots): the same normals in the same order, the same sums. A last
    // group of fewer than four leaves the other vectors as they were and keeps only its own sums.
    double[][] z = new double[4][m];
    double[] v = new double[4];
    for (int r = 0; r < DRAWS; r += 4) {
      int count = Math.min(4, DRAWS - r);
      for (int k = 0; k < count; k++) {
        for (int i = 0; i < m; i++) {
          z[k][i] = random.nextGaussian();
        }
      }
      for (int i = 0; i < m; i++) {
        fourDots(lower[i], i + 1, z[0], z[1], z[2], z[3], v);
        for (int k = 0; k < count; k++) {
          out[r + k][i] = sd[i] * v[k];
        }
      }
    }
    return out;
  }

  /**
   * The products of {@code row}'s first {@code length} entries with four vectors, into {@code
   * sums}: each summed in index order, as one product at a time would be, so the same to the last
   * bit; the four independent sums keep the processor busy where one waits for its previous
   * addition.
   */
  private static void fourDots(
      double[] row, int length, double[] v0, double[] v1, double[] v2, double[] v3, double[] sums) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    for (int j = 0; j < length; j++) {
      double a = row[j];
      s0 += a * v0[j];
      s1 += a * v1[j];
      s2 += a * v2[j];
      s3 += a * v3[j];
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
  }

  /**
   * {@code I - X (X'WX)^-1 X'W} with {@code W = diag(1 / sd^2)}: the moments left after the
   * weighted least-squares nuisance fit; null without nuisance or when {@code X'WX} is singular.
   */
  private static double[][] weightedResidualMaker(double[][] x, double[] sd) {
    int m = sd.length;
    int k = m == 0 ? 0 : x[0].length;
    if (k == 0) {
      return null;
    }
    double[][] normal = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        for (int i = 0; i < m; i++) {
          normal[a][b] += x[i][a] * x[i][b] / (sd[i] * sd[i]);
        }
      }
    }
    Cholesky chol = Cholesky.of(normal);
    if (chol == null) {
      return null;
    }
    double[][] out = new double[m][m];
    for (int j = 0; j < m; j++) {
      double[] xtw = new double[k];
      for (int a = 0; a < k; a++) {
        xtw[a] = x[j][a] / (sd[j] * sd[j]);
      }
      double[] coef = chol.solve(xtw);
      for (int i = 0; i < m; i++) {
        out[i][j] = (i == j ? 1 : 0) - ConditionalHybridTest.dot(x[i], coef);
      }
    }
    return out;
  }

  static double quantileType7(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double[] times(double[][] a, double[] v) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = ConditionalHybridTest.dot(a[i], v);
    }
    return out;
  }
}
