package org.sociallearning.impact.pipeline;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.config.EstimationSettings;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.effects.BalanceTable;
import org.sociallearning.impact.effects.HireMonthExclusion;
import org.sociallearning.impact.effects.MeanEffects;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.effects.MetricEstimation;
import org.sociallearning.impact.effects.NewHireSensitivity;
import org.sociallearning.impact.effects.PanelAssembler;
import org.sociallearning.impact.effects.PropensityOverlap;
import org.sociallearning.impact.effects.RobustAnalysis;
import org.sociallearning.impact.effects.RosterCovariates;
import org.sociallearning.impact.effects.SegmentPanels;
import org.sociallearning.impact.effects.Strata;
import org.sociallearning.impact.effects.TenureBalance;
import org.sociallearning.impact.effects.VolumeNotes;
import org.sociallearning.impact.estimation.BasePeriod;
import org.sociallearning.impact.estimation.BenjaminiHochberg;
import org.sociallearning.impact.estimation.ControlGroup;
import org.sociallearning.impact.estimation.Covariates;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.EstimationMethod;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.identity.IdentityResolution;
import org.sociallearning.impact.outcomes.EmployeeMonthOutcomes;
import org.sociallearning.impact.publish.StageLog;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * Stage 5: the staggered difference-in-differences of every metric, overall and by segment, with
 * the effect on the mean per item for log-scale metrics and the volume diagnostics turned into
 * notes on the outcomes they concern; for each overall estimate graded unreliable, the robust
 * analysis that may replace it as the headline ({@link RobustAnalysis}); p-values adjusted across
 * the run, robust analyses included.
 */
public final class EstimateEffects {

  private EstimateEffects() {}

  public static Estimates run(StageContext ctx, Outcomes outcomes, Participation participation) {
    EstimationSettings settings = ctx.config().estimation();
    if (!covariatesInUse(ctx, participation).equals(settings.covariates())) {
      ctx.manifest()
          .warn(
              "estimation: the roster has no readable hire_date, so estimates are not adjusted"
                  + " for tenure; map the roster's hire date column to compare participants with"
                  + " colleagues of the same tenure");
    }
    DidOptions options = didOptions(ctx, participation);
    List<MetricEstimate> out = new ArrayList<>();
    List<MetricEstimate> robust = new ArrayList<>();
    List<BalanceTable.Balance> balance = new ArrayList<>();
    Map<String, NewHireSensitivity> newHires = new LinkedHashMap<>();
    Map<String, Integer> hireMonths =
        HireMonthExclusion.hireMonths(
            participation.rosterAttributes().getOrDefault(HIRE_DATE, Map.of()));
    boolean tenureAdjusted =
        !settings.stratifies()
            && covariatesInUse(ctx, participation).stream().anyMatch(ConfigLoader::isTenure);
    for (Outcomes.MetricOutcome outcome : outcomes.metrics()) {
      StageLog.Timer t = ctx.log().start();
      MetricDefinition metric = outcome.metric().definition();
      Panel panel =
          PanelAssembler.assemble(
              comparable(ctx, participation, outcome.employeeMonths()),
              participation.participants(),
              hireMonthExclusion(ctx, participation));
      String[] strata = strata(ctx, participation, panel);
      MetricEstimate estimate =
          withMeanEffect(
              ctx,
              participation,
              outcome,
              MetricEstimation.estimate(
                  metric, "all", panel, options, settings.minGroupSize(), strata),
              options,
              strata != null);
      Optional<String> tenureNote = Optional.empty();
      if (!metric.isVolume()) {
        BalanceTable.Balance tenure = TenureBalance.of(metric.name(), hireMonths, panel);
        balance.add(tenure);
        balance.add(TenureBalance.firstYear(metric.name(), hireMonths, panel));
        tenureNote = TenureBalance.gate(tenure, hireMonths, panel, tenureAdjusted, balance);
        estimate = tenureNote.map(estimate::withWarning).orElse(estimate);
        NewHireComparison.of(ctx, participation, outcome, options, hireMonths, panel)
            .ifPresent(s -> newHires.put(metric.name(), s));
      }
      out.add(estimate);
      ctx.manifest().estimatorNotes(metric.name(), estimate.estimatorNotes());
      int estimated = 1;
      if (RobustAnalysis.neededFor(estimate)) {
        MetricEstimate r = robustAnalysis(ctx, participation, outcome, panel);
        robust.add(tenureNote.map(r::withWarning).orElse(r));
        estimated++;
      }
      int segments = 0;
      // Pre-joining level of every outcome, and of the volumes (tickets handled, opportunities
      // created): how busy participants were before joining, against the comparison group.
      balance.add(BalanceTable.preJoiningOutcome(metric.name(), panel));
      if (!metric.isVolume()) {
        balance.addAll(PropensityOverlap.of(metric.name(), hireMonths, panel));
        balance.addAll(
            BalanceTable.attribute(
                metric.name(), "department", participation.segments().department(), panel));
        for (Map.Entry<String, Panel> segment :
            SegmentPanels.of(panel, participation.segments()).entrySet()) {
          MetricEstimate bySegment =
              MetricEstimation.estimate(
                  metric,
                  segment.getKey(),
                  segment.getValue(),
                  options,
                  settings.minGroupSize(),
                  strata(ctx, participation, segment.getValue()));
          Optional<String> segmentNote =
              TenureBalance.gate(
                  TenureBalance.of(metric.name(), hireMonths, segment.getValue()),
                  hireMonths,
                  segment.getValue(),
                  tenureAdjusted,
                  new ArrayList<>());
          out.add(segmentNote.map(bySegment::withWarning).orElse(bySegment));
          segments++;
        }
      }
      t.finish("estimate " + metric.name(), panel.unitCount(), estimated + segments);
    }
    // One family for Benjamini-Hochberg: every estimate and every robust analysis the run made
    // (a second look at a metric is a test too), volume notes attached to both alike.
    List<MetricEstimate> family = new ArrayList<>(out);
    family.addAll(robust);
    List<MetricEstimate> adjusted = withAdjustedPValues(VolumeNotes.attach(family));
    Map<String, MetricEstimate> robustByMetric = new LinkedHashMap<>();
    for (MetricEstimate r : adjusted.subList(out.size(), adjusted.size())) {
      robustByMetric.put(r.metric().name(), r);
    }
    return new Estimates(adjusted.subList(0, out.size()), robustByMetric, balance, newHires);
  }

