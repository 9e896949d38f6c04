package org.sociallearning.impact.effects;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.GroupTimeEffect;
import org.sociallearning.impact.estimation.Panel;

/**
 * Estimation step, for the report's "participants vs comparison over calendar time": per calendar
 * month, participants' observed mean (cohorts that had joined, weighted by cohort size as the
 * calendar effect weighs them), their counterfactual (observed minus the month's calendar effect)
 * and the comparison group's mean. Means resting on fewer than {@code minGroupSize} people are NaN.
 */
public final class CalendarComparison {

  /** One month; NaN where suppressed or not estimable. */
  public record Month(
      LocalDate month,
      double participants,
      double counterfactual,
      double comparison,
      long nParticipants,
      long nComparison) {}

  private CalendarComparison() {}

  /**
   * @param notYetTreated whether people who join later count as comparison until they join
   */
  public static List<Month> of(
      Panel panel, DidResult result, int minGroupSize, boolean notYetTreated) {
    Map<Integer, Integer> cohortSize = new HashMap<>();
    for (int g : panel.unitGroup()) {
      cohortSize.merge(g, 1, Integer::sum);
    }
    List<Month> out = new ArrayList<>();
    for (AggregateEffect effect : result.byAggregation(AggregateEffect.CALENDAR)) {
      if (effect.isOverall() || Double.isNaN(effect.att())) {
        continue;
      }
      int t = Integer.parseInt(effect.key());
      int column = indexOf(panel.periods(), t);
      if (column < 0) {
        continue;
      }
      double weighted = 0;
      double weights = 0;
      long participants = 0;
      for (GroupTimeEffect cell : result.groupTime()) {
        if (cell.time() != t || !cell.isPostTreatment() || Double.isNaN(cell.att())) {
          continue;
        }
        double[] mean = mean(panel, column, u -> panel.unitGroup()[u] == cell.group());
        if (mean[1] > 0) {
          weighted += cohortSize.get(cell.group()) * mean[0];
          weights += cohortSize.get(cell.group());
          participants += (long) mean[1];
        }
      }
      double[] comparison =
          mean(
              panel,
              column,
              u -> panel.unitGroup()[u] == 0 || (notYetTreated && panel.unitGroup()[u] > t));
      long nComparison = (long) comparison[1];
      boolean showParticipants = weights > 0 && participants >= minGroupSize;
      double observed = showParticipants ? weighted / weights : Double.NaN;
      out.add(
          new Month(
              monthOf(t),
              observed,
              showParticipants ? observed - effect.att() : Double.NaN,
              nComparison >= minGroupSize ? comparison[0] : Double.NaN,
              participants,
              nComparison));
    }
    return out;
  }

  /** {mean, count} of the observed outcomes in one period over the units selected. */
  private static double[] mean(Panel panel, int column, java.util.function.IntPredicate unit) {
    double sum = 0;
    int n = 0;
    for (int u = 0; u < panel.unitCount(); u++) {
      double y = panel.outcome()[u][column];
      if (unit.test(u) && !Double.isNaN(y)) {
        sum += y;
        n++;
      }
    }
    return new double[] {n == 0 ? Double.NaN : sum / n, n};
  }

  private static int indexOf(int[] periods, int period) {
    for (int i = 0; i < periods.length; i++) {
      if (periods[i] == period) {
        return i;
      }
    }
    return -1;
  }

  private static LocalDate monthOf(int index) {
    return PanelAssembler.monthOf(index);
  }
}
