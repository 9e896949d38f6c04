package org.sociallearning.impact.report;

/**
 * One row of the published {@code estimate_notes} table: a caveat on an estimate, in plain words
 * for readers and in technical words for analysts.
 *
 * @param metric the metric it concerns, {@code *} for every metric
 * @param segment {@code all} for the overall estimate, else the segment
 * @param code stable note code (see the README's note codes)
 * @param severity {@code info}, {@code warning} or {@code error}
 */
public record EstimateNote(
    String metric,
    String segment,
    String code,
    String severity,
    String plainText,
    String technicalText) {

  /** Notes on every metric carry this metric name. */
  public static final String EVERY_METRIC = "*";
}
