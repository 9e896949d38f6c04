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
 */
public record DidOptions(
    ControlGroup control,
    int bootstrapReplicates,
    long seed,
    double confidenceLevel,
    int anticipation,
    BasePeriod basePeriod) {

  public DidOptions {
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(basePeriod, "basePeriod");
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
   * base period (R's defaults apart from the replicates and seed).
   */
  public static DidOptions defaults() {
    return new DidOptions(ControlGroup.NEVER_TREATED, 999, 20240601L, 0.95, 0, BasePeriod.VARYING);
  }

  public DidOptions withReplicates(int replicates) {
    return new DidOptions(control, replicates, seed, confidenceLevel, anticipation, basePeriod);
  }

  public DidOptions withSeed(long newSeed) {
    return new DidOptions(
        control, bootstrapReplicates, newSeed, confidenceLevel, anticipation, basePeriod);
  }

  public DidOptions withControl(ControlGroup newControl) {
    return new DidOptions(
        newControl, bootstrapReplicates, seed, confidenceLevel, anticipation, basePeriod);
  }

  public DidOptions withAnticipation(int periods) {
    return new DidOptions(control, bootstrapReplicates, seed, confidenceLevel, periods, basePeriod);
  }

  public DidOptions withBasePeriod(BasePeriod newBasePeriod) {
    return new DidOptions(
        control, bootstrapReplicates, seed, confidenceLevel, anticipation, newBasePeriod);
  }
}
