package org.sociallearning.impact.estimation;

/**
 * Internal form of one ATT(g,t): the point estimate plus the per-side means and sums of squares
 * that define its influence function
 * {@code psi_i = (N/nTreated)(dY_i - treatedMean)} for treated units in the cell and
 * {@code -(N/nControl)(dY_i - controlMean)} for control units in the cell (0 for everyone else),
 * where {@code dY_i = Y_i,time - Y_i,base} and N is the number of kept units.
 *
 * @param treatedClass   class of cohort {@code group} in the {@link EstimationSample}
 * @param controlClasses classes pooled as controls (just 0 with never-treated controls)
 * @param placebo        a pre-treatment cell before any anticipation window: parallel trends say
 *                       its effect is zero, so the pre-trend test uses exactly these cells
 */
record GroupTimeCell(int group, int time, int base, int treatedClass, int timeIndex, int baseIndex,
                     int[] controlClasses, double att, int nTreated, int nControl,
                     double treatedMean, double controlMean,
                     double treatedSumSquares, double controlSumSquares, boolean placebo) {

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
        return Math.sqrt(treatedSumSquares / ((double) nTreated * nTreated)
                + controlSumSquares / ((double) nControl * nControl));
    }
}
