package org.sociallearning.impact.job;

import java.util.List;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * The published result for one metric and segment: the overall effect on the modelled scale,
 * its relative form, the people behind it, and the event-study effects. Numbers are NaN when
 * the estimate is suppressed (too few people) or could not be formed.
 *
 * @param pValue two-sided p-value of the estimate (normal, from its bootstrap standard error)
 * @param pValueAdjusted Benjamini-Hochberg adjusted across every published estimate of the run
 * @param preTrendPValue p-value of the joint test that participants' and the comparison group's
 *     results moved in parallel before joining (NaN when no placebo effect could be tested)
 * @param preTrendTests placebo effects in that test (its degrees of freedom)
 * @param preTrendMethod which placebo effects were tested: {@code group_time} (every ATT(g,t)),
 *     {@code event_time} (their averages by month relative to joining, when joining months are
 *     too small for the first), or empty when there was no test
 * @param warnings short notes shown next to the number in the report
 * @param estimatorNotes every note of the estimator, for the manifest
 * @param calendar participants vs comparison by calendar month (overall segment only)
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
    double pValue,
    double pValueAdjusted,
    double preTrendPValue,
    int preTrendTests,
    String preTrendMethod,
    List<String> warnings,
    List<EventTimeEffect> eventStudy,
    boolean suppressed,
    List<String> estimatorNotes,
    List<CalendarComparison.Month> calendar) {

  /** An estimate without the calendar comparison (segments, suppressed estimates). */
  public MetricEstimate(MetricDefinition metric, String segment, double estimate, double ciLow,
      double ciHigh, double relativeEffect, double relativeCiLow, double relativeCiHigh,
      long nTreated, long nComparison, String method, double pValue, double pValueAdjusted,
      double preTrendPValue, int preTrendTests, String preTrendMethod, List<String> warnings,
      List<EventTimeEffect> eventStudy, boolean suppressed, List<String> estimatorNotes) {
    this(metric, segment, estimate, ciLow, ciHigh, relativeEffect, relativeCiLow, relativeCiHigh,
        nTreated, nComparison, method, pValue, pValueAdjusted, preTrendPValue, preTrendTests,
        preTrendMethod, warnings, eventStudy, suppressed, estimatorNotes, List.of());
  }

  /** The same estimate with its p-value adjusted for the other estimates of the run. */
  public MetricEstimate withAdjustedPValue(double adjusted) {
    return new MetricEstimate(metric, segment, estimate, ciLow, ciHigh, relativeEffect,
        relativeCiLow, relativeCiHigh, nTreated, nComparison, method, pValue, adjusted,
        preTrendPValue, preTrendTests, preTrendMethod, warnings, eventStudy, suppressed,
        estimatorNotes, calendar);
  }

  public MetricEstimate {
    warnings = List.copyOf(warnings);
    eventStudy = List.copyOf(eventStudy);
    estimatorNotes = List.copyOf(estimatorNotes);
    calendar = List.copyOf(calendar);
  }
}
