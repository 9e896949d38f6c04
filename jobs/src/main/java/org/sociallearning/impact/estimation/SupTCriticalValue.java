package org.sociallearning.impact.estimation;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The critical value of a {@link SimultaneousBand}: the {@code level} quantile of {@code max_j |T_j
 * - theta_j| / se_j} over a family of effects, as R {@code did}'s {@code mboot} computes it for
 * {@code cband = TRUE}: the largest absolute t-statistic of each bootstrap replicate, each draw
 * divided by the standard error taken from the same draws (their interquartile range over the
 * normal one, R's {@code bSigma}), then the type-1 quantile of those maxima, R's choice there.
 * Pointwise, 95% of t-statistics stay below 1.96; jointly, 95% of replicates keep all of theirs
 * below the critical value, which grows with the number of effects and shrinks as they correlate.
 *
 * <p>With bootstrap draws the replicates are the estimator's own, so the band is coherent with the
 * standard errors beside it. Without them (analytic standard errors) the same statistic is
 * simulated from normal draws with the correlation of the effects' influence functions: the
 * influence function's covariance is what the analytic standard errors are the diagonal of, so the
 * two agree.
 */
final class SupTCriticalValue {

  /** Correlations whose residual variance falls below this are taken as dependent (singular). */
  private static final double DEPENDENT = 1e-12;

  /** Normal draws of the simulation when there are no bootstrap draws. */
  static final int NORMAL_DRAWS = 999;

  private SupTCriticalValue() {}

  /**
   * The band over {@code family}: from the replicates' draws when there are any, else by normal
   * simulation with {@code covariance} (of the family, in its order, only asked for then). Like R,
   * a critical value below the pointwise {@code z} (possible by simulation noise for a family of
   * one or two) is raised to {@code z}.
   */
  static SimultaneousBand band(
      StandardErrors errors,
      int[] family,
      Supplier<double[][]> covariance,
      double z,
      double level,
      long seed) {
    if (family.length == 0) {
      return SimultaneousBand.NONE;
    }
    double critical;
    SimultaneousBand.Source source;
    if (errors.hasDraws()) {
      critical = fromDraws(errors.draws(), errors.se(), family, level);
      source = SimultaneousBand.Source.MULTIPLIER_BOOTSTRAP;
    } else {
      critical = fromCovariance(covariance.get(), NORMAL_DRAWS, seed, level);
      source = SimultaneousBand.Source.NORMAL_SIMULATION;
    }
    if (Double.isNaN(critical)) {
      return SimultaneousBand.NONE;
    }
    return new SimultaneousBand(Math.max(critical, z), family.length, source);
  }

  /**
   * From bootstrap draws.
   *
   * @param draws {@code draws[estimand][replicate]}, centred at zero as {@link MultiplierBootstrap}
   *     makes them
   * @param se the standard error of each estimand, on the scale of the draws
   * @param family the estimands the band covers; each must have a finite positive standard error
   */
  static double fromDraws(double[][] draws, double[] se, int[] family, double level) {
    int replicates = draws[family[0]].length;
    double[] largest = new double[replicates];
    for (int r = 0; r < replicates; r++) {
      double max = 0;
      for (int j : family) {
        max = Math.max(max, Math.abs(draws[j][r]) / se[j]);
      }
      largest[r] = max;
    }
    return quantileType1(largest, level);
  }

  /**
   * From {@code draws} normal vectors with covariance {@code covariance} (of the family's
   * estimates), seeded; the diagonal gives each effect's standard error.
   */
  static double fromCovariance(double[][] covariance, int draws, long seed, double level) {
    double[][] lower = correlationFactor(covariance);
    int k = lower.length;
    SplittableRandom random = new SplittableRandom(seed);
    double[] z = new double[k];
    double[] largest = new double[draws];
    for (int r = 0; r < draws; r++) {
      for (int i = 0; i < k; i++) {
        z[i] = random.nextGaussian();
      }
      double max = 0;
      for (int i = 0; i < k; i++) {
        double x = 0;
        for (int j = 0; j <= i; j++) {
          x += lower[i][j] * z[j];
        }
        max = Math.max(max, Math.abs(x));
      }
      largest[r] = max;
    }
    return quantileType1(largest, level);
  }

  /**
   * A lower-triangular {@code L} with {@code L L'} the correlation matrix of {@code covariance}
   * (Cholesky; a dependent effect, whose correlations the earlier ones explain fully, gets the
   * earlier ones' combination and no own column).
   */
  static double[][] correlationFactor(double[][] covariance) {
    int k = covariance.length;
    double[] scale = new double[k];
    for (int i = 0; i < k; i++) {
      scale[i] = Math.sqrt(covariance[i][i]);
    }
    double[][] lower = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double v = covariance[i][j] / (scale[i] * scale[j]);
        for (int m = 0; m < j; m++) {
          v -= lower[i][m] * lower[j][m];
        }
        if (j < i) {
          lower[i][j] = lower[j][j] > 0 ? v / lower[j][j] : 0.0;
        } else {
          lower[i][i] = v > DEPENDENT ? Math.sqrt(v) : 0.0;
        }
      }
    }
    return lower;
  }

  /** R's {@code quantile(x, p, type = 1)}: the {@code ceil(n p)}-th smallest value. */
  static double quantileType1(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(sorted.length * p - 1e-9);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
