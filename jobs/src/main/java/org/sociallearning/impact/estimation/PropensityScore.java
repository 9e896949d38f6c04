package org.sociallearning.impact.estimation;

/**
 * The propensity score of one covariate-adjusted ATT(g,t) ({@link AdjustedTwoByTwo}): {@code P(in
 * the cohort | covariates)} among the cell's units by weighted logistic regression ({@link
 * LogisticRegression}), as DRDID fits it; fitted scores capped at {@code 1 - 1e-6}. A cell whose
 * largest score reaches {@value #OVERLAP} has no overlap and is not estimated, as in R {@code did}.
 *
 * @param fitted per unit its score; 0 for units without a score row (known to score 0)
 * @param information {@code sum w p (1 - p) z z'} at the capped scores (DRDID's Hessian), for the
 *     influence function's estimation effect
 * @param converged whether the logistic fit met its stopping rule
 * @param failure null on success, else words for the warning
 */
record PropensityScore(double[] fitted, double[][] information, boolean converged, String failure) {

  /** R {@code did}: a cell whose largest fitted propensity score reaches this has no overlap. */
  static final double OVERLAP = 0.999;

  private static final double CAP = 1 - 1e-6;

  /**
   * Fits the score over the units with a score row; the others get 0.
   *
   * @param w the cell's weights, normalised to mean 1
   */
  static PropensityScore fit(AdjustedTwoByTwo.Data data, DesignRows z, double[] w) {
    int n = data.size();
    boolean comparisonInFit = false;
    for (int i = 0; i < n; i++) {
      comparisonInFit |= z.has(i) && data.treated()[i] == 0;
    }
    if (!comparisonInFit) {
      return new PropensityScore(
          null,
          null,
          false,
          "no comparison unit shares the participants' categories (no overlap in the covariates)");
    }
    LogisticRegression.Fit fit = LogisticRegression.fit(z, data.treated(), w);
    if (fit == null) {
      return new PropensityScore(
          null,
          null,
          false,
          "the covariates are collinear among participants and comparison units"
              + " (the propensity score has no unique solution)");
    }
    double largest = 0;
    for (double p : fit.fitted()) {
      if (p > largest) {
        largest = p;
      }
    }
    if (largest >= OVERLAP) {
      return new PropensityScore(
          null,
          null,
          false,
          String.format(
              java.util.Locale.ROOT,
              "a propensity score of %.4f: some participants have no comparable comparison units"
                  + " (no overlap in the covariates)",
              largest));
    }
    double[] ps = new double[n];
    double[][] information = new double[z.width][z.width];
    for (int i = 0; i < n; i++) {
      if (!z.has(i)) {
        continue;
      }
      double p = Math.min(fit.fitted()[i], CAP);
      ps[i] = p;
      z.addOuter(i, p * (1 - p) * w[i], information);
    }
    return new PropensityScore(ps, information, fit.converged(), null);
  }
}
