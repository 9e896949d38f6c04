package org.sociallearning.impact.estimation;

/**
 * Internal form of one ATT(g,t): the point estimate plus the per-side means and sums of squares
 * that define its influence function
 * {@code psi_i = (N/nTreated)(dY_i - treatedMean)} for treated units in the cell and
 * {@code -(N/nControl)(dY_i - controlMean)} for control units in the cell (0 for everyone else),
 * where {@code dY_i = Y_i,time - Y_i,base} and N is the number of kept units.
 *
 * <p>A stratified cell carries its {@link StratumBreakdown}; its counts are then the matched units
 * summed over the strata used, {@code treatedMean} the matched treated mean and
 * {@code controlMean} the counterfactual {@code sum_s w_s controlMean_s}, so that
 * {@code att = treatedMean - controlMean} still holds; the influence function (participants centred
 * on their stratum's counterfactual) and {@code treatedSumSquares} are the breakdown's.
 *
 * @param treatedClass   class of cohort {@code group} in the {@link EstimationSample}
 * @param controlClasses classes pooled as controls (just 0 with never-treated controls)
 * @param placebo        a pre-treatment cell before any anticipation window: parallel trends say
 *                       its effect is zero, so the pre-trend test uses exactly these cells
 * @param strata         per-stratum parts, or null for the unstratified estimator
 */
record GroupTimeCell(int group, int time, int base, int treatedClass, int timeIndex, int baseIndex,
                     int[] controlClasses, double att, int nTreated, int nControl,
                     double treatedMean, double controlMean,
                     double treatedSumSquares, double controlSumSquares, boolean placebo,
                     StratumBreakdown strata) {

    /** An unstratified cell. */
    GroupTimeCell(int group, int time, int base, int treatedClass, int timeIndex, int baseIndex,
                  int[] controlClasses, double att, int nTreated, int nControl,
                  double treatedMean, double controlMean,
                  double treatedSumSquares, double controlSumSquares, boolean placebo) {
        this(group, time, base, treatedClass, timeIndex, baseIndex, controlClasses, att, nTreated, nControl,
                treatedMean, controlMean, treatedSumSquares, controlSumSquares, placebo, null);
    }

    /** The same cell with no estimate, for cells too thin to estimate. */
    GroupTimeCell withoutEstimate() {
        return new GroupTimeCell(group, time, base, treatedClass, timeIndex, baseIndex, controlClasses, Double.NaN,
                nTreated, nControl, treatedMean, controlMean, treatedSumSquares, controlSumSquares, placebo, strata);
    }

    boolean isValid() {
        return !Double.isNaN(att);
    }

    boolean isPostTreatment() {
        return time >= group;
    }

    int eventTime() {
        return time - group;
    }

    /** {@code sqrt(sum psi^2) / N}, which no longer depends on N. */
    double analyticStandardError() {
        if (strata != null) {
            return Math.sqrt(strata.variance(nTreated));
        }
        return Math.sqrt(treatedSumSquares / ((double) nTreated * nTreated)
                + controlSumSquares / ((double) nControl * nControl));
    }
}
