package org.sociallearning.impact.estimation;

/**
 * A reported parameter (one ATT(g,t) or one aggregate) written as a linear functional of the
 * group-time influence functions, which is all the bootstrap and the analytic variance need:
 * <pre>
 *   psi_i = sum_k cellWeights[k] * psi_{cells[k]}(i) + classTerm[class(i)]
 * </pre>
 * {@code classTerm} is R's weight-estimation term {@code wif %*% att}: it depends on a unit only
 * through its class (cohort or never treated), so it is stored per class rather than per unit.
 *
 * @param cells       indices into the group-time cell list (valid cells only)
 * @param cellWeights one weight per entry of {@code cells}
 * @param classTerm   per class of the {@link EstimationSample}, or null when weights are fixed
 */
record LinearEstimand(String aggregation, String key, double estimate, int[] cells, double[] cellWeights,
                      double[] classTerm) {

    static final String GROUP_TIME = "att_gt";

    static LinearEstimand ofCell(int cellIndex, GroupTimeCell cell) {
        return new LinearEstimand(GROUP_TIME, cell.group() + "," + cell.time(), cell.att(),
                new int[] {cellIndex}, new double[] {1.0}, null);
    }
}
