package org.sociallearning.impact.estimation;

/**
 * The per-stratum parts of one stratified ATT(g,t) (see {@link StratumMatching}): for each stratum
 * used in the cell, the counts, means and centred sums of squares of {@code dY = Y_t - Y_base} on
 * both sides and the stratum's weight {@code w_s = nTreated_s / nTreated}.
 *
 * <p>The influence function of the cell follows from the weighted difference in means with the
 * weights held fixed: {@code psi_i = (N/nTreated)(dY_i - treatedMean_s)} for a treated unit of
 * stratum s and {@code -(N w_s/nControl_s)(dY_j - controlMean_s)} for a comparison unit of stratum
 * s; units of strata that are not used get 0.
 *
 * @param strata             stratum indices used in the cell, ascending
 * @param positionOfStratum  per stratum index of the sample, its position in {@code strata}, or -1
 * @param unmatchedTreated   treated units observed in both periods whose stratum has no comparison
 *                           unit in the cell, so they are left out of it (sample indices)
 */
record StratumBreakdown(int[] strata, int[] positionOfStratum, int[] nTreated, int[] nControl,
                        double[] treatedMean, double[] controlMean, double[] treatedSumSquares,
                        double[] controlSumSquares, double[] weights, int[] unmatchedTreated) {

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
