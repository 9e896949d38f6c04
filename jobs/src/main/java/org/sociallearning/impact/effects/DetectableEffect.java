package org.sociallearning.impact.effects;

/**
 * Estimation step: the power of an estimate with today's people and months. The minimum detectable
 * effect at 80% power in a two-sided 5% test is {@code (z_0.975 + z_0.8) * se}; assuming the
 * standard error falls with the square root of the participant-months, detecting an effect of
 * {@code d} needs {@code participantMonths * (mde / |d|)^2} of them. The effect to detect is
 * configured as a relative change ({@code estimation.detectable_relative_effect}, -0.10 = 10% less)
 * and put on the modelled scale as {@code log(1 + r)} for log-scale metrics and {@code r *
 * counterfactual mean} for level metrics.
 *
 * @param mde minimum detectable effect on the modelled scale (positive, a magnitude)
 * @param mdeRelative the same as a relative change, in the direction of the configured effect
 * @param participantMonths participant-months behind today's estimate
 * @param participantMonthsNeeded participant-months (in total, today's included) that would detect
 *     the configured effect; -1 when it cannot be computed
 */
public record DetectableEffect(
    double mde, double mdeRelative, long participantMonths, long participantMonthsNeeded) {

  /** {@code z_0.975}: two-sided test at 5%. */
  static final double Z_TEST = 1.959963984540054;

  /** {@code z_0.8}: 80% power. */
  static final double Z_POWER = 0.8416212335729143;

  public static final DetectableEffect NONE = new DetectableEffect(Double.NaN, Double.NaN, 0, -1);

  /**
   * The power of one estimate.
   *
   * @param basis its standard error, participant-months and counterfactual mean
   * @param logScale whether the metric is modelled on the log scale
   * @param targetRelative the relative effect to detect, e.g. -0.10
   */
  public static DetectableEffect of(EstimateBasis basis, boolean logScale, double targetRelative) {
    double se = basis.standardError();
    if (!(se > 0) || Double.isInfinite(se)) {
      return new DetectableEffect(Double.NaN, Double.NaN, basis.participantMonths(), -1);
    }
    double mde = (Z_TEST + Z_POWER) * se;
    double sign = Math.signum(targetRelative);
    double counterfactual = basis.counterfactualMean();
    double mdeRelative;
    double target;
    if (logScale) {
      mdeRelative = Math.expm1(sign * mde);
      target = Math.log1p(targetRelative);
    } else {
      mdeRelative = counterfactual > 0 ? sign * mde / counterfactual : Double.NaN;
      target = counterfactual > 0 ? targetRelative * counterfactual : Double.NaN;
    }
    long needed = -1;
    double months = basis.participantMonths() * Math.pow(mde / target, 2);
    if (basis.participantMonths() > 0 && Double.isFinite(months)) {
      needed = (long) Math.ceil(months);
    }
    return new DetectableEffect(mde, mdeRelative, basis.participantMonths(), needed);
  }

  /** Participant-months to add to today's to detect the configured effect (0 when enough). */
  public long participantMonthsMore() {
    return participantMonthsNeeded < 0
        ? -1
        : Math.max(0, participantMonthsNeeded - participantMonths);
  }
}
