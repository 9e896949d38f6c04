package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;

/**
 * Unit-level influence functions of the estimands (one value per kept unit, unit = cluster), and
 * the analytic standard error {@code sqrt(sum_i psi_i^2) / N} that R's {@code getSE} reports when
 * the bootstrap is switched off.
 *
 * <p>The bootstrap never needs these dense vectors (it works on class sums, see {@link
 * MultiplierBootstrap}, and on the cells' own sparse influence functions with covariates); they
 * exist for analytic errors, for the covariance behind the pre-trend test, and for checking those
 * paths.
 */
final class InfluenceFunctions {

  /** Units per block in {@link #covariance}: bounds memory at cells x this many doubles. */
  private static final int BLOCK = 256;

  private InfluenceFunctions() {}

  static double analyticStandardError(
      EstimationSample sample, List<GroupTimeCell> cells, LinearEstimand estimand) {
    if (estimand.cells().length == 1
        && estimand.classTerm() == null
        && estimand.cellWeights()[0] == 1.0) {
      return cells.get(estimand.cells()[0]).analyticStandardError();
    }
    double[] psi = dense(sample, cells, estimand);
    double sumSquares = 0;
    for (double v : psi) {
      sumSquares += v * v;
    }
    return Math.sqrt(sumSquares) / sample.unitCount;
  }

  /** psi_i for every kept unit i, in the scale where the estimate is mean(psi) away from truth. */
  static double[] dense(
      EstimationSample sample, List<GroupTimeCell> cells, LinearEstimand estimand) {
    double[] psi = new double[sample.unitCount];
    for (int k = 0; k < estimand.cells().length; k++) {
      addCell(sample, cells.get(estimand.cells()[k]), estimand.cellWeights()[k], psi);
    }
    if (estimand.classTerm() != null) {
      for (int i = 0; i < psi.length; i++) {
        psi[i] += estimand.classTerm()[sample.unitClass[i]];
      }
    }
    return psi;
  }

  /** Adds {@code weight * psi_cell} to {@code psi}. */
  static void addCell(EstimationSample sample, GroupTimeCell cell, double weight, double[] psi) {
    if (cell.influence() != null) {
      cell.influence().addTo(weight, psi);
      return;
    }
    double n = sample.unitCount;
    if (cell.strata() == null) {
      addSide(
          sample,
          sample.unitsByClass,
          new int[] {cell.treatedClass()},
          cell,
          weight * n / cell.treatedWeight(),
          cell.treatedMean(),
          psi);
      addSide(
          sample,
          sample.unitsByClass,
          cell.controlClasses(),
          cell,
          -weight * n / cell.controlWeight(),
          cell.controlMean(),
          psi);
      return;
    }
    StratumBreakdown strata = cell.strata();
    for (int p = 0; p < strata.strata().length; p++) {
      int s = strata.strata()[p];
      addSide(
          sample,
          sample.unitsByBlock,
          new int[] {sample.block(cell.treatedClass(), s)},
          cell,
          weight * n / cell.treatedWeight(),
          strata.treatedCentre()[p],
          psi);
      addSide(
          sample,
          sample.unitsByBlock,
          StratumMatching.controlBlocks(sample, cell.controlClasses(), s),
          cell,
          -weight * n * strata.weights()[p] / strata.controlWeight()[p],
          strata.controlMean()[p],
          psi);
    }
  }

  /**
   * Adds {@code scale * w_i * (dY_i - mean)} for the observed members of some classes or blocks
   * ({@code w_i} the unit's weight in the cell's period, 1 when unweighted).
   */
  private static void addSide(
      EstimationSample sample,
      int[][] membersOf,
      int[] groups,
      GroupTimeCell cell,
      double scale,
      double mean,
      double[] psi) {
    int ti = cell.timeIndex();
    int bi = cell.baseIndex();
    for (int g : groups) {
      for (int i : membersOf[g]) {
        double change = sample.outcome[i][ti] - sample.outcome[i][bi];
        if (!Double.isNaN(change)) {
          psi[i] += scale * sample.weight(i, ti) * (change - mean);
        }
      }
    }
  }

