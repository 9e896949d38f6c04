package org.sociallearning.impact.estimation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Precomputed layout that makes one bootstrap replicate cost about O(units x periods) plus the gaps
 * in the panel, instead of O(units x cells).
 *
 * <p>Each side of a cell needs {@code S = sum V_i (Y_it - Y_ib)} and {@code W = sum V_i} over the
 * units of one block (a class, or with strata a class within one stratum) observed in both t and b
 * (a "pair"). With outcomes zero-filled where missing, {@code S = A_t - A_b - sum_{missing b} V_i
 * Y_it + sum_{missing t} V_i Y_ib}, where {@code A_t = sum_class V_i Y_it} is computed once per
 * replicate for all pairs; so a pair only visits the units missing one of its periods. When most
 * units are missing, visiting the units observed in t directly is cheaper, and the layout picks
 * that path per pair instead.
 *
 * <p>Storage is per block and period-major ({@code outcome[block][period][member]}) so that the
 * per-pair loops read short contiguous arrays rather than striding through the whole panel.
 * Outcomes are centred on each unit's first observed value: changes are unaffected, and the
 * per-block sums of levels no longer cancel catastrophically.
 *
 * <p>Covariate-adjusted cells are no differences of means: they get no pairs, and their draws come
 * from their stored influence functions instead ({@link StoredInfluenceDraws}).
 */
final class BootstrapLayout {

  final int unitCount;
  final int periodCount;
  final int classCount;
  final int blockCount;

  /** Per block, its class. */
  final int[] blockClass;

  /** Per block, its units (sample indices); member j of block b is unit members[b][j]. */
  final int[][] members;

  /** Centred outcomes, 0 where missing: outcome[block][period][member]. */
  final double[][][] outcome;

  final boolean[][][] observed;

  /** Members missing / observed in a period: [block][period] -&gt; ascending member indices. */
  final int[][][] missingAt;

  final int[][][] observedAt;

  /** Distinct (block, time index, base index) pairs the cells need, and how to sum each. */
  final int[] pairBlock;

  final int[] pairTime;
  final int[] pairBase;
  final boolean[] pairDirect;

  /**
   * Per cell: its treated pair and its control pairs; -1 / null for cells without an estimate and
   * for covariate-adjusted cells.
   */
  final int[] cellTreatedPair;

  final int[][] cellControlPairs;

  /**
   * Stratified cells only (else null): per used stratum, its treated pair and its control pairs.
   */
  final int[][] cellStratumTreatedPairs;

  final int[][][] cellStratumControlPairs;
  final List<GroupTimeCell> cells;

  /** The covariate-adjusted cells (valid, with a stored influence function), ascending. */
  final int[] influenceCells;

  /** Per cell, its position in {@link #influenceCells}, or -1. */
  final int[] influencePosition;

