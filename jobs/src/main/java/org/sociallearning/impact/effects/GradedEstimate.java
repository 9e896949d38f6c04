package org.sociallearning.impact.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Estimation step: an estimate as published, with its evidence grade and its power. Built after the
 * p-values are adjusted across the run, since the grade reads the adjusted one.
 *
 * @param estimate the headline estimate (the robust variant when {@code robustHeadline})
 * @param grade its evidence grade; null when it has none: suppressed or not estimated, or a volume
 *     diagnostic (no claim of an effect, so not among the adjusted tests)
 * @param robustHeadline whether the robust variant replaced the main estimate
 * @param breakdownKnown whether the grade had a breakdown value to read
 * @param power the minimum detectable effect and the participant-months to detect the configured
 *     effect; {@link DetectableEffect#NONE} without a grade
 */
public record GradedEstimate(
    MetricEstimate estimate,
    EvidenceGrade grade,
    boolean robustHeadline,
    boolean breakdownKnown,
    DetectableEffect power) {

  /**
   * Every estimate of the run graded on its own breakdown value, without robust variants.
   *
   * @param targetRelative the relative effect power is computed for, e.g. -0.10
   */
  public static List<GradedEstimate> of(List<MetricEstimate> estimates, double targetRelative) {
    return of(estimates, Map.of(), targetRelative);
  }

  /**
   * Every estimate of the run graded, each overall estimate with its metric's robust analysis when
   * one ran, each with its breakdown value.
   *
   * @param robustByMetric per metric name, the robust analysis of its overall estimate, its p-value
   *     adjusted in the same family as the estimates
   * @param targetRelative the relative effect power is computed for, e.g. -0.10
   */
  public static List<GradedEstimate> of(
      List<MetricEstimate> estimates,
      Map<String, MetricEstimate> robustByMetric,
      double targetRelative) {
    List<GradedEstimate> out = new ArrayList<>();
    for (MetricEstimate e : estimates) {
      MetricEstimate robust =
          "all".equals(e.segment()) ? robustByMetric.get(e.metric().name()) : null;
      out.add(of(e, breakdown(e), robust, breakdown(robust), targetRelative));
    }
    return out;
  }

  /** The estimate's breakdown value (see {@link ParallelTrendsSensitivity}), null when unknown. */
  static Double breakdown(MetricEstimate e) {
    if (e == null || e.sensitivity() == null) {
      return null;
    }
    double b = e.sensitivity().breakdownMbar();
    return Double.isNaN(b) ? null : b;
  }

  /**
   * One estimate graded, with the robust variant as the headline when it removes the main
   * estimate's problem (see {@link HeadlineChoice}).
   *
   * @param breakdown the main estimate's breakdown value, null when unknown
   * @param robust the robust variant with its p-value adjusted like the main one, null when not run
   * @param robustBreakdown the robust variant's breakdown value, null when unknown
   */
  public static GradedEstimate of(
      MetricEstimate main,
      Double breakdown,
      MetricEstimate robust,
      Double robustBreakdown,
      double targetRelative) {
    if (!gradable(main)) {
      return new GradedEstimate(main, null, false, false, DetectableEffect.NONE);
    }
    boolean robustUsable = robust != null && gradable(robust);
    HeadlineChoice choice =
        HeadlineChoice.choose(
            main,
            EvidenceInputs.of(main, breakdown),
            robustUsable ? robust : null,
            robustUsable ? EvidenceInputs.of(robust, robustBreakdown) : null);
    Double used = choice.robustHeadline() ? robustBreakdown : breakdown;
    MetricEstimate headline = choice.headline();
    return new GradedEstimate(
        headline,
        choice.grade(),
        choice.robustHeadline(),
        used != null && !used.isNaN(),
        DetectableEffect.of(headline.basis(), headline.metric().logScale(), targetRelative));
  }

  /**
   * The published headlines money may be computed from: all but the unreliable ones, so that no
   * hours, money or ROI rest on an estimate the report does not state as a finding.
   */
  public static List<MetricEstimate> valued(List<GradedEstimate> graded) {
    return graded.stream()
        .filter(g -> g.grade() != EvidenceGrade.UNRELIABLE)
        .map(GradedEstimate::estimate)
        .toList();
  }

  /** Whether an estimate claims an effect with an interval to grade. */
  static boolean gradable(MetricEstimate e) {
    return !e.suppressed()
        && !e.metric().isVolume()
        && Double.isFinite(e.estimate())
        && Double.isFinite(e.ciLow())
        && Double.isFinite(e.ciHigh());
  }

  /** The published grade, or null. */
  public String evidence() {
    return grade == null ? null : grade.label();
  }
}
