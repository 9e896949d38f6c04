package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;

/**
 * Sensitivity of an event-study target to violations of parallel trends, with relative magnitudes
 * (Rambachan and Roth 2023, R HonestDiD's {@code createSensitivityResults_relativeMagnitudes}):
 * assume only that after joining the trend gap between participants and comparison changes from one
 * month to the next by at most {@code Mbar} times the largest such change in the months before
 * joining ({@code Delta^RM(Mbar)}). {@code Mbar = 0} is parallel trends after joining; {@code Mbar
 * = 1} allows post-joining violations as large as the worst pre-joining one.
 *
 * <p>The robust interval at one {@code Mbar} inverts the conditional-least-favorable hybrid test
 * ({@link ConditionalHybridTest}, R's default method {@code "C-LF"}) over the union of the
 * restriction's pieces ({@link RelativeMagnitudeCase}): a value of the target is in the interval
 * when some piece's test keeps it, and the interval reported is from the smallest to the largest
 * value kept. Where R tests a fixed grid of 1000 values over +-20 standard errors around 0, the
 * values here are scanned inward from both sides on a grid of 0.1 standard errors around the
 * identified set (in strides of 0.5 before the grid) and the first value kept on each side is
 * refined by bisection; so the ends are found more finely than R's grid, and far from 0 too.
 *
 * <p>The breakdown value is the largest {@code Mbar} at which 0 is still rejected, i.e. the
 * conclusion "the effect is not zero" survives violations up to {@code Mbar} times the worst
 * pre-joining one: 0 when 0 is kept already under parallel trends after joining, capped at {@link
 * #BREAKDOWN_CAP}, and found by bisection to {@link #BREAKDOWN_RESOLUTION} between 0 and the cap.
 * It tests 0 itself, where R's users read the breakdown off the intervals on an {@code Mbar} grid;
 * the two differ only where the kept values are not an interval.
 */
public final class RelativeMagnitudes {

  /** Breakdown values at or above this are reported as this (read "at least 10"). */
  public static final double BREAKDOWN_CAP = 10;

  /** Precision of the breakdown value. */
  public static final double BREAKDOWN_RESOLUTION = 0.01;

  /** Scan step, in standard errors of the target, of the robust interval's search. */
  private static final double STEP = 0.1;

  /**
   * The stride of the search before the fine grid: 5 grid steps. A value kept only between two
   * rejected strides, an island narrower than half a standard error outside the interval, would be
   * missed; the test's kept values are intervals in practice, and walking the whole margin of 20
   * standard errors on the fine grid was most of a sensitivity analysis's tests.
   */
  private static final double COARSE_STEP = 5 * STEP;

  /** The scan starts this many standard errors outside the identified set, as R's grid width. */
  private static final double MARGIN = 20;

  private RelativeMagnitudes() {}