  /**
   * @throws IllegalArgumentException for a weighted sample: a unit's weight depends on the period
   *     measured, so {@code sum V_i w_it (Y_it - Y_ib)} has no per-period totals to precompute (see
   *     {@link StaggeredDid})
   */
  BootstrapLayout(EstimationSample sample, List<GroupTimeCell> cells) {
    if (sample.isWeighted()) {
      throw new IllegalArgumentException(
          "the multiplier bootstrap does not support weighted panels;"
              + " use analytic standard errors (0 replicates)");
    }
    this.cells = cells;
    this.unitCount = sample.unitCount;
    this.periodCount = sample.periodCount();
    this.classCount = sample.classCount();
    this.blockCount = sample.unitsByBlock.length;
    this.blockClass = sample.blockClass;
    this.members = sample.unitsByBlock;
    this.outcome = new double[blockCount][periodCount][];
    this.observed = new boolean[blockCount][periodCount][];
    this.missingAt = new int[blockCount][periodCount][];
    this.observedAt = new int[blockCount][periodCount][];
    for (int b = 0; b < blockCount; b++) {
      layOutBlock(sample, b);
    }

    Map<Long, Integer> pairIndex = new HashMap<>();
    this.cellTreatedPair = new int[cells.size()];
    this.cellControlPairs = new int[cells.size()][];
    this.cellStratumTreatedPairs = new int[cells.size()][];
    this.cellStratumControlPairs = new int[cells.size()][][];
    this.influencePosition = new int[cells.size()];
    java.util.Arrays.fill(influencePosition, -1);
    List<Integer> influence = new java.util.ArrayList<>();
    for (int k = 0; k < cells.size(); k++) {
      GroupTimeCell cell = cells.get(k);
      if (!cell.isValid()) {
        cellTreatedPair[k] = -1;
        continue;
      }
      if (cell.influence() != null) {
        cellTreatedPair[k] = -1;
        influencePosition[k] = influence.size();
        influence.add(k);
        continue;
      }
      if (cell.strata() != null) {
        layOutStratifiedCell(sample, pairIndex, k, cell);
        continue;
      }
      // Without strata, class c is block c.
      cellTreatedPair[k] = pair(pairIndex, cell.treatedClass(), cell.timeIndex(), cell.baseIndex());
      int[] controls = new int[cell.controlClasses().length];
      for (int c = 0; c < controls.length; c++) {
        controls[c] = pair(pairIndex, cell.controlClasses()[c], cell.timeIndex(), cell.baseIndex());
      }
      cellControlPairs[k] = controls;
    }
    this.influenceCells = influence.stream().mapToInt(Integer::intValue).toArray();
    int pairs = pairIndex.size();
    this.pairBlock = new int[pairs];
    this.pairTime = new int[pairs];
    this.pairBase = new int[pairs];
    this.pairDirect = new boolean[pairs];
    for (Map.Entry<Long, Integer> e : pairIndex.entrySet()) {
      long key = e.getKey();
      int p = e.getValue();
      int c = (int) (key / ((long) periodCount * periodCount));
      int ti = (int) ((key / periodCount) % periodCount);
      int bi = (int) (key % periodCount);
      pairBlock[p] = c;
      pairTime[p] = ti;
      pairBase[p] = bi;
      pairDirect[p] = observedAt[c][ti].length < missingAt[c][ti].length + missingAt[c][bi].length;
    }
  }

  int pairCount() {
    return pairBlock.length;
  }

  private void layOutStratifiedCell(
      EstimationSample sample, Map<Long, Integer> pairIndex, int k, GroupTimeCell cell) {
    int[] strata = cell.strata().strata();
    cellTreatedPair[k] = Integer.MAX_VALUE; // valid, summed per stratum
    cellStratumTreatedPairs[k] = new int[strata.length];
    cellStratumControlPairs[k] = new int[strata.length][];
    for (int p = 0; p < strata.length; p++) {
      cellStratumTreatedPairs[k][p] =
          pair(
              pairIndex,
              sample.block(cell.treatedClass(), strata[p]),
              cell.timeIndex(),
              cell.baseIndex());
      int[] blocks = StratumMatching.controlBlocks(sample, cell.controlClasses(), strata[p]);
      int[] controls = new int[blocks.length];
      for (int c = 0; c < blocks.length; c++) {
        controls[c] = pair(pairIndex, blocks[c], cell.timeIndex(), cell.baseIndex());
      }
      cellStratumControlPairs[k][p] = controls;
    }
  }

  private void layOutBlock(EstimationSample sample, int c) {
    int[] units = members[c];
    double[] anchor = new double[units.length];
    for (int j = 0; j < units.length; j++) {
      for (double y : sample.outcome[units[j]]) {
        if (!Double.isNaN(y)) {
          anchor[j] = y;
          break;
        }
      }
    }
    for (int t = 0; t < periodCount; t++) {
      double[] y = new double[units.length];
      boolean[] seen = new boolean[units.length];
      for (int j = 0; j < units.length; j++) {
        double value = sample.outcome[units[j]][t];
        seen[j] = !Double.isNaN(value);
        y[j] = seen[j] ? value - anchor[j] : 0.0;
      }
      outcome[c][t] = y;
      observed[c][t] = seen;
      missingAt[c][t] = IntStream.range(0, units.length).filter(j -> !seen[j]).toArray();
      observedAt[c][t] = IntStream.range(0, units.length).filter(j -> seen[j]).toArray();
    }
  }

  private int pair(Map<Long, Integer> index, int block, int ti, int bi) {
    long key = ((long) block * periodCount + ti) * periodCount + bi;
    return index.computeIfAbsent(key, k -> index.size());
  }
}
