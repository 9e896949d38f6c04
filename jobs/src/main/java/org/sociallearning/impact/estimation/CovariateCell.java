package org.sociallearning.impact.estimation;

import java.util.List;

/**
 * ATT(g,t) under parallel trends conditional on covariates: builds the cell's two-by-two sample
 * (cohort g and its comparison units observed in t and in the base period, with their covariates at
 * the base period) and its design matrices, and hands them to {@link AdjustedTwoByTwo}. Called by
 * {@link GroupTimeEstimator} when the sample has covariates; base periods, comparison classes and
 * the minimum of {@value GroupTimeEstimator#MIN_UNITS_PER_SIDE} units per side stay the same.
 *
 * <p>Design ({@link CellDesigns}): an intercept; each continuous covariate centred and scaled over
 * the cell's units (estimates and influence functions do not change under that, the normal
 * equations stay well conditioned), left out when it does not vary in the cell; per categorical
 * covariate, indicators of the levels present in the cell except the first (R's treatment contrasts
 * on the levels the comparison actually has, so a level absent from one comparison leaves no empty
 * column behind, as it would in R, which then reports the cell as not estimated). Within a
 * comparison:
 *
 * <ul>
 *   <li>participants of a level no comparison unit has cannot be compared with anyone alike: they
 *       are left out of the cell (one warning for all cells, as exact stratification does);
 *   <li>comparison units of a level no participant has get a propensity score of 0: they leave the
 *       logistic fit, whose maximum likelihood sends their score there anyway (R's fit drifts
 *       towards it without converging), and weigh nothing in the weighted comparison; the outcome
 *       regression still uses them.
 * </ul>
 *
 * A cell whose largest propensity score reaches {@value PropensityScore#OVERLAP} (no overlap) or
 * whose design is collinear cannot be adjusted: its participants have no comparable colleagues (new
 * hires when nearly every new hire joined, say). As in R, the cell is not estimated, with a warning
 * ({@value #NO_COMPARABLE}); it never falls back to the unadjusted comparison, which would bring
 * back exactly the bias the adjustment is there to remove.
 */
final class CovariateCell {

  /** The words of the warning for a cell whose covariate models cannot be fitted. */
  static final String NO_COMPARABLE = "no comparable colleagues";

  private CovariateCell() {}

