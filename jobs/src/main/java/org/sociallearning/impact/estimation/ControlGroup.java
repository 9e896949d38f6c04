package org.sociallearning.impact.estimation;

/**
 * Which units serve as the comparison group for a cohort in a group-time cell (estimation step:
 * chosen once per run, applied by {@code GroupTimeEstimator#controlClasses}).
 */
public enum ControlGroup {
  /** Units that are never treated within the panel window (R's {@code "nevertreated"}). */
  NEVER_TREATED("never", "never-treated"),
  /**
   * Never-treated units plus the cohorts not yet treated, anticipation included, in the cell's
   * period (R's {@code "notyettreated"}): more comparison units, at the price of assuming parallel
   * trends for the later joiners as well.
   */
  NOT_YET_TREATED("notyet", "not-yet-treated");

  private final String option;
  private final String label;

  ControlGroup(String option, String label) {
    this.option = option;
    this.label = label;
  }

  /** The command-line spelling: {@code never} or {@code notyet}. */
  public String option() {
    return option;
  }

  /** Words for summaries and reports, e.g. {@code not-yet-treated}. */
  public String label() {
    return label;
  }

  /**
   * Parses the command-line spelling: {@code never} / {@code nevertreated} / {@code never_treated}
   * and {@code notyet} / {@code notyettreated} / {@code not-yet-treated}.
   */
  public static ControlGroup parse(String text) {
    String normalized =
        text.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", "");
    if (normalized.equals("never") || normalized.equals("nevertreated")) {
      return NEVER_TREATED;
    }
    if (normalized.equals("notyet") || normalized.equals("notyettreated")) {
      return NOT_YET_TREATED;
    }
    throw new IllegalArgumentException(
        "unknown control group '" + text + "'; expected: never or notyet");
  }
}
