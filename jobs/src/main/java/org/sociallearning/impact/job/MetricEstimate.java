package org.sociallearning.impact.job;

import java.util.List;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * The published result for one metric and segment: the overall effect on the modelled scale,
 * its relative form, the people behind it, and the event-study effects. Numbers are NaN when
 * the estimate is suppressed (too few people) or could not be formed.
 *
 * @param warnings short notes shown next to the number in the report
 * @param estimatorNotes every note of the estimator, for the manifest
 */
public record MetricEstimate(
    MetricDefinition metric,
    String segment,
    double estimate,
    double ciLow,
    double ciHigh,
    double relativeEffect,
    double relativeCiLow,
    double relativeCiHigh,
    long nTreated,
    long nComparison,
    String method,
    List<String> warnings,
    List<EventTimeEffect> eventStudy,
    boolean suppressed,
    List<String> estimatorNotes) {

  public MetricEstimate {
    warnings = List.copyOf(warnings);
    eventStudy = List.copyOf(eventStudy);
    estimatorNotes = List.copyOf(estimatorNotes);
  }
}
