package org.sociallearning.impact.estimation;

import java.util.Locale;

/**
 * How each ATT(g,t) adjusts for covariates (R {@code did}'s {@code est_method}, Sant'Anna and Zhao
 * 2020), chosen once per run in {@link DidOptions}. Without covariates all three are the same
 * difference of mean changes, so the method only matters with {@link Covariates}.
 */
public enum EstimationMethod {
  /**
   * Doubly robust (R's default, DRDID {@code drdid_panel}): a logistic propensity score weighs the
   * comparison units and a linear regression of their change on the covariates predicts the
   * participants' counterfactual change; consistent when either model is right.
   */
  DOUBLY_ROBUST("dr", "doubly robust"),
  /** Outcome regression (DRDID {@code reg_did_panel}): only the linear model of the change. */
  OUTCOME_REGRESSION("reg", "outcome regression"),
  /**
   * Inverse probability weighting, normalised (DRDID {@code std_ipw_did_panel}): only the
   * propensity score.
   */
  INVERSE_PROBABILITY("ipw", "inverse probability weighting");

  private final String option;
  private final String label;

  EstimationMethod(String option, String label) {
    this.option = option;
    this.label = label;
  }

  /** The spelling on the command line and in the config: {@code dr}, {@code reg} or {@code ipw}. */
  public String option() {
    return option;
  }

  /** Words for summaries, e.g. {@code doubly robust}. */
  public String label() {
    return label;
  }

  public boolean usesPropensityScore() {
    return this != OUTCOME_REGRESSION;
  }

  public boolean usesOutcomeRegression() {
    return this != INVERSE_PROBABILITY;
  }

  /** Parses {@code dr}, {@code reg} or {@code ipw} (any case). */
  public static EstimationMethod parse(String text) {
    String normalized = text.trim().toLowerCase(Locale.ROOT);
    for (EstimationMethod m : values()) {
      if (m.option.equals(normalized)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown estimation method '" + text + "'; expected: dr, reg or ipw");
  }
}