  /**
   * The robust analysis of a metric's overall estimate (see {@link RobustAnalysis}): with
   * estimation.covariates the covariates enter doubly robust, so exact strata are not used.
   */
  private static MetricEstimate robustAnalysis(
      StageContext ctx, Participation participation, Outcomes.MetricOutcome outcome, Panel panel) {
    EstimationSettings settings = ctx.config().estimation();
    List<String> inUse = covariatesInUse(ctx, participation);
    boolean covariates = !inUse.isEmpty();
    DidOptions options =
        RobustAnalysis.options(
            didOptions(ctx.config()),
            covariates
                ? RosterCovariates.of(inUse, participation.rosterAttributes())
                : Covariates.none());
    String[] strata = covariates ? null : strata(ctx, participation, panel);
    MetricEstimate robust =
        MetricEstimation.estimate(
            outcome.metric().definition(), "all", panel, options, settings.minGroupSize(), strata);
    return withMeanEffect(ctx, participation, outcome, robust, options, strata != null);
  }

  /**
   * A log-scale estimate with its effect on the mean per item, estimated the same way: the typical
   * item (log scale) and the mean per item (what money needs) differ when items change by different
   * factors, so the mean is estimated from the same items.
   */
  private static MetricEstimate withMeanEffect(
      StageContext ctx,
      Participation participation,
      Outcomes.MetricOutcome outcome,
      MetricEstimate estimate,
      DidOptions options,
      boolean stratified) {
    if (outcome.items() == null || !estimate.metric().logScale() || estimate.suppressed()) {
      return estimate;
    }
    Panel levels =
        PanelAssembler.assembleWeighted(
            EmployeeMonthOutcomes.aggregateLevels(comparable(ctx, participation, outcome.items())),
            participation.participants(),
            hireMonthExclusion(ctx, participation));
    return estimate.withMeanEffect(
        MeanEffects.of(levels, options, stratified ? strata(ctx, participation, levels) : null));
  }

