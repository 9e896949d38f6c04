package org.sociallearning.impact.estimation;

/**
 * The period each pre-treatment ATT(g,t) is measured from (estimation step: chosen once per run, R
 * {@code did::att_gt}'s {@code base_period}). Post-treatment effects always compare period t with
 * the last period before the cohort's anticipation window, so they, and the {@code simple}, {@code
 * group} and {@code calendar} summaries, do not depend on this setting.
 */
public enum BasePeriod {
  /**
   * Each pre-treatment period against the period just before it (R's default): the placebo effects
   * are month-to-month changes, so a shift just before joining shows in one or two of them only.
   */
  VARYING("varying"),
  /**
   * Every period against the cohort's base, the period the post-treatment effects are measured
   * from: placebo effects are level differences to that period, as in an event-study regression
   * with the period before joining left out, so points before and after joining are read the same
   * way. The cell at the base itself is 0 by construction.
   */
  UNIVERSAL("universal");

  private final String option;

  BasePeriod(String option) {
    this.option = option;
  }

  /** The command-line and config spelling: {@code varying} or {@code universal}. */
  public String option() {
    return option;
  }

  /** Parses {@code varying} or {@code universal} (case and surrounding blanks ignored). */
  public static BasePeriod parse(String text) {
    String normalized = text.trim().toLowerCase(java.util.Locale.ROOT);
    for (BasePeriod b : values()) {
      if (b.option.equals(normalized)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "unknown base period '" + text + "'; expected: varying or universal");
  }
}
