package org.sociallearning.impact.estimation;

import java.util.List;

/**
 * Unit-level influence functions of the estimands (one value per kept unit, unit = cluster), and
 * the analytic standard error {@code sqrt(sum_i psi_i^2) / N} that R's {@code getSE} reports when
 * the bootstrap is switched off.
 *
 * <p>The bootstrap never needs these dense vectors (it works on class sums, see
 * {@link MultiplierBootstrap}); they exist for analytic errors and for checking that path.
 */
final class InfluenceFunctions {

    private InfluenceFunctions() {
    }

    static double analyticStandardError(EstimationSample sample, List<GroupTimeCell> cells, LinearEstimand estimand) {
        if (estimand.cells().length == 1 && estimand.classTerm() == null && estimand.cellWeights()[0] == 1.0) {
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
    static double[] dense(EstimationSample sample, List<GroupTimeCell> cells, LinearEstimand estimand) {
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
        double n = sample.unitCount;
        addSide(sample, new int[] {cell.treatedClass()}, cell, weight * n / cell.nTreated(), cell.treatedMean(), psi);
        addSide(sample, cell.controlClasses(), cell, -weight * n / cell.nControl(), cell.controlMean(), psi);
    }

    private static void addSide(EstimationSample sample, int[] classes, GroupTimeCell cell, double scale,
                                double mean, double[] psi) {
        int ti = cell.timeIndex();
        int bi = cell.baseIndex();
        for (int cls : classes) {
            for (int i : sample.unitsByClass[cls]) {
                double change = sample.outcome[i][ti] - sample.outcome[i][bi];
                if (!Double.isNaN(change)) {
                    psi[i] += scale * (change - mean);
                }
            }
        }
    }
}
