package org.sociallearning.impact.estimation;

import java.util.Objects;

/**
 * Balanced-shape outcome panel handed to the estimation step: one row per unit, one column per
 * period, with each unit's first treated period.
 *
 * <p>Estimation step input: employee-month (or county-year) panel -&gt; group-time effects. The
 * arrays are shared, not copied, because panels can hold millions of cells; callers must not
 * mutate them after construction.
 *
 * @param periods   distinct periods in ascending order (e.g. 200401 or 2004)
 * @param unitGroup per unit, the first period in which the unit is treated; 0 = never treated
 * @param outcome   {@code [unit][periodIndex]} outcome; {@code NaN} = not observed
 * @param unitIds   per unit, its identifier as found in the source (for messages and joins)
 */
public record Panel(int[] periods, int[] unitGroup, double[][] outcome, String[] unitIds) {

    public Panel {
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(unitGroup, "unitGroup");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(unitIds, "unitIds");
        for (int i = 1; i < periods.length; i++) {
            if (periods[i] <= periods[i - 1]) {
                throw new IllegalArgumentException("periods must be strictly ascending, found "
                        + periods[i - 1] + " before " + periods[i] + " at index " + i);
            }
        }
        if (unitGroup.length != outcome.length || unitIds.length != outcome.length) {
            throw new IllegalArgumentException("unitGroup (" + unitGroup.length + "), outcome ("
                    + outcome.length + ") and unitIds (" + unitIds.length
                    + ") must have one entry per unit");
        }
        for (int i = 0; i < outcome.length; i++) {
            if (outcome[i] == null || outcome[i].length != periods.length) {
                throw new IllegalArgumentException("outcome row of unit " + unitIds[i] + " has "
                        + (outcome[i] == null ? "no" : String.valueOf(outcome[i].length))
                        + " values, expected one per period (" + periods.length + ")");
            }
        }
    }

    public int unitCount() {
        return outcome.length;
    }

    public int periodCount() {
        return periods.length;
    }
}
