package org.sociallearning.impact.report;

/**
 * One point of an event study, on the same scale as its {@link MetricResult}; used by the publish
 * step (results -> report) to draw the chart and the table under it.
 *
 * @param eventTime months relative to joining a community; negative means before joining
 */
public record EventTimePoint(int eventTime, double estimate, double ciLow, double ciHigh) {}