  /**
   * @param unmatched marks participants left out of some cell (their level had no comparison unit)
   * @param unknown marks units observed in both periods but left out for unknown covariate values
   * @return the cell, unestimated when the covariate models cannot be fitted (warning added)
   */
  static GroupTimeCell cell(
      EstimationSample sample,
      EstimationMethod method,
      int cls,
      int[] controls,
      int ti,
      int bi,
      boolean placebo,
      boolean[] unmatched,
      boolean[] unknown,
      List<String> warnings) {
    CovariateDesign design = sample.design;
    int[] members = new int[sample.unitCount];
    int count = 0;
    int[] classes = new int[controls.length + 1];
    classes[0] = cls;
    System.arraycopy(controls, 0, classes, 1, controls.length);
    for (int c : classes) {
      for (int i : sample.unitsByClass[c]) {
        if (Double.isNaN(sample.outcome[i][ti] - sample.outcome[i][bi])) {
          continue;
        }
        if (!design.known(i, bi)) {
          unknown[i] = true;
          continue;
        }
        members[count++] = i;
      }
    }
    int[] units =
        dropUnmatched(sample, cls, java.util.Arrays.copyOf(members, count), bi, unmatched);
    int n = units.length;
    double[] treated = new double[n];
    int nTreated = 0;
    for (int j = 0; j < n; j++) {
      treated[j] = sample.unitClass[units[j]] == cls ? 1.0 : 0.0;
      nTreated += (int) treated[j];
    }
    int nControl = n - nTreated;
    int group = sample.cohortOf(cls);
    int time = sample.periods[ti];
    if (nTreated < GroupTimeEstimator.MIN_UNITS_PER_SIDE
        || nControl < GroupTimeEstimator.MIN_UNITS_PER_SIDE) {
      warnings.add(
          "ATT("
              + group
              + ","
              + time
              + ") not estimated: "
              + nTreated
              + " treated and "
              + nControl
              + " control unit(s) observed in both "
              + time
              + " and base period "
              + sample.periods[bi]
              + " with known and comparable covariates (need at least "
              + GroupTimeEstimator.MIN_UNITS_PER_SIDE
              + " of each)");
      return unestimated(sample, cls, controls, ti, bi, placebo, nTreated, nControl);
    }
    double[] change = new double[n];
    double[] weight = new double[n];
    for (int j = 0; j < n; j++) {
      int i = units[j];
      change[j] = sample.outcome[i][ti] - sample.outcome[i][bi];
      weight[j] = sample.weight(i, ti);
    }
    CellDesigns designs = CellDesigns.of(sample, units, treated, bi);
    AdjustedTwoByTwo.Result result =
        AdjustedTwoByTwo.estimate(
            method,
            new AdjustedTwoByTwo.Data(
                treated, change, weight, designs.regression(), designs.score()));
    if (result.failure() != null) {
      warnings.add(
          "ATT(" + group + "," + time + ") left out, " + NO_COMPARABLE + ": " + result.failure());
      return unestimated(sample, cls, controls, ti, bi, placebo, nTreated, nControl);
    }
    if (!result.converged()) {
      warnings.add(
          "ATT("
              + group
              + ","
              + time
              + "): the propensity score's fit did not converge; the effect may be unreliable");
    }
    double[] psi = result.influence();
    double scale = sample.unitCount / (double) n;
    for (int j = 0; j < n; j++) {
      psi[j] *= scale;
    }
    double treatedSum = 0;
    double treatedWeight = 0;
    double controlWeight = 0;
    for (int j = 0; j < n; j++) {
      if (treated[j] == 1) {
        treatedSum += weight[j] * change[j];
        treatedWeight += weight[j];
      } else {
        controlWeight += weight[j];
      }
    }
    double treatedMean = treatedSum / treatedWeight;
    return new GroupTimeCell(
        group,
        time,
        sample.periods[bi],
        cls,
        ti,
        bi,
        controls,
        result.att(),
        nTreated,
        nControl,
        treatedWeight,
        controlWeight,
        treatedMean,
        treatedMean - result.att(),
        Double.NaN,
        Double.NaN,
        placebo,
        null,
        new CellInfluence(units, psi, sample.unitCount));
  }

  private static GroupTimeCell unestimated(
      EstimationSample sample,
      int cls,
      int[] controls,
      int ti,
      int bi,
      boolean placebo,
      int nTreated,
      int nControl) {
    return new GroupTimeCell(
        sample.cohortOf(cls),
        sample.periods[ti],
        sample.periods[bi],
        cls,
        ti,
        bi,
        controls,
        Double.NaN,
        nTreated,
        nControl,
        nTreated,
        nControl,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        placebo,
        null,
        null);
  }

  /**
   * The members without participants whose level of some categorical covariate no comparison unit
   * of the cell shares (marked in {@code unmatched}).
   */
  private static int[] dropUnmatched(
      EstimationSample sample, int cls, int[] members, int bi, boolean[] unmatched) {
    CovariateDesign design = sample.design;
    if (design.categoricalCount() == 0) {
      return members;
    }
    boolean[] drop = new boolean[sample.unitCount];
    for (int v = 0; v < design.categoricalCount(); v++) {
      int[] controlCount = new int[design.levels[v].length];
      for (int i : members) {
        if (sample.unitClass[i] != cls) {
          controlCount[design.level(v, i, bi)]++;
        }
      }
      for (int i : members) {
        if (sample.unitClass[i] == cls && controlCount[design.level(v, i, bi)] == 0) {
          drop[i] = true;
        }
      }
    }
    int[] kept = new int[members.length];
    int count = 0;
    for (int i : members) {
      if (drop[i]) {
        unmatched[i] = true;
      } else {
        kept[count++] = i;
      }
    }
    return java.util.Arrays.copyOf(kept, count);
  }
}
