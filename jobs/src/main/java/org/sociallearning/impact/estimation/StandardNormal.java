package org.sociallearning.impact.estimation;

/**
 * Standard normal distribution function and quantile, enough for critical values and the
 * bootstrap's IQR scale without pulling in commons-math.
 */
final class StandardNormal {

  private static final double LOG_SQRT_TWO_PI = 0.91893853320467274178;
  private static final double SQRT_TWO_PI = 2.50662827463100050242;

  // Acklam's rational approximation (relative error 1.15e-9 before refinement).
  private static final double[] A = {
    -3.969683028665376e+01,
    2.209460984245205e+02,
    -2.759285104469687e+02,
    1.383577518672690e+02,
    -3.066479806614716e+01,
    2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01,
    1.615858368580409e+02,
    -1.556989798598866e+02,
    6.680131188771972e+01,
    -1.328068155288572e+01
  };
  private static final double[] C = {
    -7.784894002430293e-03,
    -3.223964580411365e-01,
    -2.400758277161838e+00,
    -2.549732539343734e+00,
    4.374664141464968e+00,
    2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };
  private static final double P_LOW = 0.02425;

  /** Below this tail probability cdf's absolute accuracy is too coarse to refine with. */
  private static final double REFINE_TAIL = 1e-5;

  private StandardNormal() {}

  /**
   * P(Z &lt;= x), absolute error about 1e-15 (Marsaglia 2004 Taylor series), always within [0, 1].
   */
  static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < -9) {
      return 0.0; // true value < 1.2e-19
    }
    if (x > 9) {
      return 1.0;
    }
    double sum = x;
    double previous = 0;
    double term = x;
    double square = x * x;
    for (double i = 1; sum != previous; ) {
      previous = sum;
      i += 2;
      term *= square / i;
      sum += term;
    }
    // Far in the tails 0.5 + sum cancels to a rounding error, which can fall just outside [0, 1].
    return Math.min(1.0, Math.max(0.0, 0.5 + sum * Math.exp(-0.5 * square - LOG_SQRT_TWO_PI)));
  }

  /**
   * z with P(Z &lt;= z) = p: Acklam's approximation plus, where {@link #cdf} is accurate enough
   * relative to the tail probability, one Halley refinement step (error then about 1e-15).
   */
  static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      if (p == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      if (p == 1) {
        return Double.POSITIVE_INFINITY;
      }
      throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
    }
    double x;
    if (p < P_LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      x =
          (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
              / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    } else if (p <= 1 - P_LOW) {
      double q = p - 0.5;
      double r = q * q;
      x =
          (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
              * q
              / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log1p(-p));
      x =
          -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
              / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    if (Math.min(p, 1 - p) >= REFINE_TAIL) {
      double error = cdf(x) - p;
      double u = error * SQRT_TWO_PI * Math.exp(0.5 * x * x);
      x = x - u / (1 + 0.5 * x * u);
    }
    return x;
  }
}
