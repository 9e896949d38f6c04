package org.sociallearning.impact.report;

/**
 * One point of an event study, on the same scale as its {@link MetricResult}; used by the publish
 * step (results -> report) to draw the chart and the table under it.
 *
 * @param eventTime months relative to joining a community; negative means before joining
 * @param ciLow lower end of the pointwise 95% interval (this month on its own)
 * @param bandLow lower end of the simultaneous 95% band (covers the whole event study at once); NaN
 *     when not published
 */
public record EventTimePoint(
    int eventTime, double estimate, double ciLow, double ciHigh, double bandLow, double bandHigh) {

  /** A point without a simultaneous band. */
  public EventTimePoint(int eventTime, double estimate, double ciLow, double ciHigh) {
    this(eventTime, estimate, ciLow, ciHigh, Double.NaN, Double.NaN);
  }

  /** The band where published, else the pointwise interval. */
  double shadedLow() {
    return Double.isFinite(bandLow) ? bandLow : ciLow;
  }

  double shadedHigh() {
    return Double.isFinite(bandHigh) ? bandHigh : ciHigh;
  }
}
