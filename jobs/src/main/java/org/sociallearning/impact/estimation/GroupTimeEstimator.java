package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes every ATT(g,t) as a two-by-two difference in differences of means, as R {@code
 * did::att_gt} does with {@code est_method = "dr"} and no covariates (the doubly robust estimator
 * then reduces to a difference of mean changes).
 *
 * <p>Base period as R's {@code base_period}: post-treatment cells ({@code t >= g}) are always
 * measured from the period {@code anticipation} steps before the last period before the cohort
 * starts (the cohort's base). Pre-treatment cells are measured from the period just before {@code
 * t} with the default {@link BasePeriod#VARYING}, from the cohort's base with {@link
 * BasePeriod#UNIVERSAL}; the latter also estimates the first period of the panel and reports the
 * base period itself as a cell whose two periods coincide, so that its effect, means and influence
 * function are exactly 0 ({@link GroupTimeCell#isReference()}). As in R, cells inside the
 * anticipation window ({@code g - anticipation <= t < g}) are computed like pre-treatment cells and
 * reported at negative event times, but they are no placebo: the pre-trend test leaves them out, as
 * it leaves out the reference cell. Units missing the outcome in {@code t} or in the base period
 * are left out of that cell only.
 *
 * <p>On a weighted panel each side's mean change is weighted by the units' weights in {@code t}
 * (the items behind the month measured), see {@link SideMoments}; counts, and so the minimum number
 * of units per side, stay counts of units.
 *
 * <p>With strata the cells come from {@link StratumMatching} instead (conditional parallel trends),
 * with covariates from {@link CovariateCell} (doubly robust, outcome regression or inverse
 * probability weighting); base periods, comparison classes and the minimum number of units per side
 * stay the same.
 *
 * <p>Anticipation is counted in steps of the periods array; on a panel with one period per step
 * (R's setting) that is R's {@code g - 1 - anticipation}.
 */
final class GroupTimeEstimator {

  /** Fewer units than this on either side leaves a cell without a usable mean or variance. */
  static final int MIN_UNITS_PER_SIDE = 2;

  /** Cells in cohort-then-period order, plus the number of units behind post-treatment cells. */
  record Estimates(List<GroupTimeCell> cells, int treatedUnits, int controlUnits) {}

  private GroupTimeEstimator() {}

  static Estimates estimate(EstimationSample sample, ControlGroup control, List<String> warnings) {
    return estimate(sample, control, 0, warnings);
  }

  static Estimates estimate(
      EstimationSample sample, ControlGroup control, int anticipation, List<String> warnings) {
    return estimate(sample, control, anticipation, BasePeriod.VARYING, warnings);
  }

  static Estimates estimate(
      EstimationSample sample,
      ControlGroup control,
      int anticipation,
      BasePeriod basePeriod,
      List<String> warnings) {
    return estimate(
        sample, control, anticipation, basePeriod, EstimationMethod.DOUBLY_ROBUST, warnings);
  }

  /**
   * @param method how cells adjust for the sample's covariates; ignored without covariates
   */
  static Estimates estimate(
      EstimationSample sample,
      ControlGroup control,
      int anticipation,
      BasePeriod basePeriod,
      EstimationMethod method,
      List<String> warnings) {
    int[] startIndex = new int[sample.classCount()];
    for (int cls = 1; cls < sample.classCount(); cls++) {
      startIndex[cls] = sample.firstPeriodIndexAtOrAfter(sample.cohortOf(cls));
    }
    // R without never-treated units: the last cohort is only a comparison group, and periods
    // from its anticipation window on have no comparison units left, so they are not estimated.
    int timeLimit = sample.periodCount();
    int comparisonOnlyClass = -1;
    if (control == ControlGroup.NOT_YET_TREATED
        && sample.unitsByClass[0].length == 0
        && sample.classCount() > 1) {
      comparisonOnlyClass = sample.classCount() - 1;
      timeLimit = Math.max(0, startIndex[comparisonOnlyClass] - anticipation);
      warnings.add(
          "no never-treated units: cohort "
              + sample.cohortOf(comparisonOnlyClass)
              + " serves only as comparison group"
              + (timeLimit < sample.periodCount()
                  ? " and no effects are estimated from period " + sample.periods[timeLimit] + " on"
                  : ""));
    }
    boolean universal = basePeriod == BasePeriod.UNIVERSAL;
    List<GroupTimeCell> cells = new ArrayList<>();
    boolean[] treatedContributor = new boolean[sample.unitCount];
    boolean[] controlContributor = new boolean[sample.unitCount];
    boolean[] unmatched = new boolean[sample.unitCount];
    boolean[] unmatchedOnCovariates = new boolean[sample.unitCount];
    boolean[] unknownCovariates = new boolean[sample.unitCount];
    for (int cls = 1; cls < sample.classCount(); cls++) {
      if (cls == comparisonOnlyClass) {
        continue;
      }
      int group = sample.cohortOf(cls);
      // Cohorts without a period before their anticipation window were dropped, so this is >= 0.
      int postBase = startIndex[cls] - 1 - anticipation;
      // A varying base needs a period before t, so the first period has no cell.
      int firstTime = universal ? 0 : 1;
      for (int ti = firstTime; ti < timeLimit; ti++) {
        int time = sample.periods[ti];
        int bi = universal || time >= group ? postBase : ti - 1;
        int[] controls = controlClasses(sample, control, cls, ti, bi, anticipation, startIndex);
        boolean placebo = ti < startIndex[cls] - anticipation && ti != bi;
        GroupTimeCell cell;
        if (sample.hasCovariates()) {
          cell =
              CovariateCell.cell(
                  sample,
                  method,
                  cls,
                  controls,
                  ti,
                  bi,
                  placebo,
                  unmatchedOnCovariates,
                  unknownCovariates,
                  warnings);
        } else if (sample.isStratified()) {
          cell =
              requireUnits(StratumMatching.cell(sample, cls, controls, ti, bi, placebo), warnings);
        } else {
          cell = cell(sample, cls, controls, ti, bi, placebo, warnings);
        }
        cells.add(cell);
        if (cell.strata() != null) {
          for (int i : cell.strata().unmatchedTreated()) {
            unmatched[i] = true;
          }
        }
        if (cell.isValid() && cell.isPostTreatment()) {
          if (cell.influence() != null) {
            for (int i : cell.influence().units()) {
              (sample.unitClass[i] == cls ? treatedContributor : controlContributor)[i] = true;
            }
          } else if (cell.strata() != null) {
            StratumMatching.markMatched(sample, cell, treatedContributor, controlContributor);
          } else {
            markObserved(sample, new int[] {cls}, ti, bi, treatedContributor);
            markObserved(sample, controls, ti, bi, controlContributor);
          }
        }
      }
    }
    if (count(unmatched) > 0) {
      warnings.add(
          count(unmatched)
              + " participants had fewer than "
              + StratumMatching.MIN_UNITS_PER_STRATUM_SIDE
              + " fellow participants or comparison colleagues in their stratum in some periods and were"
              + " left out of those comparisons");
    }
    if (count(unmatchedOnCovariates) > 0) {
      warnings.add(
          count(unmatchedOnCovariates)
              + " participants had a category ("
              + String.join(", ", sample.design.categoricalNames)
              + ") no comparison unit shared in some periods and were left out of those"
              + " comparisons");
    }
    if (count(unknownCovariates) > 0) {
      warnings.add(
          count(unknownCovariates)
              + " unit(s) had unknown covariate values ("
              + String.join(", ", sample.design.continuousNames)
              + ") in the base period of some comparisons and were left out of those");
    }
    return new Estimates(cells, count(treatedContributor), count(controlContributor));
  }

  /**
   * The comparison classes for cohort {@code cls} in period {@code ti} against base {@code bi}:
   * never-treated units, and for not-yet-treated controls also every other cohort whose
   * anticipation window starts after both periods (R: {@code G > max(t, base) + anticipation},
   * {@code G != g}).
   */
  static int[] controlClasses(
      EstimationSample sample,
      ControlGroup control,
      int cls,
      int ti,
      int bi,
      int anticipation,
      int[] startIndex) {
    return switch (control) {
      case NEVER_TREATED -> new int[] {0};
      case NOT_YET_TREATED ->
          notYetTreated(sample, cls, Math.max(ti, bi) + anticipation, startIndex);
    };
  }

  private static int[] notYetTreated(
      EstimationSample sample, int cls, int untreatedThrough, int[] startIndex) {
    List<Integer> classes = new ArrayList<>();
    if (sample.unitsByClass[0].length > 0) {
      classes.add(0);
    }
    for (int c = 1; c < sample.classCount(); c++) {
      if (c != cls && startIndex[c] > untreatedThrough) {
        classes.add(c);
      }
    }
    return classes.stream().mapToInt(Integer::intValue).toArray();
  }

  private static GroupTimeCell cell(
      EstimationSample sample,
      int cls,
      int[] controls,
      int ti,
      int bi,
      boolean placebo,
      List<String> warnings) {
    int group = sample.cohortOf(cls);
    int time = sample.periods[ti];
    int base = sample.periods[bi];
    SideMoments treated = SideMoments.of(sample, sample.unitsByClass, new int[] {cls}, ti, bi);
    SideMoments control = SideMoments.of(sample, sample.unitsByClass, controls, ti, bi);
    double att = treated.mean() - control.mean();
    if (treated.n() < MIN_UNITS_PER_SIDE || control.n() < MIN_UNITS_PER_SIDE) {
      warnings.add(
          "ATT("
              + group
              + ","
              + time
              + ") not estimated: "
              + treated.n()
              + " treated and "
              + control.n()
              + " control unit(s) observed in both "
              + time
              + " and base period "
              + base
              + " (need at least "
              + MIN_UNITS_PER_SIDE
              + " of each)");
      att = Double.NaN;
    }
    return new GroupTimeCell(
        group, time, base, cls, ti, bi, controls, att, treated, control, placebo);
  }

  private static GroupTimeCell requireUnits(GroupTimeCell cell, List<String> warnings) {
    if (cell.nTreated() >= MIN_UNITS_PER_SIDE && cell.nControl() >= MIN_UNITS_PER_SIDE) {
      return cell;
    }
    warnings.add(
        "ATT("
            + cell.group()
            + ","
            + cell.time()
            + ") not estimated: "
            + cell.nTreated()
            + " treated and "
            + cell.nControl()
            + " control unit(s) matched within strata and observed in both "
            + cell.time()
            + " and base period "
            + cell.base()
            + " (need at least "
            + MIN_UNITS_PER_SIDE
            + " of each)");
    return cell.withoutEstimate();
  }

  private static void markObserved(
      EstimationSample sample, int[] classes, int ti, int bi, boolean[] marks) {
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
