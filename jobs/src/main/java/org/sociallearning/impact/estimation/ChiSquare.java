package org.sociallearning.impact.estimation;

/**
 * Upper tail of the chi-square distribution, for the p-value of the pre-trend Wald test, without
 * pulling in commons-math: {@code P(X > x) = Q(k/2, x/2)} with Q the regularised upper incomplete
 * gamma function, evaluated by its power series below {@code a + 1} and by Lentz's continued
 * fraction above (Numerical Recipes, section 6.2). Relative accuracy about 1e-14.
 */
final class ChiSquare {

  private static final int MAX_ITERATIONS = 10_000;
  private static final double EPSILON = Math.ulp(1.0);

  /** Below this log value the prefactor {@code e^-x x^a / Gamma(a)} underflows to 0. */
  private static final double LOG_UNDERFLOW = -745;

  /** Keeps Lentz's denominators away from zero. */
  private static final double TINY = 1e-300;

  // Lanczos approximation, g = 7, n = 9 (relative error below 1e-15 for positive arguments).
  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double HALF_LOG_TWO_PI = 0.91893853320467274178;

  private ChiSquare() {}

  /** {@code P(X > statistic)} for X chi-square with {@code degreesOfFreedom}; NaN for NaN input. */
  static double upperTail(double statistic, int degreesOfFreedom) {
    if (degreesOfFreedom < 1) {
      throw new IllegalArgumentException(
          "degrees of freedom must be >= 1, got " + degreesOfFreedom);
    }
    if (Double.isNaN(statistic)) {
      return Double.NaN;
    }
    if (statistic <= 0) {
      return 1.0;
    }
    if (Double.isInfinite(statistic)) {
      return 0.0;
    }
    return regularizedUpperGamma(degreesOfFreedom / 2.0, statistic / 2.0);
  }

  /** Q(a, x) = Gamma(a, x) / Gamma(a) for a &gt; 0, x &gt; 0. */
  static double regularizedUpperGamma(double a, double x) {
    double logPrefactor = -x + a * Math.log(x) - logGamma(a);
    if (x < a + 1) {
      return 1.0 - lowerSeries(a, x, logPrefactor);
    }
    if (logPrefactor < LOG_UNDERFLOW) {
      return 0.0;
    }
    return upperContinuedFraction(a, x, logPrefactor);
  }

  /**
   * P(a, x) by {@code e^-x x^a / Gamma(a+1) * sum_n x^n / ((a+1)...(a+n))}; converges fast for x
   * &lt; a + 1.
   */
  private static double lowerSeries(double a, double x, double logPrefactor) {
    double denominator = a;
    double term = 1.0 / a;
    double sum = term;
    for (int n = 0; n < MAX_ITERATIONS; n++) {
      denominator += 1;
      term *= x / denominator;
      sum += term;
      if (Math.abs(term) <= Math.abs(sum) * EPSILON) {
        return sum * Math.exp(logPrefactor);
      }
    }
    throw new ArithmeticException(
        "incomplete gamma series did not converge for a=" + a + ", x=" + x);
  }

  /** Q(a, x) by the continued fraction {@code 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a- ...)))}. */
  private static double upperContinuedFraction(double a, double x, double logPrefactor) {
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = b + an / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) <= EPSILON) {
        return Math.exp(logPrefactor) * h;
      }
    }
    throw new ArithmeticException(
        "incomplete gamma continued fraction did not converge for a=" + a + ", x=" + x);
  }

  /** log Gamma(z) for z &gt; 0 (Lanczos). */
  static double logGamma(double z) {
    if (z < 0.5) {
      // Reflection keeps the approximation in its accurate range.
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - logGamma(1 - z);
    }
    double zm1 = z - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (zm1 + i);
    }
    double t = zm1 + 7.5;
    return HALF_LOG_TWO_PI + (zm1 + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
