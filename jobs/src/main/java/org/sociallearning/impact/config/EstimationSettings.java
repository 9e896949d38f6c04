package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How effects are estimated and published.
 *
 * @param control comparison group: {@code never} (never-participants) or {@code notyet} (also
 *     people who join later, before they join)
 * @param covariates what parallel trends are conditional on: roster attributes (department,
 *     job_title, location; categorical) and, with a covariate method, {@code tenure_months} (months
 *     since hire_date, measured in each comparison's base month) or {@code tenure_bands} (the same
 *     in bands 0, 1, 2, 3-5, 6-11, 12-23 and 24+ months, categorical). Not set (the default):
 *     {@code [tenure_bands]} ({@link #DEFAULT_COVARIATES}), which the job uses only where the
 *     roster has hire dates; an empty list switches the adjustment off (unconditional parallel
 *     trends)
 * @param method how the covariates enter: per ATT(g,t) the doubly robust {@code dr}, outcome
 *     regression {@code reg} or inverse probability weighting {@code ipw} estimator (Sant'Anna and
 *     Zhao 2020, as R did's est_method), or {@code strata} (participants compared only with
 *     colleagues of the same values, exact stratification). Not set: {@code dr} where the
 *     covariates include tenure, {@code strata} otherwise
 * @param anticipation months before joining in which results may already change (e.g. people start
 *     preparing); the baseline moves back accordingly
 * @param basePeriod what months before joining are compared with: {@code universal} (default)
 *     measures every month from the month before joining (the month post-joining effects are
 *     measured from), {@code varying} (R's default) each month before joining from the month before
 *     it. Universal is the job's default because every point of the event-study chart, before and
 *     after joining, is then a difference to the same month, as in an event-study regression (Roth
 *     2024): a change participants had just before joining shows in every earlier month instead of
 *     in one or two month-to-month steps, and the pre-trend test tests those same level
 *     differences. Post-joining effects, and so the headline, are the same under either; so is the
 *     pre-trend test's statistic on a complete panel with never-participants as comparison.
 * @param bootstrapReplicates multiplier-bootstrap draws for confidence intervals
 * @param seed seed of the bootstrap, so reruns give the same intervals
 * @param minGroupSize smallest number of people behind a published number (never below 3)
 * @param ticketHorizonDays durations are followed this many days: longer ones count as the horizon,
 *     and tickets opened less than this before as_of are not yet observable
 * @param salesHorizonDays the same for opportunities
 * @param firstDealLandmarkDays days after hire at which new sellers are grouped into participants
 *     and others for the time-to-first-deal comparison
 * @param detectableRelativeEffect the effect the power of an inconclusive estimate is stated for,
 *     as a relative change (-0.10 = 10% less): how many participant-months would detect it
 * @param excludeMonthsAfterHire each person's first N months after the hire month leave the
 *     employee-month panel before estimation (0, the default, keeps them; at most 24)
 */
public record EstimationSettings(
    @JsonProperty("control") String control,
    @JsonProperty("anticipation") Integer anticipation,
    @JsonProperty("base_period") String basePeriod,
    @JsonProperty("covariates") java.util.List<String> covariates,
    @JsonProperty("method") String method,
    @JsonProperty("bootstrap_replicates") Integer bootstrapReplicates,
    @JsonProperty("seed") Long seed,
    @JsonProperty("min_group_size") Integer minGroupSize,
    @JsonProperty("ticket_horizon_days") Integer ticketHorizonDays,
    @JsonProperty("sales_horizon_days") Integer salesHorizonDays,
    @JsonProperty("first_deal_landmark_days") Integer firstDealLandmarkDays,
    @JsonProperty("detectable_relative_effect") Double detectableRelativeEffect,
    @JsonProperty("exclude_months_after_hire") Integer excludeMonthsAfterHire) {

  public EstimationSettings {
    control = control == null ? "never" : control;
    anticipation = anticipation == null ? 0 : anticipation;
    basePeriod = basePeriod == null ? "universal" : basePeriod;
    if (covariates == null) {
      // Tenure by default: new hires get faster anyway while they join communities. Strata cannot
      // take tenure (it is computed per comparison), so method: strata alone means unadjusted.
      covariates = STRATA.equals(method) ? java.util.List.of() : DEFAULT_COVARIATES;
    }
    covariates = java.util.List.copyOf(covariates);
    if (method == null) {
      method = covariates.stream().anyMatch(ConfigLoader::isTenure) ? DOUBLY_ROBUST : STRATA;
    }
    bootstrapReplicates = bootstrapReplicates == null ? 999 : bootstrapReplicates;
    seed = seed == null ? 20240601L : seed;
    minGroupSize = minGroupSize == null ? 5 : minGroupSize;
    ticketHorizonDays = ticketHorizonDays == null ? 30 : ticketHorizonDays;
    salesHorizonDays = salesHorizonDays == null ? 180 : salesHorizonDays;
    firstDealLandmarkDays = firstDealLandmarkDays == null ? 90 : firstDealLandmarkDays;
    detectableRelativeEffect = detectableRelativeEffect == null ? -0.10 : detectableRelativeEffect;
    excludeMonthsAfterHire = excludeMonthsAfterHire == null ? 0 : excludeMonthsAfterHire;
  }

  /** What parallel trends are conditional on when estimation.covariates is not set. */
  public static final java.util.List<String> DEFAULT_COVARIATES =
      java.util.List.of(ConfigLoader.TENURE_BANDS);

  /** The doubly robust method, the default where the covariates include tenure. */
  public static final String DOUBLY_ROBUST = "dr";

  /** The method that stratifies exactly rather than fitting covariate models. */
  public static final String STRATA = "strata";

  public static EstimationSettings defaults() {
    return new EstimationSettings(
        null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Whether the covariates define exact strata (rather than entering covariate models). */
  public boolean stratifies() {
    return STRATA.equals(method);
  }
}
