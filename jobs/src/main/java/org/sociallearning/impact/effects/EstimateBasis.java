package org.sociallearning.impact.effects;

/**
 * What an estimate rests on, for its evidence grade and power: its standard error, the
 * participant-months behind it, the participants' counterfactual mean (level metrics) and whether
 * the dip check fired.
 *
 * @param standardError standard error of the headline estimate (modelled scale); NaN unknown
 * @param participantMonths participant-months in the estimated post-joining cells: each participant
 *     counted once for every month since joining in which they were observed, in that month and in
 *     the month the effect is measured from
 * @param counterfactualMean level metrics: the participants' post-joining mean minus the estimate,
 *     what they would have had without joining; NaN for log-scale metrics and when unknown
 * @param dipBeforeJoining whether the dip check (Ashenfelter's dip) fired
 */
public record EstimateBasis(
    double standardError,
    long participantMonths,
    double counterfactualMean,
    boolean dipBeforeJoining) {

  /** Nothing known: an estimate that was not formed. */
  public static final EstimateBasis NONE = new EstimateBasis(Double.NaN, 0, Double.NaN, false);
}