  /** The estimator's settings from the config's estimation section. */
  public static DidOptions didOptions(PipelineConfig config) {
    EstimationSettings settings = config.estimation();
    return new DidOptions(
            ControlGroup.parse(settings.control()),
            settings.bootstrapReplicates(),
            settings.seed(),
            0.95)
        .withAnticipation(settings.anticipation())
        .withBasePeriod(BasePeriod.parse(settings.basePeriod()));
  }

  /**
   * The estimator's settings with the run's covariates: for a covariate method (estimation.method
   * dr, reg or ipw) they enter each ATT(g,t)'s models; for strata they stay out of the options and
   * come as {@link #strata} instead.
   */
  public static DidOptions didOptions(StageContext ctx, Participation participation) {
    EstimationSettings settings = ctx.config().estimation();
    DidOptions options = didOptions(ctx.config());
    List<String> inUse = covariatesInUse(ctx, participation);
    if (inUse.isEmpty() || settings.stratifies()) {
      return options;
    }
    return options
        .withCovariates(RosterCovariates.of(inUse, participation.rosterAttributes()))
        .withMethod(EstimationMethod.parse(settings.method()));
  }

  /**
   * The covariates of estimation.covariates the run can use: tenure only when the roster has hire
   * dates (with none readable, every person would leave the comparisons).
   */
  public static List<String> covariatesInUse(StageContext ctx, Participation participation) {
    List<String> configured = ctx.config().estimation().covariates();
    boolean hireDates =
        participation.rosterAttributes().getOrDefault(HIRE_DATE, Map.of()).values().stream()
            .anyMatch(v -> v != null && !v.isBlank());
    return hireDates
        ? configured
        : configured.stream().filter(c -> !ConfigLoader.isTenure(c)).toList();
  }

  /** estimation.exclude_months_after_hire: the employee-months left out of every panel. */
  static HireMonthExclusion hireMonthExclusion(StageContext ctx, Participation participation) {
    return HireMonthExclusion.of(
        ctx.config().estimation().excludeMonthsAfterHire(),
        participation.rosterAttributes().get(HIRE_DATE));
  }

  /** Key of the hire dates among the roster attributes (always collected). */
  public static final String HIRE_DATE = "hire_date";

  /**
   * Rows of people who tried social learning without meeting the participation rule left out
   * (participation.tried_it: exclude, the default), so they are in neither group; kept as
   * comparison people with {@code compare}.
   */
  public static Dataset<Row> comparable(
      StageContext ctx, Participation participation, Dataset<Row> rows) {
    if (ctx.config().participation().comparesTriedIt()) {
      return rows;
    }
    return rows.join(
        participation.triedIt().select(col(IdentityResolution.EMPLOYEE_ID)),
        IdentityResolution.EMPLOYEE_ID,
        "left_anti");
  }

  /** Each unit's exact stratum with estimation.method strata; null otherwise. */
  static String[] strata(StageContext ctx, Participation participation, Panel panel) {
    if (!ctx.config().estimation().stratifies()) {
      return null;
    }
    return Strata.of(
        panel, ctx.config().estimation().covariates(), participation.rosterAttributes());
  }

  /** Benjamini-Hochberg across every estimate of the run: many metrics, some false alarms. */
  static List<MetricEstimate> withAdjustedPValues(List<MetricEstimate> estimates) {
    List<Integer> tested = new ArrayList<>();
    for (int i = 0; i < estimates.size(); i++) {
      // Volume diagnostics are no claims of an effect: they do not count as tests here.
      if (!Double.isNaN(estimates.get(i).pValue()) && !estimates.get(i).metric().isVolume()) {
        tested.add(i);
      }
    }
    double[] adjusted =
        BenjaminiHochberg.adjust(
            tested.stream().mapToDouble(i -> estimates.get(i).pValue()).toArray());
    List<MetricEstimate> out = new ArrayList<>(estimates);
    for (int k = 0; k < tested.size(); k++) {
      out.set(tested.get(k), estimates.get(tested.get(k)).withAdjustedPValue(adjusted[k]));
    }
    return out;
  }
}