  /**
   * The robust {@code 1 - alpha} interval for the target at {@code mbar}; {@code [NaN, NaN]} when
   * the event study cannot be analysed or no value is kept, an infinite end when values are kept as
   * far as the search goes (1000 standard errors beyond the identified set).
   */
  public static double[] interval(EventStudyVector es, double mbar, double alpha, long seed) {
    if (!es.isAvailable()) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double scale = es.targetStandardError();
    if (!(scale > 0)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    List<RelativeMagnitudeCase> cases = cases(standardized(es, scale), mbar, alpha, seed);
    double[] identified = identifiedSet(es, mbar);
    double[] range = {identified[0] / scale - MARGIN, identified[1] / scale + MARGIN};
    double low = scanEnd(cases, range[0], range[1], true);
    if (Double.isNaN(low)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double high = scanEnd(cases, range[1], low, false);
    return new double[] {low * scale, high * scale};
  }

  /**
   * The breakdown value: the largest {@code Mbar} (to {@link #BREAKDOWN_RESOLUTION}, at most {@link
   * #BREAKDOWN_CAP}) at which the robust {@code 1 - alpha} interval excludes 0; NaN when the event
   * study cannot be analysed.
   */
  public static double breakdown(EventStudyVector es, double alpha, long seed) {
    double scale = es.targetStandardError();
    if (!es.isAvailable() || !(scale > 0)) {
      return Double.NaN;
    }
    EventStudyVector standard = standardized(es, scale);
    if (keeps(cases(standard, 0, alpha, seed), 0)) {
      return 0;
    }
    if (!keeps(cases(standard, BREAKDOWN_CAP, alpha, seed), 0)) {
      return BREAKDOWN_CAP;
    }
    double rejected = 0;
    double kept = BREAKDOWN_CAP;
    while (kept - rejected > BREAKDOWN_RESOLUTION) {
      double mid = 0.5 * (rejected + kept);
      if (keeps(cases(standard, mid, alpha, seed), 0)) {
        kept = mid;
      } else {
        rejected = mid;
      }
    }
    return rejected;
  }

  /** Whether the robust {@code 1 - alpha} set at {@code mbar} keeps the value {@code theta}. */
  static boolean keeps(EventStudyVector es, double mbar, double theta, double alpha, long seed) {
    double scale = es.targetStandardError();
    return keeps(cases(standardized(es, scale), mbar, alpha, seed), theta / scale);
  }

  /**
   * The identified set of the target at the estimates: the target's estimate plus or minus {@code
   * Mbar} times the largest pre-reference change times {@code sum_t |l_t| t} (the worst case lets
   * the gap drift by that much every month after the reference).
   */
  static double[] identifiedSet(EventStudyVector es, double mbar) {
    double largest = 0;
    double[] b = es.estimates();
    for (int j = 0; j < es.preCount(); j++) {
      double next = j + 1 < es.preCount() ? b[j + 1] : 0.0;
      largest = Math.max(largest, Math.abs(next - b[j]));
    }
    double drift = 0;
    for (int t = 0; t < es.postCount(); t++) {
      drift += Math.abs(es.target()[t]) * (t + 1);
    }
    double center = es.targetEstimate();
    return new double[] {center - mbar * largest * drift, center + mbar * largest * drift};
  }

  /**
   * The first value some piece keeps, scanning from {@code from} towards {@code to}, refined by
   * bisection against the last value rejected; NaN when none is kept. When the very first value is
   * kept the scan restarts further out (the interval reaches beyond it), up to 1000 standard
   * errors.
   */
  private static double scanEnd(
      List<RelativeMagnitudeCase> cases, double from, double to, boolean upward) {
    double direction = upward ? 1 : -1;
    double start = from;
    for (double reach = MARGIN; keeps(cases, start); reach *= 2) {
      if (reach > 1000) {
        return direction * Double.NEGATIVE_INFINITY;
      }
      start -= direction * reach;
    }
    // Far from the identified set nothing is kept: stride there in coarse steps, then walk the
    // fine grid from the last value the coarse stride rejected.
    double rejected = start;
    for (double theta = start + direction * COARSE_STEP;
        direction * (to - theta) >= -1e-12 && !keeps(cases, theta);
        theta += direction * COARSE_STEP) {
      rejected = theta;
    }
    for (double theta = rejected; direction * (to - theta) >= -1e-12; theta += direction * STEP) {
      if (keeps(cases, theta)) {
        double kept = theta;
        while (Math.abs(kept - rejected) > 1e-4) {
          double mid = 0.5 * (kept + rejected);
          if (keeps(cases, mid)) {
            kept = mid;
          } else {
            rejected = mid;
          }
        }
        return kept;
      }
      rejected = theta;
    }
    return keeps(cases, to) ? to : Double.NaN;
  }

  private static boolean keeps(List<RelativeMagnitudeCase> cases, double theta) {
    for (RelativeMagnitudeCase c : cases) {
      if (c.accepts(theta)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every piece: each pre-reference change as the largest, with either sign; those the estimates
   * make likeliest (largest signed change) first, as a value is kept as soon as one piece keeps it.
   * Each piece's simulation gets its own seed, the same at every {@code Mbar}, so results move
   * smoothly with it.
   */
  private static List<RelativeMagnitudeCase> cases(
      EventStudyVector es, double mbar, double alpha, long seed) {
    double[] b = es.estimates();
    List<double[]> order = new ArrayList<>();
    for (int s = 0; s < es.preCount(); s++) {
      double change = (s + 1 < es.preCount() ? b[s + 1] : 0.0) - b[s];
      order.add(new double[] {change, s, 1});
      order.add(new double[] {-change, s, 0});
    }
    order.sort((x, y) -> Double.compare(y[0], x[0]));
    List<RelativeMagnitudeCase> out = new ArrayList<>();
    for (double[] o : order) {
      int s = (int) o[1];
      boolean positive = o[2] == 1;
      long caseSeed = seed + 2L * s + (positive ? 0 : 1);
      out.add(new RelativeMagnitudeCase(es, mbar, s, positive, alpha, caseSeed));
    }
    return out;
  }

  /** The event study divided by {@code scale}, so that the target's standard error is 1. */
  private static EventStudyVector standardized(EventStudyVector es, double scale) {
    int n = es.estimates().length;
    double[] b = new double[n];
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      b[i] = es.estimates()[i] / scale;
      for (int j = 0; j < n; j++) {
        v[i][j] = es.covariance()[i][j] / (scale * scale);
      }
    }
    return new EventStudyVector(es.eventTimes(), b, v, es.preCount(), es.target());
  }
}
