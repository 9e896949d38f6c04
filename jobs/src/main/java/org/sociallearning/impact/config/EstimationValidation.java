package org.sociallearning.impact.config;

/**
 * Checks the {@code participation:} and {@code estimation:} blocks: who counts as a participant and
 * how the effect of joining is estimated. Part of {@link ConfigLoader#validate}.
 */
final class EstimationValidation {

  private EstimationValidation() {}

  static void validateParticipation(ParticipationSettings p) {
    if (p.minInteractions() < 1) {
      throw new ConfigException(
          "participation.min_interactions must be at least 1, got " + p.minInteractions());
    }
    if (p.communities().isEmpty()) {
      throw new ConfigException(
          "participation.communities must list at least one channel "
              + "pattern, e.g. [\"ask-*\", \"cop-*\"]");
    }
    if (p.windowDays() != null && p.windowDays() < 1) {
      throw new ConfigException(
          "participation.window_days must be at least 1 day (leave it out"
              + " for no window), got "
              + p.windowDays());
    }
    if (!ParticipationSettings.TRIED_IT_EXCLUDE.equals(p.triedIt())
        && !ParticipationSettings.TRIED_IT_COMPARE.equals(p.triedIt())) {
      throw new ConfigException(
          "participation.tried_it must be 'exclude' (people below"
              + " min_interactions are in neither group) or 'compare' (they are compared with), got '"
              + p.triedIt()
              + "'");
    }
    if (p.profileMonths() < 1 || p.profileMonths() > 12) {
      throw new ConfigException(
          "participation.profile_months must be 1 to 12 months, got " + p.profileMonths());
    }
  }

  static void validateEstimation(EstimationSettings e) {
    if (!"never".equals(e.control()) && !"notyet".equals(e.control())) {
      throw new ConfigException(
          "estimation.control must be 'never' (never-participants) or"
              + " 'notyet' (also people who join later), got '"
              + e.control()
              + "'");
    }
    if (!"universal".equals(e.basePeriod()) && !"varying".equals(e.basePeriod())) {
      throw new ConfigException(
          "estimation.base_period must be 'universal' (every month against"
              + " the month before joining) or 'varying' (each month before joining against the month"
              + " before it), got '"
              + e.basePeriod()
              + "'");
    }
    if (!ConfigLoader.ESTIMATION_METHODS.contains(e.method())) {
      throw new ConfigException(
          "estimation.method must be 'strata' (exact stratification on the covariates), 'dr'"
              + " (doubly robust), 'reg' (outcome regression) or 'ipw' (inverse probability"
              + " weighting), got '"
              + e.method()
              + "'");
    }
    for (String covariate : e.covariates()) {
      boolean tenure = ConfigLoader.isTenure(covariate);
      if (tenure && e.stratifies()) {
        throw new ConfigException(
            "estimation.covariates: '"
                + covariate
                + "' is computed per comparison and needs estimation.method dr, reg or ipw"
                + " (strata take roster attributes only)");
      }
      if (!ConfigLoader.STRATIFYING_ATTRIBUTES.contains(covariate) && !tenure) {
        throw new ConfigException(
            "estimation.covariates may list "
                + ConfigLoader.STRATIFYING_ATTRIBUTES
                + " and, with a covariate method, "
                + ConfigLoader.TENURE_MONTHS
                + " or "
                + ConfigLoader.TENURE_BANDS
                + "; got '"
                + covariate
                + "'");
      }
    }
    if (e.covariates().contains(ConfigLoader.TENURE_MONTHS)
        && e.covariates().contains(ConfigLoader.TENURE_BANDS)) {
      throw new ConfigException(
          "estimation.covariates: list tenure_months or tenure_bands, not both (two forms of"
              + " the same tenure)");
    }
    if (e.excludeMonthsAfterHire() < 0 || e.excludeMonthsAfterHire() > 24) {
      throw new ConfigException(
          "estimation.exclude_months_after_hire must be 0 to 24 months, got "
              + e.excludeMonthsAfterHire());
    }
    if (e.anticipation() < 0 || e.anticipation() > 6) {
      throw new ConfigException(
          "estimation.anticipation must be 0 to 6 months, got " + e.anticipation());
    }
    if (e.bootstrapReplicates() < 99) {
      throw new ConfigException(
          "estimation.bootstrap_replicates must be at least 99, got " + e.bootstrapReplicates());
    }
    if (e.minGroupSize() < 3) {
      throw new ConfigException(
          "estimation.min_group_size must be at least 3, got " + e.minGroupSize());
    }
    if (e.firstDealLandmarkDays() < 0) {
      throw new ConfigException(
          "estimation.first_deal_landmark_days must be 0 or more, got "
              + e.firstDealLandmarkDays());
    }
    double target = e.detectableRelativeEffect();
    if (!Double.isFinite(target) || target == 0 || target <= -1) {
      throw new ConfigException(
          "estimation.detectable_relative_effect must be a relative change other than 0 and above"
              + " -1 (-0.10 = 10% less), got "
              + target);
    }
    if (e.ticketHorizonDays() < 1 || e.salesHorizonDays() < 1) {
      throw new ConfigException(
          "estimation.ticket_horizon_days and sales_horizon_days must be " + "positive");
    }
  }
}
