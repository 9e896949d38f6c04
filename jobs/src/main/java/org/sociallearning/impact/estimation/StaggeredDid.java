package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Callaway &amp; Sant'Anna (2021) staggered difference-in-differences.
 *
 * <p>Estimation step: employee-month panel -&gt; group-time effects. Given each unit's outcome per
 * period and the period it first took part in social learning, it estimates ATT(g,t) for every
 * cohort g and period t, then the {@code simple}, {@code group}, {@code dynamic} and {@code
 * calendar} summaries, each with a multiplier-bootstrap standard error and a pointwise confidence
 * interval. Point estimates reproduce R {@code did::att_gt} + {@code did::aggte} (panel data, no
 * covariates, never- or not-yet-treated controls, optional anticipation, either {@code
 * base_period}); see {@link GroupTimeEstimator}, {@link Aggregator} and {@link MultiplierBootstrap}
 * for the parts. Two checks of parallel trends come with the result: the pre-trend verdict ({@link
 * PreTrendVerdict}: the joint pre-trend test {@link PreTrendWald}, on event-time averages when
 * cohorts are too small for it: {@link EventTimePreTrendWald}, combined with the test of the
 * average pre-joining level, {@link PreJoiningLevel}) and the Ashenfelter's-dip rule ({@link
 * AshenfelterDip}); each adds a warning when it fails. Beside the pointwise intervals come two
 * simultaneous bands, over the group-time effects and over the event study ({@link BandFamily},
 * {@link SupTCriticalValue}): R's {@code cband = TRUE}. With a universal base period it also hands
 * over the event study for the sensitivity to parallel-trends violations ({@link
 * RelativeMagnitudes}).
 *
 * <p>The base period ({@link DidOptions#basePeriod()}) only changes the pre-treatment effects: with
 * {@link BasePeriod#UNIVERSAL} each is the level difference to the cohort's base period, and the
 * base period itself appears, as in R, as a group-time effect and an event-study point of exactly 0
 * without a standard error (NaN, so also NaN interval and p-value). Post-treatment effects and the
 * {@code simple}, {@code group} and {@code calendar} summaries, and the {@code dynamic} points from
 * event time 0 on, are the same under either setting.
 *
 * <p>Optionally, parallel trends are only assumed conditional on covariates ({@link
 * DidOptions#covariates()}): each ATT(g,t) is then R's doubly robust, outcome regression or inverse
 * probability weighting estimator ({@link DidOptions#method()}, Sant'Anna and Zhao 2020; see {@link
 * CovariateCell}), with influence functions that include the fitted models' estimation effect, and
 * the bootstrap draws those from the cells' stored influence functions. Or within strata of units
 * (exact stratification on roster attributes): {@link #estimate(Panel, DidOptions, String[])}. The
 * two are alternatives: exact stratification is the fully saturated version of the same idea, and a
 * run uses one or the other.
 *
 * <p>On a weighted panel ({@link Panel#weight()}, e.g. employee-month means with the number of
 * items behind each) every ATT(g,t) compares item-weighted mean changes: each unit's change into
 * period t counts with its weight in t, on both sides, within strata too. Aggregations still weigh
 * cohorts by their number of units, as R does. Standard errors are then analytic, from the
 * influence functions clustered by unit, because the bootstrap's precomputed per-period sums cannot
 * carry weights that depend on the period measured; a warning says so when bootstrap replicates
 * were asked for.
 *
 * <p>Unlike R, units with missing outcomes are not dropped from the whole panel: each cell uses the
 * units observed in both of its periods. On a balanced panel the two agree exactly.
 */
public final class StaggeredDid {

  /** The note added when a weighted panel gets analytic instead of bootstrap standard errors. */
  public static final String WEIGHTED_ANALYTIC_ERRORS =
      "weighted panel: standard errors are analytic"
          + " (influence functions clustered by unit); the multiplier bootstrap does not take weights";

  private StaggeredDid() {}

  /**
   * @throws IllegalArgumentException when the panel cannot identify any post-treatment effect (no
   *     cohort, no comparison units, or every cell too thin)
   */
  public static DidResult estimate(Panel panel, DidOptions options) {
    return estimate(panel, options, null);
  }

  /**
   * Under conditional parallel trends: each ATT(g,t) compares participants only with comparison
   * units of their own stratum (exact matching, e.g. on department and job title), see {@link
   * StratumMatching}. Everything downstream (aggregation, bootstrap, pre-trend test) is unchanged.
   *
   * @param unitStratum per unit of the panel, its stratum; a null entry (unknown stratum) drops the
   *     unit with a warning; a null array is the unstratified estimator
   * @throws IllegalArgumentException as {@link #estimate(Panel, DidOptions)}, or when {@code
   *     unitStratum} does not have one entry per unit, or comes with covariates in {@code options}
   */
  public static DidResult estimate(Panel panel, DidOptions options, String[] unitStratum) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(options, "options");
    if (unitStratum != null && options.hasCovariates()) {
      throw new IllegalArgumentException(
          "exact stratification and covariate adjustment ("
              + options.covariates().describe()
              + ") are alternatives; use one of them");
    }
    List<String> warnings = new ArrayList<>();
    EstimationSample sample =
        EstimationSample.prepare(
            panel, options.anticipation(), unitStratum, options.covariates(), warnings);
    requireIdentifyingUnits(sample, options.control(), warnings);

    GroupTimeEstimator.Estimates estimates =
        GroupTimeEstimator.estimate(
            sample,
            options.control(),
            options.anticipation(),
            options.basePeriod(),
            options.method(),
            warnings);
    List<GroupTimeCell> cells = estimates.cells();
    List<LinearEstimand> estimands = new ArrayList<>();
    int[] estimandOfCell = new int[cells.size()];
    for (int k = 0; k < cells.size(); k++) {
      estimandOfCell[k] = -1;
      if (cells.get(k).isValid() && !cells.get(k).isReference()) {
        estimandOfCell[k] = estimands.size();
        estimands.add(LinearEstimand.ofCell(k, cells.get(k)));
      }
    }
    int firstAggregate = estimands.size();
    estimands.addAll(Aggregator.aggregate(sample, cells));
    if (estimands.stream().noneMatch(e -> AggregateEffect.SIMPLE.equals(e.aggregation()))) {
      throw new IllegalArgumentException(
          "no post-treatment effect could be estimated: " + String.join("; ", warnings));
    }
    int firstStep = estimands.size();
    boolean universal = options.basePeriod() == BasePeriod.UNIVERSAL;
    if (universal) {
      // Internal to the dip check, never published; in the same list so that they share the draws.
      estimands.addAll(
          AshenfelterDip.universalSteps(
              estimands.subList(firstAggregate, firstStep), options.anticipation()));
    }
    // Internal to the pre-trend verdict, never published; last, so that it shares the draws too.
    Optional<PreJoiningLevel.Estimand> level =
        PreJoiningLevel.estimand(sample, cells, options.basePeriod(), options.anticipation());
    int levelIndex = estimands.size();
    level.ifPresent(l -> estimands.add(l.estimand()));

    StandardErrors errors = standardErrors(sample, cells, estimands, options, warnings);
    double[] se = errors.se();
    double z = StandardNormal.quantile(1 - (1 - options.confidenceLevel()) / 2);

    List<GroupTimeEffect> groupTime = new ArrayList<>(cells.size());
    for (int k = 0; k < cells.size(); k++) {
      GroupTimeCell cell = cells.get(k);
      double s = estimandOfCell[k] < 0 ? Double.NaN : se[estimandOfCell[k]];
      groupTime.add(
          new GroupTimeEffect(
              cell.group(),
              cell.time(),
              cell.att(),
              s,
              cell.att() - z * s,
              cell.att() + z * s,
              cell.nTreated(),
              cell.nControl()));
    }
    List<AggregateEffect> aggregates = effects(estimands, se, z, firstAggregate, firstStep);
    DidResult.PreTrendTest preTrend =
        PreTrendVerdict.combine(
            PreTrendWald.test(
                sample, cells, estimands.subList(firstAggregate, firstStep), warnings),
            level
                .map(l -> PreJoiningLevel.test(l, se[levelIndex]))
                .orElse(DidResult.PreTrendTest.LevelTest.NONE),
            warnings);
    List<AggregateEffect> steps =
        universal
            ? effects(estimands, se, z, firstStep, levelIndex)
            : aggregates.stream()
                .filter(a -> AggregateEffect.DYNAMIC.equals(a.aggregation()))
                .toList();
    Optional<String> dip = AshenfelterDip.check(steps, options.anticipation());
    dip.ifPresent(warnings::add);
    int[] cellFamily = BandFamily.groupTime(estimandOfCell, se, sample.unitCount);
    int[] eventFamily =
        BandFamily.eventStudy(estimands, firstAggregate, firstStep, se, sample.unitCount);
    EventStudyVector eventStudy =
        universal
            ? EventStudyCovariance.of(
                estimands,
                eventFamily,
                headline(estimands, firstAggregate, firstStep),
                cells,
                errors,
                sample,
                options.anticipation())
            : EventStudyVector.NONE;
    return new DidResult(
        groupTime,
        aggregates,
        estimates.treatedUnits(),
        estimates.controlUnits(),
        warnings,
        preTrend,
        dip,
        BandFamily.band(cellFamily, sample, cells, estimands, errors, z, options),
        BandFamily.band(eventFamily, sample, cells, estimands, errors, z, options),
        eventStudy);
  }

  /** The {@code group} aggregate's overall estimand, the pipeline's headline; null if none. */
  private static LinearEstimand headline(List<LinearEstimand> estimands, int from, int to) {
    for (LinearEstimand e : estimands.subList(from, to)) {
      if (AggregateEffect.GROUP.equals(e.aggregation())
          && AggregateEffect.OVERALL.equals(e.key())) {
        return e;
      }
    }
    return null;
  }

  private static List<AggregateEffect> effects(
      List<LinearEstimand> estimands, double[] se, double z, int from, int to) {
    List<AggregateEffect> out = new ArrayList<>(to - from);
    for (int e = from; e < to; e++) {
      LinearEstimand a = estimands.get(e);
      out.add(
          new AggregateEffect(
              a.aggregation(),
              a.key(),
              a.estimate(),
              se[e],
              a.estimate() - z * se[e],
              a.estimate() + z * se[e]));
    }
    return out;
  }

  /**
   * Bootstrap or analytic standard errors. The event-study point at a universal base averages
   * reference cells only: its influence function is 0, and like R we report no standard error for
   * it rather than 0.
   */
  private static StandardErrors standardErrors(
      EstimationSample sample,
      List<GroupTimeCell> cells,
      List<LinearEstimand> estimands,
      DidOptions options,
      List<String> warnings) {
    StandardErrors errors;
    if (options.bootstrapReplicates() > 0 && !sample.isWeighted()) {
      errors =
          MultiplierBootstrap.run(
              sample, cells, estimands, options.bootstrapReplicates(), options.seed());
    } else {
      if (options.bootstrapReplicates() > 0) {
        warnings.add(WEIGHTED_ANALYTIC_ERRORS);
      }
      double[] analytic = new double[estimands.size()];
      for (int e = 0; e < analytic.length; e++) {
        analytic[e] = InfluenceFunctions.analyticStandardError(sample, cells, estimands.get(e));
      }
      errors = StandardErrors.analytic(analytic);
    }
    double[] se = errors.se();
    for (int e = 0; e < se.length; e++) {
      if (onlyReferenceCells(cells, estimands.get(e))) {
        se[e] = Double.NaN;
      }
    }
    return errors;
  }

  private static boolean onlyReferenceCells(List<GroupTimeCell> cells, LinearEstimand estimand) {
    for (int k : estimand.cells()) {
      if (!cells.get(k).isReference()) {
        return false;
      }
    }
    return estimand.cells().length > 0;
  }

  private static void requireIdentifyingUnits(
      EstimationSample sample, ControlGroup control, List<String> warnings) {
    if (sample.groups.length == 0) {
      throw new IllegalArgumentException(
          "no unit is first treated after the first period "
              + sample.periods[0]
              + " and by the last period "
              + sample.periods[sample.periodCount() - 1]
              + "; there is no cohort to estimate"
              + notes(warnings));
    }
    if (control == ControlGroup.NEVER_TREATED && sample.unitsByClass[0].length == 0) {
      throw new IllegalArgumentException(
          "no never-treated units (group 0) to compare with" + notes(warnings));
    }
    if (sample.unitsByClass[0].length == 0 && sample.groups.length == 1) {
      throw new IllegalArgumentException(
          "no never-treated units and a single cohort "
              + sample.groups[0]
              + ": there is no one to compare with"
              + notes(warnings));
    }
  }

  private static String notes(List<String> warnings) {
    return warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")";
  }
}
