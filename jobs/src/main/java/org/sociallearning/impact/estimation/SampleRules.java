package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;

/**
 * R {@code did}'s rules for which units of a panel enter estimation (first step of {@link
 * EstimationSample#prepare}): units already treated in the first period have no pre-period and are
 * dropped; with anticipation, so are units whose anticipation window starts in the first period (R
 * 2.x drops {@code g <= first + anticipation}); cohorts that start after the last period become
 * controls. Units with no observed outcome, without a stratum (when stratified) or without known
 * time-invariant covariates (R drops incomplete rows) are dropped too. Each rule that fires adds
 * one warning naming a few of the units.
 */
final class SampleRules {

  private static final int IDS_IN_MESSAGES = 5;

  private SampleRules() {}

  /**
   * @param unitStratum per unit its stratum, or null when not stratified
   * @return the panel indices of the kept units, ascending
   */
  static List<Integer> keptUnits(
      Panel panel,
      int anticipation,
      String[] unitStratum,
      Covariates covariates,
      List<String> warnings) {
    int[] periods = panel.periods();
    int first = periods[0];
    int last = periods[periods.length - 1];
    // Anticipation counts steps in the periods array, so the cut-off is a period, not first + n.
    int lastWithoutBase = periods[Math.min(anticipation, periods.length - 1)];
    List<Integer> kept = new ArrayList<>();
    List<String> alreadyTreated = new ArrayList<>();
    List<String> neverObserved = new ArrayList<>();
    List<String> treatedAfterWindow = new ArrayList<>();
    List<String> withoutStratum = new ArrayList<>();
    List<String> withoutCovariates = new ArrayList<>();
    for (int i = 0; i < panel.unitCount(); i++) {
      int g = panel.unitGroup()[i];
      if (g < 0) {
        throw new IllegalArgumentException(
            "unit "
                + panel.unitIds()[i]
                + " has group "
                + g
                + "; groups are first treated periods, or 0 for never treated");
      }
      if (!observedAnywhere(panel.outcome()[i])) {
        neverObserved.add(panel.unitIds()[i]);
      } else if (unitStratum != null && unitStratum[i] == null) {
        withoutStratum.add(panel.unitIds()[i]);
      } else if (!CovariateDesign.fixedValuesKnown(covariates, panel.unitIds()[i])) {
        withoutCovariates.add(panel.unitIds()[i]);
      } else if (g != 0 && g <= lastWithoutBase) {
        alreadyTreated.add(panel.unitIds()[i]);
      } else {
        if (g > last) {
          treatedAfterWindow.add(panel.unitIds()[i]);
        }
        kept.add(i);
      }
    }
    warnIfAny(
        warnings,
        alreadyTreated,
        anticipation == 0
            ? "treated in or before the first period "
                + first
                + " (no pre-treatment period), dropped"
            : "first treated by period "
                + lastWithoutBase
                + " (with "
                + anticipation
                + " anticipation period(s) no pre-treatment period is left), dropped");
    warnIfAny(warnings, neverObserved, "without any observed outcome, dropped");
    warnIfAny(warnings, withoutStratum, "without a stratum, dropped");
    warnIfAny(
        warnings,
        withoutCovariates,
        "without values of the covariates " + covariates.names() + ", dropped");
    warnIfAny(
        warnings,
        treatedAfterWindow,
        "first treated after the last period " + last + ", used as never treated");
    return kept;
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
