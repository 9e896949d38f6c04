package org.sociallearning.impact.estimation;

/**
 * Which units serve as the comparison group for a cohort in a group-time cell.
 *
 * <p>Only never-treated units for now; a not-yet-treated option (R's {@code "notyettreated"})
 * only has to name the extra cohorts in {@code GroupTimeEstimator#controlClasses}.
 */
public enum ControlGroup {
    /** Units that are never treated within the panel window (R's {@code "nevertreated"}). */
    NEVER_TREATED;

    /** Parses the command-line spelling ({@code never}, {@code nevertreated}, {@code never_treated}). */
    public static ControlGroup parse(String text) {
        String normalized = text.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", "");
        if (normalized.equals("never") || normalized.equals("nevertreated")) {
            return NEVER_TREATED;
        }
        throw new IllegalArgumentException("unknown control group '" + text + "'; expected: never");
    }
}
