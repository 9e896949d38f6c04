package org.sociallearning.impact.estimation;

/**
 * Internal form of one ATT(g,t): the point estimate plus the per-side means and sums of squares
 * that define its influence function {@code psi_i = (N w_i/W_treated)(dY_i - treatedMean)} for
 * treated units in the cell and {@code -(N w_i/W_control)(dY_i - controlMean)} for control units in
 * the cell (0 for everyone else), where {@code dY_i = Y_i,time - Y_i,base}, N is the number of kept
 * units, {@code w_i} the unit's weight in {@code time} and W a side's total weight ({@code w_i = 1}
 * and {@code W = n} on an unweighted panel).
 *
 * <p>A stratified cell carries its {@link StratumBreakdown}; its counts are then the matched units
 * summed over the strata used, {@code treatedMean} the matched treated mean and {@code controlMean}
 * the counterfactual {@code sum_s w_s controlMean_s}, so that {@code att = treatedMean -
 * controlMean} still holds; the influence function (participants centred on their stratum's
 * counterfactual) and {@code treatedSumSquares} are the breakdown's.
 *
 * @param treatedClass class of cohort {@code group} in the {@link EstimationSample}
 * @param controlClasses classes pooled as controls (just 0 with never-treated controls)
 * @param nTreated treated units in the cell (people, whatever the weights)
 * @param treatedWeight their total weight; {@code nTreated} on an unweighted panel
 * @param controlWeight the comparison units' total weight; {@code nControl} when unweighted
 * @param treatedSumSquares {@code sum w_i^2 (dY_i - treatedMean)^2} over treated units
 * @param controlSumSquares the same over comparison units, around {@code controlMean}
 * @param placebo a pre-treatment cell before any anticipation window, other than the reference
 *     cell: parallel trends say its effect is zero, so the pre-trend test uses exactly these cells
 * @param strata per-stratum parts, or null for the unstratified estimator
 * @param influence the per-unit influence function of a covariate-adjusted cell ({@link
 *     CovariateCell}), or null for a difference of means; the means, sums of squares and weights
 *     above then only describe the cell ({@code treatedMean} the participants' mean change, {@code
 *     controlMean} their counterfactual {@code treatedMean - att}, sums of squares NaN)
 */
record GroupTimeCell(
    int group,
    int time,
    int base,
    int treatedClass,
    int timeIndex,
    int baseIndex,
    int[] controlClasses,
    double att,
    int nTreated,
    int nControl,
    double treatedWeight,
    double controlWeight,
    double treatedMean,
    double controlMean,
    double treatedSumSquares,
    double controlSumSquares,
    boolean placebo,
    StratumBreakdown strata,
    CellInfluence influence) {

  /** An unstratified cell. */
  GroupTimeCell(
      int group,
      int time,
      int base,
      int treatedClass,
      int timeIndex,
      int baseIndex,
      int[] controlClasses,
      double att,
      SideMoments treated,
      SideMoments control,
      boolean placebo) {
    this(
        group,
        time,
        base,
        treatedClass,
        timeIndex,
        baseIndex,
        controlClasses,
        att,
        treated.n(),
        control.n(),
        treated.weight(),
        control.weight(),
        treated.mean(),
        control.mean(),
        treated.sumSquares(),
        control.sumSquares(),
        placebo,
        null,
        null);
  }

  /** The same cell with no estimate, for cells too thin to estimate. */
  GroupTimeCell withoutEstimate() {
    return new GroupTimeCell(
        group,
        time,
        base,
        treatedClass,
        timeIndex,
        baseIndex,
        controlClasses,
        Double.NaN,
        nTreated,
        nControl,
        treatedWeight,
        controlWeight,
        treatedMean,
        controlMean,
        treatedSumSquares,
        controlSumSquares,
        placebo,
        strata,
        influence);
  }

  boolean isValid() {
    return !Double.isNaN(att);
  }

  boolean isPostTreatment() {
    return time >= group;
  }

  /**
   * The cell at the cohort's own base period under a universal base ({@code time == base}): every
   * change is 0, so its effect and influence function are 0 by construction. R reports it as a 0
   * row with a missing standard error, and so do we.
   */
  boolean isReference() {
    return timeIndex == baseIndex;
  }

  int eventTime() {
    return time - group;
  }

  /** {@code sqrt(sum psi^2) / N}, which no longer depends on N. */
  double analyticStandardError() {
    if (influence != null) {
      return influence.standardError();
    }
    if (strata != null) {
      return Math.sqrt(strata.variance(treatedWeight));
    }
    return Math.sqrt(
        treatedSumSquares / (treatedWeight * treatedWeight)
            + controlSumSquares / (controlWeight * controlWeight));
  }
}
