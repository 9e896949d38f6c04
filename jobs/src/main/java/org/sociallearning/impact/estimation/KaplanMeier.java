package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Kaplan-Meier estimate of a survival curve from right-censored durations, with the median and its
 * 95% confidence interval. Pure Java: the knowledge-flow steps call it once per group of already
 * aggregated durations (time to first answer, with unanswered threads censored).
 *
 * <p>Conventions, chosen to match R's {@code survival::survfit} defaults:
 *
 * <ul>
 *   <li>Ties: at a time with both events and censorings, the events come first (a unit censored at
 *       t is still at risk at t).
 *   <li>Median: the smallest t with S(t) &lt;= 0.5; NaN when the curve never gets there. (R takes
 *       the midpoint to the next event time when S is exactly 0.5 on an interval; we do not.)
 *   <li>Pointwise interval of S(t): Greenwood variance on the log scale (R's {@code conf.type =
 *       "log"}): S(t) exp(+-z se), se^2 = sum d / (n (n - d)), upper band capped at 1.
 *   <li>Median interval (Brookmeyer and Crowley 1982, by inverting the pointwise bands): the times
 *       t whose band contains 0.5, i.e. from the first time the lower band reaches 0.5 to the first
 *       time the upper band does; either end is NaN when its band never reaches 0.5.
 * </ul>
 */
public final class KaplanMeier {

  /** Two-sided 95% normal quantile. */
  public static final double Z_95 = 1.959963984540054;

  /** Survival products that should be exactly 0.5 can land a few ulps above it. */
  private static final double EPS = 1e-12;

  /**
   * One distinct time on the curve.
   *
   * @param survival S(t) just after this time
   * @param stdError Greenwood standard error of S(t)
   * @param lower lower 95% band of S(t)
   * @param upper upper 95% band of S(t)
   */
  public record Step(
      double time,
      int atRisk,
      int events,
      int censored,
      double survival,
      double stdError,
      double lower,
      double upper) {}

  /** Median with its 95% interval; any part is NaN when the curve never reaches 0.5 there. */
  public record Median(double estimate, double ciLow, double ciHigh) {
    public boolean reached() {
      return !Double.isNaN(estimate);
    }
  }

  private final List<Step> steps;
  private final int size;

  private KaplanMeier(List<Step> steps, int size) {
    this.steps = List.copyOf(steps);
    this.size = size;
  }

  /**
   * Fits the curve.
   *
   * @param durations non-negative, finite times to the event or to censoring
   * @param events true when the event was observed, false when right-censored
   */
  public static KaplanMeier fit(double[] durations, boolean[] events) {
    int[] ones = new int[durations.length];
    Arrays.fill(ones, 1);
    return fit(durations, events, ones);
  }

  /**
   * Fits the curve on counted durations: {@code counts[i]} items share duration {@code
   * durations[i]} and status {@code events[i]} (what a Spark aggregation by duration and status
   * returns, so that millions of items need not reach the driver one by one).
   */
  public static KaplanMeier fit(double[] durations, boolean[] events, int[] counts) {
    if (durations.length != events.length || durations.length != counts.length) {
      throw new IllegalArgumentException(
          "durations has "
              + durations.length
              + " values but events has "
              + events.length
              + " and counts "
              + counts.length);
    }
    int rows = durations.length;
    Integer[] order = new Integer[rows];
    int n = 0;
    for (int i = 0; i < rows; i++) {
      if (!Double.isFinite(durations[i]) || durations[i] < 0) {
        throw new IllegalArgumentException(
            "duration " + i + " is " + durations[i] + "; expected a finite value >= 0");
      }
      if (counts[i] < 0) {
        throw new IllegalArgumentException("count " + i + " is " + counts[i] + "; expected >= 0");
      }
      n = Math.addExact(n, counts[i]);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(durations[a], durations[b]));
    List<Step> steps = new ArrayList<>();
    double survival = 1.0;
    double greenwood = 0.0;
    int atRisk = n;
    int i = 0;
    while (i < rows) {
      double t = durations[order[i]];
      int d = 0;
      int c = 0;
      for (; i < rows && durations[order[i]] == t; i++) {
        if (events[order[i]]) {
          d += counts[order[i]];
        } else {
          c += counts[order[i]];
        }
      }
      if (d + c == 0) {
        continue;
      }
      if (d > 0) {
        survival *= 1.0 - (double) d / atRisk;
        greenwood =
            d == atRisk
                ? Double.POSITIVE_INFINITY
                : greenwood + (double) d / ((double) atRisk * (atRisk - d));
      }
      steps.add(step(t, atRisk, d, c, survival, greenwood));
      atRisk -= d + c;
    }
    return new KaplanMeier(steps, n);
  }

  private static Step step(double t, int atRisk, int d, int c, double s, double greenwood) {
    if (s <= 0.0) {
      return new Step(t, atRisk, d, c, 0.0, 0.0, 0.0, 0.0);
    }
    double logSe = Math.sqrt(greenwood);
    double halfWidth = Z_95 * logSe;
    return new Step(
        t,
        atRisk,
        d,
        c,
        s,
        s * logSe,
        s * Math.exp(-halfWidth),
        Math.min(1.0, s * Math.exp(halfWidth)));
  }

  /** One step per distinct time (event or censoring), in time order. */
  public List<Step> curve() {
    return steps;
  }

  public int size() {
    return size;
  }

  /** S(t): the survival just after the last distinct time at or before t (1 before any). */
  public double survivalAt(double t) {
    double s = 1.0;
    for (Step step : steps) {
      if (step.time() > t) {
        break;
      }
      s = step.survival();
    }
    return s;
  }

  /** The median time and its Brookmeyer-Crowley 95% interval (see the class comment). */
  public Median median() {
    return new Median(
        firstTimeAtOrBelowHalf(Step::survival),
        firstTimeAtOrBelowHalf(Step::lower),
        firstTimeAtOrBelowHalf(Step::upper));
  }

  private double firstTimeAtOrBelowHalf(ToDoubleFunction<Step> band) {
    for (Step step : steps) {
      if (step.events() > 0 && band.applyAsDouble(step) <= 0.5 + EPS) {
        return step.time();
      }
    }
    return Double.NaN;
  }
}
