package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes every ATT(g,t) as a two-by-two difference in differences of means, as R
 * {@code did::att_gt} does with {@code est_method = "dr"} and no covariates (the doubly robust
 * estimator then reduces to a difference of mean changes).
 *
 * <p>Base period is R's default {@code "varying"}: for post-treatment cells the last period before
 * the cohort starts, for pre-treatment cells the period just before {@code t}. Units missing the
 * outcome in {@code t} or in the base period are left out of that cell only.
 */
final class GroupTimeEstimator {

    /** Fewer units than this on either side leaves a cell without a usable mean or variance. */
    static final int MIN_UNITS_PER_SIDE = 2;

    /** Cells in cohort-then-period order, plus the number of units behind post-treatment cells. */
    record Estimates(List<GroupTimeCell> cells, int treatedUnits, int controlUnits) {
    }

    private GroupTimeEstimator() {
    }

    static Estimates estimate(EstimationSample sample, ControlGroup control, List<String> warnings) {
        List<GroupTimeCell> cells = new ArrayList<>();
        boolean[] treatedContributor = new boolean[sample.unitCount];
        boolean[] controlContributor = new boolean[sample.unitCount];
        for (int cls = 1; cls < sample.classCount(); cls++) {
            int group = sample.cohortOf(cls);
            // Cohorts treated in the first period were dropped, so this index exists.
            int postBase = sample.lastPeriodIndexBefore(group);
            for (int ti = 1; ti < sample.periodCount(); ti++) {
                int time = sample.periods[ti];
                int bi = time >= group ? postBase : ti - 1;
                int[] controls = controlClasses(sample, control, cls, ti, bi);
                GroupTimeCell cell = cell(sample, cls, controls, ti, bi, warnings);
                cells.add(cell);
                if (cell.isValid() && cell.isPostTreatment()) {
                    markObserved(sample, new int[] {cls}, ti, bi, treatedContributor);
                    markObserved(sample, controls, ti, bi, controlContributor);
                }
            }
        }
        return new Estimates(cells, count(treatedContributor), count(controlContributor));
    }

    /**
     * The comparison classes for cohort {@code cls} in period {@code ti} against base {@code bi}.
     * A not-yet-treated option adds the cohorts first treated after both periods here.
     */
    static int[] controlClasses(EstimationSample sample, ControlGroup control, int cls, int ti, int bi) {
        return switch (control) {
            case NEVER_TREATED -> new int[] {0};
        };
    }

    private static GroupTimeCell cell(EstimationSample sample, int cls, int[] controls, int ti, int bi,
                                      List<String> warnings) {
        int group = sample.cohortOf(cls);
        int time = sample.periods[ti];
        int base = sample.periods[bi];
        SideStats treated = SideStats.of(sample, new int[] {cls}, ti, bi);
        SideStats control = SideStats.of(sample, controls, ti, bi);
        double att = treated.mean - control.mean;
        if (treated.n < MIN_UNITS_PER_SIDE || control.n < MIN_UNITS_PER_SIDE) {
            warnings.add("ATT(" + group + "," + time + ") not estimated: " + treated.n + " treated and "
                    + control.n + " control unit(s) observed in both " + time + " and base period "
                    + base + " (need at least " + MIN_UNITS_PER_SIDE + " of each)");
            att = Double.NaN;
        }
        return new GroupTimeCell(group, time, base, cls, ti, bi, controls, att, treated.n, control.n,
                treated.mean, control.mean, treated.sumSquares, control.sumSquares);
    }

    /** Count, mean and centred sum of squares of Y_t - Y_base over the observed units of classes. */
    private record SideStats(int n, double mean, double sumSquares) {

        static SideStats of(EstimationSample sample, int[] classes, int ti, int bi) {
            int n = 0;
            double sum = 0;
            for (int cls : classes) {
                for (int i : sample.unitsByClass[cls]) {
                    double change = sample.outcome[i][ti] - sample.outcome[i][bi];
                    if (!Double.isNaN(change)) {
                        n++;
                        sum += change;
                    }
                }
            }
            if (n == 0) {
                return new SideStats(0, Double.NaN, Double.NaN);
            }
            double mean = sum / n;
            // Second pass rather than sum of squares minus n*mean^2: outcomes in levels would
            // otherwise cancel catastrophically.
            double sumSquares = 0;
            for (int cls : classes) {
                for (int i : sample.unitsByClass[cls]) {
                    double change = sample.outcome[i][ti] - sample.outcome[i][bi];
                    if (!Double.isNaN(change)) {
                        sumSquares += (change - mean) * (change - mean);
                    }
                }
            }
            return new SideStats(n, mean, sumSquares);
        }
    }

    private static void markObserved(EstimationSample sample, int[] classes, int ti, int bi, boolean[] marks) {
        for (int cls : classes) {
            for (int i : sample.unitsByClass[cls]) {
                if (!Double.isNaN(sample.outcome[i][ti]) && !Double.isNaN(sample.outcome[i][bi])) {
                    marks[i] = true;
                }
            }
        }
    }

    private static int count(boolean[] marks) {
        int n = 0;
        for (boolean m : marks) {
            if (m) {
                n++;
            }
        }
        return n;
    }
}
