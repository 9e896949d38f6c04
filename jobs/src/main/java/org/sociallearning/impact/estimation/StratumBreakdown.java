package org.sociallearning.impact.estimation;

/**
 * The per-stratum parts of one stratified ATT(g,t) (see {@link StratumMatching}): for each stratum
 * used in the cell, the counts, total weights and means of {@code dY = Y_t - Y_base} on both sides,
 * the participants' centre, the sums of squares around the centres, and the stratum's weight {@code
 * w_s = W_treated,s / W_treated} ({@code nTreated_s / nTreated} on an unweighted panel, where every
 * unit weighs 1 and the formulas below read with {@code w_i = 1}, {@code W = n}).
 *
 * <p>The estimand is {@code sum_s w_s (treatedMean_s - controlMean_s)} with the weights estimated
 * from the participants' strata, so the influence function of a treated unit of stratum s is {@code
 * (N w_i/W_treated)(dY_i - treatedMean_s) + (N w_i/W_treated)(effect_s - att) = (N
 * w_i/W_treated)(dY_i - treatedCentre_s)} with {@code treatedCentre_s = controlMean_s + att}: the
 * second term is the weight-estimation part, and it is what carries differences in effect between
 * strata into the variance (holding the weights fixed understates it when effects differ between
 * strata of different sizes). A comparison unit of stratum s gets {@code -(N w_s
 * w_j/W_control,s)(dY_j - controlMean_s)}; units of strata that are not used get 0.
 *
 * @param strata stratum indices used in the cell, ascending
 * @param positionOfStratum per stratum index of the sample, its position in {@code strata}, or -1
 * @param treatedCentre per stratum, {@code controlMean_s + att}, what its participants' changes are
 *     centred on in the influence function
 * @param treatedSumSquares per stratum, {@code sum w_i^2 (dY_i - treatedCentre_s)^2} over its
 *     participants
 * @param controlSumSquares per stratum, {@code sum w_j^2 (dY_j - controlMean_s)^2} over its
 *     comparison units
 * @param unmatchedTreated treated units observed in both periods whose stratum lacks treated or
 *     comparison units in the cell, so they are left out of it (sample indices)
 */
record StratumBreakdown(
    int[] strata,
    int[] positionOfStratum,
    int[] nTreated,
    int[] nControl,
    double[] treatedWeight,
    double[] controlWeight,
    double[] treatedMean,
    double[] controlMean,
    double[] treatedCentre,
    double[] treatedSumSquares,
    double[] controlSumSquares,
    double[] weights,
    int[] unmatchedTreated) {

  /** Position of {@code stratum} among the used strata, or -1 when the cell does not use it. */
  int position(int stratum) {
    return stratum < 0 ? -1 : positionOfStratum[stratum];
  }

  /** {@code sum psi^2 / N^2} of the cell, given the total weight of its matched treated units. */
  double variance(double totalTreatedWeight) {
    double treated = 0;
    double control = 0;
    for (int s = 0; s < strata.length; s++) {
      treated += treatedSumSquares[s] / (totalTreatedWeight * totalTreatedWeight);
      control +=
          weights[s] * weights[s] * controlSumSquares[s] / (controlWeight[s] * controlWeight[s]);
    }
    return treated + control;
  }
}
