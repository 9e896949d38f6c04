package org.sociallearning.impact.estimation;

import java.util.Objects;

/**
 * Settings of one staggered difference-in-differences run.
 *
 * @param control comparison group for every cohort
 * @param bootstrapReplicates multiplier-bootstrap replicates; 0 = analytic (influence-function)
 *     standard errors instead of bootstrap ones
 * @param seed seed of the bootstrap weights, so reruns give identical numbers
 * @param confidenceLevel level of the pointwise confidence intervals, e.g. 0.95
 * @param anticipation periods before the first treated period in which outcomes may already respond
 *     (R's {@code anticipation}); post-treatment effects are then measured against the period this
 *     many steps further back
 * @param basePeriod what pre-treatment effects are measured from (R's {@code base_period});
 *     post-treatment effects do not depend on it
 * @param method how each ATT(g,t) adjusts for {@code covariates} (R's {@code est_method}); without
 *     covariates every method gives the same difference of mean changes
 * @param covariates for parallel trends conditional on covariates (R's {@code xformla}); {@link
 *     Covariates#none()} for unconditional parallel trends
 */
public record DidOptions(
    ControlGroup control,
    int bootstrapReplicates,
    long seed,
    double confidenceLevel,
    int anticipation,
    BasePeriod basePeriod,
    EstimationMethod method,
    Covariates covariates) {

  public DidOptions {
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(basePeriod, "basePeriod");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(covariates, "covariates");
    if (bootstrapReplicates < 0) {
      throw new IllegalArgumentException(
          "bootstrapReplicates must be >= 0, got " + bootstrapReplicates);
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidenceLevel must be in (0, 1), got " + confidenceLevel);
    }
    if (anticipation < 0) {
      throw new IllegalArgumentException("anticipation must be >= 0 periods, got " + anticipation);
    }
  }

  /** Without covariates. */
  public DidOptions(
      ControlGroup control,
      int bootstrapReplicates,
      long seed,
      double confidenceLevel,
      int anticipation,
      BasePeriod basePeriod) {
    this(
        control,
        bootstrapReplicates,
        seed,
        confidenceLevel,
        anticipation,
        basePeriod,
        EstimationMethod.DOUBLY_ROBUST,
        Covariates.none());
  }

  /** R's default {@code varying} base period. */
  public DidOptions(
      ControlGroup control,
      int bootstrapReplicates,
      long seed,
      double confidenceLevel,
      int anticipation) {
    this(control, bootstrapReplicates, seed, confidenceLevel, anticipation, BasePeriod.VARYING);
  }

  /** No anticipation and a varying base period, as before those settings existed. */
  public DidOptions(
      ControlGroup control, int bootstrapReplicates, long seed, double confidenceLevel) {
    this(control, bootstrapReplicates, seed, confidenceLevel, 0);
  }

  /**
   * Never-treated controls, 999 replicates, seed 20240601, 95% intervals, no anticipation, varying
   * base period, no covariates, doubly robust (R's defaults apart from the replicates and seed).
   */
  public static DidOptions defaults() {
    return new DidOptions(ControlGroup.NEVER_TREATED, 999, 20240601L, 0.95, 0, BasePeriod.VARYING);
  }

  public DidOptions withReplicates(int replicates) {
    return new DidOptions(
        control, replicates, seed, confidenceLevel, anticipation, basePeriod, method, covariates);
  }

  public DidOptions withSeed(long newSeed) {
    return new DidOptions(
        control,
        bootstrapReplicates,
        newSeed,
        confidenceLevel,
        anticipation,
        basePeriod,
        method,
        covariates);
  }

  public DidOptions withControl(ControlGroup newControl) {
    return new DidOptions(
        newControl,
        bootstrapReplicates,
        seed,
        confidenceLevel,
        anticipation,
        basePeriod,
        method,
        covariates);
  }

  public DidOptions withAnticipation(int periods) {
    return new DidOptions(
        control,
        bootstrapReplicates,
        seed,
        confidenceLevel,
        periods,
        basePeriod,
        method,
        covariates);
  }

  public DidOptions withBasePeriod(BasePeriod newBasePeriod) {
    return new DidOptions(
        control,
        bootstrapReplicates,
        seed,
        confidenceLevel,
        anticipation,
        newBasePeriod,
        method,
        covariates);
  }

  public DidOptions withMethod(EstimationMethod newMethod) {
    return new DidOptions(
        control,
        bootstrapReplicates,
        seed,
        confidenceLevel,
        anticipation,
        basePeriod,
        newMethod,
        covariates);
  }

  public DidOptions withCovariates(Covariates newCovariates) {
    return new DidOptions(
        control,
        bootstrapReplicates,
        seed,
        confidenceLevel,
        anticipation,
        basePeriod,
        method,
        newCovariates);
  }

  public boolean hasCovariates() {
    return !covariates.isEmpty();
  }
}
