package org.sociallearning.impact.estimation;

import java.util.Objects;

/**
 * The event study as the sensitivity analysis to parallel-trends violations reads it ({@link
 * RelativeMagnitudes}; R HonestDiD's {@code betahat}, {@code sigma}, {@code numPrePeriods} and
 * {@code l_vec}): the event-study points against one reference month (the universal base: the month
 * before joining, or before anticipation), that month itself left out, their covariance, and the
 * weights that make the headline out of the points after it.
 *
 * @param eventTimes months relative to joining of the points, increasing and without gaps apart
 *     from the reference month, which lies between the pre- and the post-reference points
 * @param estimates the points, in the same order
 * @param covariance their covariance (from the bootstrap draws or the influence functions)
 * @param preCount how many points come before the reference month; the rest come after it
 * @param target one weight per point after the reference month: the parameter of interest is {@code
 *     sum target[j] * tau_post[j]}, e.g. the average of the post-joining effects
 */
public record EventStudyVector(
    int[] eventTimes, double[] estimates, double[][] covariance, int preCount, double[] target) {

  /** No event study to read (varying base period, or too few points). */
  public static final EventStudyVector NONE =
      new EventStudyVector(new int[0], new double[0], new double[0][0], 0, new double[0]);

  public EventStudyVector {
    Objects.requireNonNull(eventTimes, "eventTimes");
    Objects.requireNonNull(estimates, "estimates");
    Objects.requireNonNull(covariance, "covariance");
    Objects.requireNonNull(target, "target");
    if (estimates.length != eventTimes.length
        || covariance.length != estimates.length
        || preCount + target.length != estimates.length) {
      throw new IllegalArgumentException(
          "event study of "
              + estimates.length
              + " points with "
              + eventTimes.length
              + " event times, a "
              + covariance.length
              + "-row covariance, "
              + preCount
              + " pre-reference points and "
              + target.length
              + " target weights: the sizes must agree");
    }
  }

  /** Points after the reference month. */
  public int postCount() {
    return target.length;
  }

  /**
   * Enough to analyse: at least one point on each side of the reference month, finite numbers and a
   * target with some weight.
   */
  public boolean isAvailable() {
    if (preCount < 1 || postCount() < 1) {
      return false;
    }
    for (int i = 0; i < estimates.length; i++) {
      if (!Double.isFinite(estimates[i]) || !(covariance[i][i] > 0)) {
        return false;
      }
    }
    for (double w : target) {
      if (w != 0) {
        return true;
      }
    }
    return false;
  }

  /** The target's estimate, {@code target' estimates_post}. */
  public double targetEstimate() {
    double sum = 0;
    for (int j = 0; j < target.length; j++) {
      sum += target[j] * estimates[preCount + j];
    }
    return sum;
  }

  /** The target's standard error under the covariance. */
  public double targetStandardError() {
    double v = 0;
    for (int i = 0; i < target.length; i++) {
      for (int j = 0; j < target.length; j++) {
        v += target[i] * target[j] * covariance[preCount + i][preCount + j];
      }
    }
    return Math.sqrt(v);
  }
}
