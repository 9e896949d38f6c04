package org.sociallearning.impact.report;

/**
 * What today's data could detect, for an estimate that cannot tell the direction of the effect: the
 * smallest effect found with 80% power at 5% (two-sided), on the metric's modelling scale, and the
 * participant-months behind the estimate and those that would detect the effect size the run was
 * configured to look for ({@code estimation.detectable_relative_effect}).
 *
 * @param mde minimum detectable effect, a magnitude on the metric's modelling scale; NaN unknown
 * @param participantMonths participant-months behind the estimate; 0 unknown
 * @param participantMonthsNeeded participant-months in all that would detect the configured effect;
 *     0 unknown
 */
public record DetectablePower(double mde, long participantMonths, long participantMonthsNeeded) {

  /** Nothing known. */
  public static final DetectablePower NONE = new DetectablePower(Double.NaN, 0, 0);

  public boolean isKnown() {
    return Double.isFinite(mde) && mde > 0 && participantMonths > 0;
  }
}
