package org.sociallearning.impact.estimation;

import java.util.List;
import java.util.TreeMap;

/**
 * A reported parameter (one ATT(g,t) or one aggregate) written as a linear functional of the
 * group-time influence functions, which is all the bootstrap and the analytic variance need:
 *
 * <pre>
 *   psi_i = sum_k cellWeights[k] * psi_{cells[k]}(i) + classTerm[class(i)]
 * </pre>
 *
 * {@code classTerm} is R's weight-estimation term {@code wif %*% att}: it depends on a unit only
 * through its class (cohort or never treated), so it is stored per class rather than per unit.
 *
 * @param cells indices into the group-time cell list (valid cells only)
 * @param cellWeights one weight per entry of {@code cells}
 * @param classTerm per class of the {@link EstimationSample}, or null when weights are fixed
 */
record LinearEstimand(
    String aggregation,
    String key,
    double estimate,
    int[] cells,
    double[] cellWeights,
    double[] classTerm) {

  static final String GROUP_TIME = "att_gt";

  static LinearEstimand ofCell(int cellIndex, GroupTimeCell cell) {
    return new LinearEstimand(
        GROUP_TIME,
        cell.group() + "," + cell.time(),
        cell.att(),
        new int[] {cellIndex},
        new double[] {1.0},
        null);
  }

  /**
   * {@code sum_j weights[j] * parts[j]}: estimate, cell weights (merged where parts share a cell)
   * and class terms alike, so the influence function is the same weighted sum.
   */
  static LinearEstimand weightedSum(
      String aggregation, String key, List<LinearEstimand> parts, double[] weights) {
    TreeMap<Integer, Double> cellWeights = new TreeMap<>();
    double[] classTerm = null;
    double estimate = 0;
    for (int j = 0; j < parts.size(); j++) {
      LinearEstimand part = parts.get(j);
      estimate += weights[j] * part.estimate();
      for (int k = 0; k < part.cells().length; k++) {
        cellWeights.merge(part.cells()[k], weights[j] * part.cellWeights()[k], Double::sum);
      }
      if (part.classTerm() != null) {
        if (classTerm == null) {
          classTerm = new double[part.classTerm().length];
        }
        for (int c = 0; c < classTerm.length; c++) {
          classTerm[c] += weights[j] * part.classTerm()[c];
        }
      }
    }
    return new LinearEstimand(
        aggregation,
        key,
        estimate,
        cellWeights.keySet().stream().mapToInt(Integer::intValue).toArray(),
        cellWeights.values().stream().mapToDouble(Double::doubleValue).toArray(),
        classTerm);
  }
}
