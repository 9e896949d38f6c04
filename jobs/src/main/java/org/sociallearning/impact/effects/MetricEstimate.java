package org.sociallearning.impact.effects;

import java.util.List;
import java.util.Objects;
import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * The published result for one metric and segment: the overall effect on the modelled scale, its
 * relative form, the people behind it, and the event-study effects. Numbers are NaN when the
 * estimate is suppressed (too few people) or could not be formed.
 *
 * <p>The headline ({@code estimate}, its interval, p-value and relative form) is the {@code
 * aggregation} named, {@code group} (R {@code aggte}'s default: each joining month's average effect
 * since joining, weighted by the month's size). The {@code simple} aggregate (every post-joining
 * month of every cohort weighted by cohort size, so early cohorts with many months count more) is
 * kept beside it for comparison.
 *
 * @param pValue two-sided p-value of the estimate (normal, from its bootstrap standard error)
 * @param pValueAdjusted Benjamini-Hochberg adjusted across every published estimate of the run
 * @param preTrendPValue the pre-trend verdict: the joint test that participants' and the comparison
 *     group's results moved in parallel before joining and the test of their average pre-joining
 *     level against the base month, combined by Bonferroni (NaN when neither ran)
 * @param preTrendTests placebo effects in the joint test plus 1 for the level test
 * @param preTrendMethod what ran: {@code group_time} (every ATT(g,t)) or {@code event_time} (their
 *     averages by month relative to joining, when joining months are too small for the first), each
 *     with {@code +level} when the level test ran, {@code level} alone, or empty
 * @param warnings short notes shown next to the number in the report
 * @param estimatorNotes every note of the estimator, for the manifest
 * @param relativeCiLow relative form of {@code ciLow}; for level-scale metrics each end of the
 *     interval is mapped on its own (see {@code MetricEstimation.relativeToCounterfactual})
 * @param relativeCiHigh relative form of {@code ciHigh}; {@code +Infinity} (unbounded above) for a
 *     level-scale metric whose upper end reaches the participants' observed mean
 * @param calendar participants vs comparison by calendar month (overall segment only)
 * @param aggregation which aggregate of the group-time effects the headline is: {@code group}
 * @param simpleEstimate the {@code simple} aggregate on the modelled scale (NaN when suppressed)
 * @param simpleCiLow lower end of its interval
 * @param simpleCiHigh upper end of its interval
 * @param basis standard error, participant-months and dip check behind the grade and power
 * @param sensitivity robustness of the headline to parallel-trends violations (relative magnitudes)
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
    List<CalendarComparison.Month> calendar,
    String aggregation,
    double simpleEstimate,
    double simpleCiLow,
    double simpleCiHigh,
    MeanEffect meanEffect,
    EstimateBasis basis,
    ParallelTrendsSensitivity sensitivity) {

  /**
   * The effect on the mean per item in the metric's own unit (hours, days), with its 95% interval:
   * a difference-in-differences of employee-month means weighted by their items. For log-scale
   * metrics, beside the effect on the typical item; NaN when not estimated.
   */
  public record MeanEffect(double estimate, double ciLow, double ciHigh) {
    public static final MeanEffect NONE = new MeanEffect(Double.NaN, Double.NaN, Double.NaN);

    public boolean isKnown() {
      return Double.isFinite(estimate) && Double.isFinite(ciLow) && Double.isFinite(ciHigh);
    }
  }

  /** Without an effect on the mean. */
  public MetricEstimate(
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
      List<CalendarComparison.Month> calendar,
      String aggregation,
      double simpleEstimate,
      double simpleCiLow,
      double simpleCiHigh) {
    this(
        metric,
        segment,
        estimate,
        ciLow,
        ciHigh,
        relativeEffect,
        relativeCiLow,
        relativeCiHigh,
        nTreated,
        nComparison,
        method,
        pValue,
        pValueAdjusted,
        preTrendPValue,
        preTrendTests,
        preTrendMethod,
        warnings,
        eventStudy,
        suppressed,
        estimatorNotes,
        calendar,
        aggregation,
        simpleEstimate,
        simpleCiLow,
        simpleCiHigh,
        MeanEffect.NONE,
        EstimateBasis.NONE,
        ParallelTrendsSensitivity.NONE);
  }

  /**
   * A {@code group} estimate without the calendar comparison and without the simple aggregate
   * (NaN), for callers that only need the headline.
   */
  public MetricEstimate(
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
      List<String> estimatorNotes) {
    this(
        metric,
        segment,
        estimate,
        ciLow,
        ciHigh,
        relativeEffect,
        relativeCiLow,
        relativeCiHigh,
        nTreated,
        nComparison,
        method,
        pValue,
        pValueAdjusted,
        preTrendPValue,
        preTrendTests,
        preTrendMethod,
        warnings,
        eventStudy,
        suppressed,
        estimatorNotes,
        List.of(),
        AggregateEffect.GROUP,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  /** The same estimate with its p-value adjusted for the other estimates of the run. */
  public MetricEstimate withAdjustedPValue(double adjusted) {
    return with(adjusted, meanEffect, warnings);
  }

  /** The same estimate with its effect on the mean per item. */
  public MetricEstimate withMeanEffect(MeanEffect mean) {
    return with(pValueAdjusted, mean, warnings);
  }

  /** The same estimate with one more warning to show next to it. */
  public MetricEstimate withWarning(String warning) {
    List<String> more = new java.util.ArrayList<>(warnings);
    more.add(warning);
    return with(pValueAdjusted, meanEffect, more);
  }

  private MetricEstimate with(double adjusted, MeanEffect mean, List<String> notes) {
    return new MetricEstimate(
        metric,
        segment,
        estimate,
        ciLow,
        ciHigh,
        relativeEffect,
        relativeCiLow,
        relativeCiHigh,
        nTreated,
        nComparison,
        method,
        pValue,
        adjusted,
        preTrendPValue,
        preTrendTests,
        preTrendMethod,
        notes,
        eventStudy,
        suppressed,
        estimatorNotes,
        calendar,
        aggregation,
        simpleEstimate,
        simpleCiLow,
        simpleCiHigh,
        mean,
        basis,
        sensitivity);
  }

  public MetricEstimate {
    warnings = List.copyOf(warnings);
    eventStudy = List.copyOf(eventStudy);
    estimatorNotes = List.copyOf(estimatorNotes);
    calendar = List.copyOf(calendar);
    Objects.requireNonNull(aggregation, "aggregation");
    meanEffect = meanEffect == null ? MeanEffect.NONE : meanEffect;
    basis = basis == null ? EstimateBasis.NONE : basis;
    sensitivity = sensitivity == null ? ParallelTrendsSensitivity.NONE : sensitivity;
  }
}
