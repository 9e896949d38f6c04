package org.sociallearning.impact.estimation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Precomputed layout that makes one bootstrap replicate cost about O(units x periods) plus the
 * gaps in the panel, instead of O(units x cells).
 *
 * <p>Each side of a cell needs {@code S = sum V_i (Y_it - Y_ib)} and {@code W = sum V_i} over the
 * units of one class observed in both t and b (a "pair"). With outcomes zero-filled where missing,
 * {@code S = A_t - A_b - sum_{missing b} V_i Y_it + sum_{missing t} V_i Y_ib}, where
 * {@code A_t = sum_class V_i Y_it} is computed once per replicate for all pairs; so a pair only
 * visits the units missing one of its periods. When most units are missing, visiting the units
 * observed in t directly is cheaper, and the layout picks that path per pair instead.
 *
 * <p>Storage is per class and period-major ({@code outcome[class][period][member]}) so that the
 * per-pair loops read short contiguous arrays rather than striding through the whole panel.
 * Outcomes are centred on each unit's first observed value: changes are unaffected, and the
 * per-class sums of levels no longer cancel catastrophically.
 */
final class BootstrapLayout {

    final int unitCount;
    final int periodCount;
    final int classCount;
    /** Per class, its units (sample indices); member j of class c is unit members[c][j]. */
    final int[][] members;
    /** Centred outcomes, 0 where missing: outcome[class][period][member]. */
    final double[][][] outcome;
    final boolean[][][] observed;
    /** Members missing / observed in a period: [class][period] -&gt; ascending member indices. */
    final int[][][] missingAt;
    final int[][][] observedAt;
    /** Distinct (class, time index, base index) pairs the cells need, and how to sum each. */
    final int[] pairClass;
    final int[] pairTime;
    final int[] pairBase;
    final boolean[] pairDirect;
    /** Per cell: its treated pair and its control pairs; -1 / null for cells without an estimate. */
    final int[] cellTreatedPair;
    final int[][] cellControlPairs;
    final List<GroupTimeCell> cells;

    BootstrapLayout(EstimationSample sample, List<GroupTimeCell> cells) {
        this.cells = cells;
        this.unitCount = sample.unitCount;
        this.periodCount = sample.periodCount();
        this.classCount = sample.classCount();
        this.members = sample.unitsByClass;
        this.outcome = new double[classCount][periodCount][];
        this.observed = new boolean[classCount][periodCount][];
        this.missingAt = new int[classCount][periodCount][];
        this.observedAt = new int[classCount][periodCount][];
        for (int c = 0; c < classCount; c++) {
            layOutClass(sample, c);
        }

        Map<Long, Integer> pairIndex = new HashMap<>();
        this.cellTreatedPair = new int[cells.size()];
        this.cellControlPairs = new int[cells.size()][];
        for (int k = 0; k < cells.size(); k++) {
            GroupTimeCell cell = cells.get(k);
            if (!cell.isValid()) {
                cellTreatedPair[k] = -1;
                continue;
            }
            cellTreatedPair[k] = pair(pairIndex, cell.treatedClass(), cell.timeIndex(), cell.baseIndex());
            int[] controls = new int[cell.controlClasses().length];
            for (int c = 0; c < controls.length; c++) {
                controls[c] = pair(pairIndex, cell.controlClasses()[c], cell.timeIndex(), cell.baseIndex());
            }
            cellControlPairs[k] = controls;
        }
        int pairs = pairIndex.size();
        this.pairClass = new int[pairs];
        this.pairTime = new int[pairs];
        this.pairBase = new int[pairs];
        this.pairDirect = new boolean[pairs];
        for (Map.Entry<Long, Integer> e : pairIndex.entrySet()) {
            long key = e.getKey();
            int p = e.getValue();
            int c = (int) (key / ((long) periodCount * periodCount));
            int ti = (int) ((key / periodCount) % periodCount);
            int bi = (int) (key % periodCount);
            pairClass[p] = c;
            pairTime[p] = ti;
            pairBase[p] = bi;
            pairDirect[p] = observedAt[c][ti].length < missingAt[c][ti].length + missingAt[c][bi].length;
        }
    }

    int pairCount() {
        return pairClass.length;
    }

    private void layOutClass(EstimationSample sample, int c) {
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

    private int pair(Map<Long, Integer> index, int cls, int ti, int bi) {
        long key = ((long) cls * periodCount + ti) * periodCount + bi;
        return index.computeIfAbsent(key, k -> index.size());
    }
}
