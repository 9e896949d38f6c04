package org.sociallearning.impact.estimation;

/**
 * Quantiles of the standard normal truncated to {@code [low, high]}: the critical values of the
 * conditional test ({@link ConditionalHybridTest}), whose statistic is normal conditioned on the
 * event that picked it. The truncation can sit far in a tail (a statistic of 8 with the interval
 * starting at 7.5), where {@code Phi(low) + p (Phi(high) - Phi(low))} cancels to nothing; there the
 * quantile is found on the log upper-tail probability instead, whose continued fraction stays
 * accurate however far out.
 */
final class TruncatedNormal {

  private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private TruncatedNormal() {}

  /** z with {@code P(Z <= z | low <= Z <= high) = p}; either end may be infinite. */
  static double quantile(double p, double low, double high) {
    if (!(low < high)) {
      return low;
    }
    if (low >= 0) {
      return upperTailQuantile(p, low, high);
    }
    if (high <= 0) {
      return -upperTailQuantile(1 - p, -high, -low);
    }
    double a = StandardNormal.cdf(low);
    double b = StandardNormal.cdf(high);
    return Math.max(low, Math.min(high, StandardNormal.quantile(a + p * (b - a))));
  }

  /** For {@code 0 <= low < high}: bisection on the ratio of upper-tail probabilities. */
  private static double upperTailQuantile(double p, double low, double high) {
    double logLow = logUpperTail(low);
    double massRatio = Double.isInfinite(high) ? 0.0 : Math.exp(logUpperTail(high) - logLow);
    // Find z with Q(z) / Q(low) = 1 - p (1 - Q(high) / Q(low)).
    double target = Math.log1p(-p * (1 - massRatio));
    double lo = low;
    double hi = Double.isInfinite(high) ? low + 40 : high;
    for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
      double mid = 0.5 * (lo + hi);
      if (logUpperTail(mid) - logLow > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /** {@code log P(Z > x)}: from the cdf near the centre, a continued fraction in the tail. */
  static double logUpperTail(double x) {
    if (x < 3) {
      return Math.log(1 - StandardNormal.cdf(x));
    }
    // Q(x) = phi(x) / (x + 1/(x + 2/(x + 3/(x + ...)))), evaluated from the inside out.
    double fraction = x;
    for (int k = 60; k >= 1; k--) {
      fraction = x + k / fraction;
    }
    return -0.5 * x * x - LOG_SQRT_TWO_PI - Math.log(fraction);
  }
}
