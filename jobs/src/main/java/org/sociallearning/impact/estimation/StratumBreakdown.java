package org.sociallearning.impact.estimation;

/**
 * The per-stratum parts of one stratified ATT(g,t) (see {@link StratumMatching}): for each stratum
 * used in the cell, the counts and means of {@code dY = Y_t - Y_base} on both sides, the
 * participants' centre, the sums of squares around the centres, and the stratum's weight
 * {@code w_s = nTreated_s / nTreated}.
 *
 * <p>The estimand is {@code sum_s w_s (treatedMean_s - controlMean_s)} with the weights estimated
 * from the participants' strata, so the influence function of a treated unit of stratum s is
 * {@code (N/nTreated)(dY_i - treatedMean_s) + (N/nTreated)(effect_s - att)
 * = (N/nTreated)(dY_i - treatedCentre_s)} with {@code treatedCentre_s = controlMean_s + att}: the
 * second term is the weight-estimation part, and it is what carries differences in effect
 * between strata into the variance (holding the weights fixed understates it when effects differ
 * between strata of different sizes). A comparison unit of stratum s gets
 * {@code -(N w_s/nControl_s)(dY_j - controlMean_s)}; units of strata that are not used get 0.
 *
 * @param strata             stratum indices used in the cell, ascending
 * @param positionOfStratum  per stratum index of the sample, its position in {@code strata}, or -1
 * @param treatedCentre      per stratum, {@code controlMean_s + att}, what its participants'
 *                           changes are centred on in the influence function
 * @param treatedSumSquares  per stratum, {@code sum (dY_i - treatedCentre_s)^2} over its participants
 * @param controlSumSquares  per stratum, {@code sum (dY_j - controlMean_s)^2} over its comparison units
 * @param unmatchedTreated   treated units observed in both periods whose stratum lacks treated or
 *                           comparison units in the cell, so they are left out of it (sample indices)
 */
record StratumBreakdown(int[] strata, int[] positionOfStratum, int[] nTreated, int[] nControl,
                        double[] treatedMean, double[] controlMean, double[] treatedCentre,
                        double[] treatedSumSquares, double[] controlSumSquares, double[] weights,
                        int[] unmatchedTreated) {

    /** Position of {@code stratum} among the used strata, or -1 when the cell does not use it. */
    int position(int stratum) {
        return stratum < 0 ? -1 : positionOfStratum[stratum];
    }

    /** {@code sum psi^2 / N^2} of the cell, given its total number of matched treated units. */
    double variance(int totalTreated) {
        double treated = 0;
        double control = 0;
        for (int s = 0; s < strata.length; s++) {
            treated += treatedSumSquares[s] / ((double) totalTreated * totalTreated);
            control += weights[s] * weights[s] * controlSumSquares[s] / ((double) nControl[s] * nControl[s]);
        }
        return treated + control;
    }
}
