package org.sociallearning.impact.effects;

import java.util.ArrayList;
import java.util.List;
import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.estimation.BasePeriod;
import org.sociallearning.impact.estimation.ControlGroup;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.estimation.StaggeredDid;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * Estimation step for one metric: runs the staggered difference-in-differences on its panel, turns
 * the {@code group} aggregate (each joining month weighted by its size, R's default) into the
 * published row (relative effect on the natural scale), keeps the {@code simple} aggregate beside
 * it, and suppresses results resting on fewer people than the configured minimum.
 *
 * <p>Why {@code group}: the simple aggregate weighs every post-joining month of every cohort, so
 * the first cohorts, followed longest, dominate it; the group aggregate gives every participant the
 * same say, which is the question "what did joining do for the people who joined".
 */
public final class MetricEstimation {

  static final int FEW_PARTICIPANTS = 30;

  /** The aggregation published as the headline. */
  static final String HEADLINE = AggregateEffect.GROUP;

  private MetricEstimation() {}

  public static MetricEstimate estimate(
      MetricDefinition metric, Panel panel, DidOptions options, int minGroupSize) {
    return estimate(metric, "all", panel, options, minGroupSize, null);
  }

  /**
   * The estimate for one segment ({@code all}, {@code department=...}, ...) of the metric. On a
   * weighted panel (employee-month means weighted by their items) standard errors are analytic: the
   * estimator's bootstrap does not take weights, so it is not asked for.
   */
  public static MetricEstimate estimate(
      MetricDefinition metric,
      String segment,
      Panel panel,
      DidOptions options,
      int minGroupSize,
      String[] strata) {
    return estimate(metric, segment, panel, options, minGroupSize, strata, true);
  }

  /**
   * The overall estimate without its sensitivity to violations of parallel trends (breakdown value
   * and robust interval) and without the calendar comparison: for numbers shown beside another
   * estimate of the same metric, which carries both. The sensitivity analysis is most of an
   * estimate's time.
   */
  public static MetricEstimate estimateWithoutSensitivity(
      MetricDefinition metric, Panel panel, DidOptions options, int minGroupSize, String[] strata) {
    return estimate(metric, "all", panel, options, minGroupSize, strata, false);
  }

  private static MetricEstimate estimate(
      MetricDefinition metric,
      String segment,
      Panel panel,
      DidOptions options,
      int minGroupSize,
      String[] strata,
      boolean withSensitivity) {
    DidOptions run = panel.isWeighted() ? options.withReplicates(0) : options;
    String method = method(metric, panel, options, strata);
    List<String> warnings = new ArrayList<>();
    DidResult result;
    try {
      result = StaggeredDid.estimate(panel, run, strata);
    } catch (IllegalArgumentException e) {
      warnings.add("not estimated: " + EstimatorNotes.withMonths(e.getMessage()));
      return empty(metric, segment, method, warnings, 0, 0, List.of());
    }
    warnings.addAll(EstimatorNotes.forReport(result.warnings()));
    int treated = result.treatedUnits();
    int comparison = result.controlUnits();
    if (treated < minGroupSize || comparison < minGroupSize) {
      warnings.add("suppressed: fewer than " + minGroupSize + " people in a group");
      return empty(
          metric,
          segment,
          method,
          warnings,
          treated,
          comparison,
          EstimatorNotes.forManifest(result.warnings()));
    }
    AggregateEffect headline = overall(result, HEADLINE);
    if (Double.isNaN(headline.att())) {
      warnings.add("not estimated: no post-joining period with enough people");
      return empty(
          metric,
          segment,
          method,
          warnings,
          treated,
          comparison,
          EstimatorNotes.forManifest(result.warnings()));
    }
    ParticipantCoverage.of(panel, treated, options.anticipation()).note().ifPresent(warnings::add);
    if (treated < FEW_PARTICIPANTS) {
      warnings.add("only " + treated + " participants: the interval may be too narrow");
    }
    ParticipantsPostJoining post = ParticipantsPostJoining.of(panel, result);
    double[] relative =
        metric.logScale()
            ? new double[] {
              Math.expm1(headline.att()),
              Math.expm1(headline.ciLow()),
              Math.expm1(headline.ciHigh())
            }
            : relativeToCounterfactual(headline, post.mean());
    List<EventTimeEffect> eventStudy = EventTimeEffect.published(result, minGroupSize);
    if (eventStudy.size() < result.byAggregation(AggregateEffect.DYNAMIC).size() - 1) {
      warnings.add(
          "months relative to joining with fewer than "
              + minGroupSize
              + " participants are left out of the event study");
    }
    DidResult.PreTrendTest preTrend = result.preTrend();
    AggregateEffect simple = overall(result, AggregateEffect.SIMPLE);
    return new MetricEstimate(
        metric,
        segment,
        headline.att(),
        headline.ciLow(),
        headline.ciHigh(),
        relative[0],
        relative[1],
        relative[2],
        treated,
        comparison,
        method,
        headline.pValue(),
        Double.NaN,
        preTrend.pValue(),
        preTrend.testedEffects(),
        preTrend.method(),
        warnings,
        eventStudy,
        false,
        EstimatorNotes.forManifest(result.warnings()),
        withSensitivity && "all".equals(segment)
            ? CalendarComparison.of(
                panel, result, minGroupSize, options.control() == ControlGroup.NOT_YET_TREATED)
            : List.of(),
        HEADLINE,
        simple.att(),
        simple.ciLow(),
        simple.ciHigh(),
        MetricEstimate.MeanEffect.NONE,
        new EstimateBasis(
            headline.se(),
            post.participantMonths(),
            metric.logScale() ? Double.NaN : post.mean() - headline.att(),
            result.dipWarning().isPresent()),
        withSensitivity
            ? ParallelTrendsSensitivity.of(
                result,
                headline,
                metric.logScale(),
                metric.logScale() ? Double.NaN : post.mean(),
                run)
            : ParallelTrendsSensitivity.NONE);
  }

  private static String method(
      MetricDefinition metric, Panel panel, DidOptions options, String[] strata) {
    return "Callaway-Sant'Anna staggered DiD, "
        + (options.control() == ControlGroup.NOT_YET_TREATED
            ? "not-yet-participants and never-participants"
            : "never-participants")
        + " as comparison, anticipation "
        + options.anticipation()
        + " month(s), "
        + (options.basePeriod() == BasePeriod.UNIVERSAL
            ? "universal base period (every month against the month before joining)"
            : "varying base period (each month before joining against the month before it)")
        + ", group aggregation (each joining month weighted by its size), "
        + (metric.logScale() ? "log scale" : "level scale")
        + (panel.isWeighted() ? ", employee-month means weighted by their items" : "")
        + (strata == null ? "" : ", compared within strata of the same roster attributes")
        + (options.covariates().isEmpty()
            ? ""
            : ", " + RosterCovariates.describe(options.covariates(), options.method()))
        + (panel.isWeighted()
            ? ", analytic standard errors clustered by employee"
            : ", multiplier bootstrap clustered by employee ("
                + options.bootstrapReplicates()
                + " draws)");
  }

  /** The overall effect of an aggregation, or a NaN effect (not estimated) when there is none. */
  private static AggregateEffect overall(DidResult result, String aggregation) {
    return result.byAggregation(aggregation).stream()
        .filter(AggregateEffect::isOverall)
        .findFirst()
        .orElse(
            new AggregateEffect(
                aggregation,
                AggregateEffect.OVERALL,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN));
  }

  private static MetricEstimate empty(
      MetricDefinition metric,
      String segment,
      String method,
      List<String> warnings,
      long treated,
      long comparison,
      List<String> notes) {
    return new MetricEstimate(
        metric,
        segment,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        treated,
        comparison,
        method,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        0,
        "",
        warnings,
        List.of(),
        true,
        notes,
        List.of(),
        HEADLINE,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  /**
   * For level metrics the relative effect is the effect over the participants' counterfactual mean
   * {@code m - x}, where m is their observed post-joining mean. The counterfactual moves with the
   * effect, so the estimate and each end of its interval are mapped on their own by {@code x -> x /
   * (m - x)}, which increases with x below m: the result is the exact interval of the relative
   * effect, not the effect's interval over one counterfactual. An end at or above m leaves no
   * positive counterfactual, so the relative interval is unbounded there: {@code +Infinity}
   * (published as an empty value, like NaN). Everything is NaN (no number) when m is not positive
   * (a relative change needs a positive level) or the estimate itself is at or above m.
   *
   * @return {relative effect, relative lower end, relative upper end}
   */
  static double[] relativeToCounterfactual(AggregateEffect effect, double treatedPostMean) {
    double m = treatedPostMean;
    if (!(m > 0) || !(effect.att() < m)) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    return new double[] {
      relative(effect.att(), m), relative(effect.ciLow(), m), relative(effect.ciHigh(), m)
    };
  }

  private static double relative(double effect, double observedMean) {
    if (Double.isNaN(effect)) {
      return Double.NaN;
    }
    return effect < observedMean ? effect / (observedMean - effect) : Double.POSITIVE_INFINITY;
  }
}
