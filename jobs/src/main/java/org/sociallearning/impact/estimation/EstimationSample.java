package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The units that enter estimation, after R {@code did}'s pre-processing, indexed by class:
 * class 0 = never treated, class {@code c >= 1} = cohort {@code groups[c - 1]}.
 *
 * <p>Every later step works on classes rather than raw cohort values because influence-function
 * terms that come from estimated cohort shares depend on a unit only through its class.
 */
final class EstimationSample {

    /** R warns about cohorts below this size (5 + number of covariates, and we have none). */
    private static final int SMALL_COHORT = 5;
    private static final int IDS_IN_MESSAGES = 5;

    final int[] periods;
    /** Cohorts (first treated period), ascending; class c is groups[c - 1]. */
    final int[] groups;
    /** Per kept unit: its class. */
    final int[] unitClass;
    /** Per kept unit: outcome row, shared with the panel (not copied). */
    final double[][] outcome;
    final int[][] unitsByClass;
    final int unitCount;

    private EstimationSample(int[] periods, int[] groups, int[] unitClass, double[][] outcome) {
        this.periods = periods;
        this.groups = groups;
        this.unitClass = unitClass;
        this.outcome = outcome;
        this.unitCount = unitClass.length;
        int classes = groups.length + 1;
        this.unitsByClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            final int cls = c;
            unitsByClass[c] = java.util.stream.IntStream.range(0, unitCount)
                    .filter(i -> unitClass[i] == cls).toArray();
        }
    }

    static EstimationSample prepare(Panel panel, List<String> warnings) {
        return prepare(panel, 0, warnings);
    }

    /**
     * Applies R {@code did}'s sample rules: units already treated in the first period have no
     * pre-period and are dropped; with anticipation, so are units whose anticipation window
     * starts in the first period (R 2.x drops {@code g <= first + anticipation}); cohorts that
     * start after the last period are never treated within the window and become controls. Units
     * with no observed outcome at all carry no information and are dropped too. Each rule that
     * fires adds one warning.
     */
    static EstimationSample prepare(Panel panel, int anticipation, List<String> warnings) {
        int[] periods = panel.periods();
        if (periods.length < 2) {
            throw new IllegalArgumentException("the panel needs at least two periods, found " + periods.length);
        }
        int first = periods[0];
        int last = periods[periods.length - 1];
        // Anticipation counts steps in the periods array, so the cut-off is a period, not first + n.
        int lastWithoutBase = periods[Math.min(anticipation, periods.length - 1)];
        List<Integer> kept = new ArrayList<>();
        List<String> alreadyTreated = new ArrayList<>();
        List<String> neverObserved = new ArrayList<>();
        List<String> treatedAfterWindow = new ArrayList<>();
        for (int i = 0; i < panel.unitCount(); i++) {
            int g = panel.unitGroup()[i];
            if (g < 0) {
                throw new IllegalArgumentException("unit " + panel.unitIds()[i] + " has group " + g
                        + "; groups are first treated periods, or 0 for never treated");
            }
            if (!observedAnywhere(panel.outcome()[i])) {
                neverObserved.add(panel.unitIds()[i]);
            } else if (g != 0 && g <= lastWithoutBase) {
                alreadyTreated.add(panel.unitIds()[i]);
            } else {
                if (g > last) {
                    treatedAfterWindow.add(panel.unitIds()[i]);
                }
                kept.add(i);
            }
        }
        warnIfAny(warnings, alreadyTreated, anticipation == 0
                ? "treated in or before the first period " + first + " (no pre-treatment period), dropped"
                : "first treated by period " + lastWithoutBase + " (with " + anticipation
                        + " anticipation period(s) no pre-treatment period is left), dropped");
        warnIfAny(warnings, neverObserved, "without any observed outcome, dropped");
        warnIfAny(warnings, treatedAfterWindow, "first treated after the last period " + last
                + ", used as never treated");

        TreeSet<Integer> cohorts = new TreeSet<>();
        for (int i : kept) {
            int g = panel.unitGroup()[i];
            if (g != 0 && g <= last) {
                cohorts.add(g);
            }
        }
        int[] groups = cohorts.stream().mapToInt(Integer::intValue).toArray();
        int[] unitClass = new int[kept.size()];
        double[][] outcome = new double[kept.size()][];
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.get(k);
            int g = panel.unitGroup()[i];
            unitClass[k] = (g == 0 || g > last) ? 0 : Arrays.binarySearch(groups, g) + 1;
            outcome[k] = panel.outcome()[i];
        }
        EstimationSample sample = new EstimationSample(periods, groups, unitClass, outcome);
        sample.warnAboutSmallCohorts(warnings);
        return sample;
    }

    int classCount() {
        return groups.length + 1;
    }

    int periodCount() {
        return periods.length;
    }

    /** Share of all kept units (never treated included) in a class: R's {@code pg}. */
    double share(int cls) {
        return unitsByClass[cls].length / (double) unitCount;
    }

    int cohortOf(int cls) {
        return groups[cls - 1];
    }

    /**
     * Index of the first period at or after {@code period} ({@code periodCount()} if none): where
     * a cohort starts in the periods array, also when it starts between two observed periods.
     */
    int firstPeriodIndexAtOrAfter(int period) {
        int at = Arrays.binarySearch(periods, period);
        return at >= 0 ? at : -at - 1;
    }

    /** Index of the last period strictly before {@code period}, or -1 if there is none. */
    int lastPeriodIndexBefore(int period) {
        int at = Arrays.binarySearch(periods, period);
        int insertion = at >= 0 ? at : -at - 1;
        return insertion - 1;
    }

    private void warnAboutSmallCohorts(List<String> warnings) {
        for (int c = 1; c < classCount(); c++) {
            if (unitsByClass[c].length < SMALL_COHORT) {
                warnings.add("cohort " + cohortOf(c) + " has only " + unitsByClass[c].length
                        + " unit(s); its effects are imprecise");
            }
        }
    }

    private static void warnIfAny(List<String> warnings, List<String> ids, String what) {
        if (ids.isEmpty()) {
            return;
        }
        String shown = String.join(", ", ids.subList(0, Math.min(IDS_IN_MESSAGES, ids.size())));
        String more = ids.size() > IDS_IN_MESSAGES ? ", ..." : "";
        warnings.add(ids.size() + " unit(s) " + what + " (" + shown + more + ")");
    }

    private static boolean observedAnywhere(double[] row) {
        for (double y : row) {
            if (!Double.isNaN(y)) {
                return true;
            }
        }
        return false;
    }
}
