package org.sociallearning.impact.value;

import org.sociallearning.impact.effects.MetricEstimate;

/**
 * A value figure with its 95% interval and whether that interval is exact or conservative. Every
 * figure is a fixed factor times one uncertain effect, so mapping the effect's interval gives the
 * figure's interval with the same coverage.
 */
record Figure(double estimate, double low, double high, boolean conservative) {

  static Figure exact(double estimate, double a, double b) {
    return new Figure(estimate, Math.min(a, b), Math.max(a, b), false);
  }

  /** Amount saved per item: minus the effect on the mean, its interval with the ends swapped. */
  static Figure saved(MetricEstimate.MeanEffect effect) {
    return exact(-effect.estimate(), -effect.ciHigh(), -effect.ciLow());
  }

  /** The figure times a fixed factor; a negative factor swaps the ends. */
  Figure times(double factor) {
    return new Figure(
        estimate * factor,
        Math.min(low * factor, high * factor),
        Math.max(low * factor, high * factor),
        conservative);
  }

  ValueRow row(String item, String unit, String method) {
    return new ValueRow(item, estimate, low, high, unit, method);
  }
}
