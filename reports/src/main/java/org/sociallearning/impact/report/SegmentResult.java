package org.sociallearning.impact.report;

/**
 * One segment's estimate of a metric (department, community or intensity tier) for the forest plot;
 * {@code result} carries the numbers on the metric's scale and whether it is suppressed.
 *
 * @param dimension what the segments split by: department, community, intensity, blended
 * @param value the segment's value within the dimension, e.g. "Support"
 */
public record SegmentResult(String dimension, String value, MetricResult result) {

  /** Parses a published segment key ({@code department=Support}) into dimension and value. */
  public static SegmentResult of(String segment, MetricResult result) {
    int eq = segment.indexOf('=');
    return eq < 0
        ? new SegmentResult(segment, "", result)
        : new SegmentResult(segment.substring(0, eq), segment.substring(eq + 1), result);
  }
}