  /**
   * {@code Sigma[a][b] = sum_i psi_a(i) psi_b(i) / N^2} for the given cells (R's {@code t(inffunc)
   * %*% inffunc / n}, divided once more by n so that its diagonal is the squared analytic standard
   * error).
   *
   * <p>Computed block by block (a block is a class, or a class within one stratum) and in chunks of
   * units, touching only the cells whose influence function is non-zero on a block, so it never
   * holds a units x cells matrix.
   */
  static double[][] covariance(EstimationSample sample, List<GroupTimeCell> cells, int[] which) {
    if (sample.hasCovariates()) {
      return covarianceOfStoredInfluence(sample, cells, which);
    }
    int k = which.length;
    double[][] cross = new double[k][k];
    double n = sample.unitCount;
    // Without strata every class is one block, so this is the class-by-class computation.
    for (int block = 0; block < sample.unitsByBlock.length; block++) {
      int cls = sample.blockClass[block];
      int stratum = sample.blockStratum[block];
      List<double[]> sides = new ArrayList<>(); // {position in which, scale, mean}
      for (int a = 0; a < k; a++) {
        GroupTimeCell cell = cells.get(which[a]);
        StratumBreakdown strata = cell.strata();
        int p = strata == null ? -1 : strata.position(stratum);
        if (strata != null && p < 0) {
          continue;
        }
        if (cell.treatedClass() == cls) {
          sides.add(
              strata == null
                  ? new double[] {a, n / cell.treatedWeight(), cell.treatedMean()}
                  : new double[] {a, n / cell.treatedWeight(), strata.treatedCentre()[p]});
        } else if (contains(cell.controlClasses(), cls)) {
          sides.add(
              strata == null
                  ? new double[] {a, -n / cell.controlWeight(), cell.controlMean()}
                  : new double[] {
                    a, -n * strata.weights()[p] / strata.controlWeight()[p], strata.controlMean()[p]
                  });
        }
      }
      if (!sides.isEmpty()) {
        accumulateBlock(sample, cells, which, sample.unitsByBlock[block], sides, cross);
      }
    }
    for (int a = 0; a < k; a++) {
      for (int b = 0; b <= a; b++) {
        cross[a][b] /= n * n;
        cross[b][a] = cross[a][b];
      }
    }
    return cross;
  }

  /**
   * The same for covariate-adjusted cells, whose influence functions are stored per unit: scattered
   * into dense vectors, then every pair's dot product.
   */
  private static double[][] covarianceOfStoredInfluence(
      EstimationSample sample, List<GroupTimeCell> cells, int[] which) {
    int k = which.length;
    double n = sample.unitCount;
    double[][] psi = new double[k][sample.unitCount];
    for (int a = 0; a < k; a++) {
      addCell(sample, cells.get(which[a]), 1.0, psi[a]);
    }
    double[][] cross = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b <= a; b++) {
        double dot = 0;
        for (int i = 0; i < psi[a].length; i++) {
          dot += psi[a][i] * psi[b][i];
        }
        cross[a][b] = dot / (n * n);
        cross[b][a] = cross[a][b];
      }
    }
    return cross;
  }

  /** Adds {@code sum_i psi_a(i) psi_b(i)} over the members of one block to the lower triangle. */
  private static void accumulateBlock(
      EstimationSample sample,
      List<GroupTimeCell> cells,
      int[] which,
      int[] members,
      List<double[]> sides,
      double[][] cross) {
    int m = sides.size();
    double[][] block = new double[m][BLOCK];
    for (int from = 0; from < members.length; from += BLOCK) {
      int size = Math.min(BLOCK, members.length - from);
      for (int s = 0; s < m; s++) {
        double[] side = sides.get(s);
        GroupTimeCell cell = cells.get(which[(int) side[0]]);
        for (int j = 0; j < size; j++) {
          int i = members[from + j];
          double[] y = sample.outcome[i];
          double change = y[cell.timeIndex()] - y[cell.baseIndex()];
          block[s][j] =
              Double.isNaN(change)
                  ? 0.0
                  : side[1] * sample.weight(i, cell.timeIndex()) * (change - side[2]);
        }
      }
      for (int s = 0; s < m; s++) {
        int a = (int) sides.get(s)[0];
        for (int r = 0; r <= s; r++) {
          int b = (int) sides.get(r)[0];
          double dot = 0;
          for (int j = 0; j < size; j++) {
            dot += block[s][j] * block[r][j];
          }
          // Sides are in ascending cell order, so a >= b and this stays in the lower triangle.
          cross[a][b] += dot;
        }
      }
    }
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }
}
