package org.sociallearning.impact.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.sociallearning.impact.estimation.JoiningPropensity;
import org.sociallearning.impact.estimation.Panel;

/**
 * Overlap of participants and their comparison group, in one number per side: the propensity of
 * joining given tenure, the pre-joining level of the outcome and, for metrics averaged over work
 * items, the pre-joining volume ({@link JoiningPropensity}). Each is measured as the other balance
 * rows measure it: participants in the months before their own joining month, comparison people
 * before the participants' median joining month; tenure is {@code log(1 + months since hire)} at
 * the month before, people without a known hire date or not hired yet then are left out, as are
 * people with no month before (a roster without hire dates: level and volume only).
 *
 * <p>Two balance rows: {@value #SCORE}, the mean propensity of each side and their standardised
 * difference; and {@value #OUTSIDE}, the share of each side whose propensity lies outside the other
 * side's range. A participant above every comparison colleague's propensity has nobody like them to
 * be compared with: with most participants there, the estimate extrapolates from colleagues who are
 * not like them, whatever the adjustment.
 */
public final class PropensityOverlap {

  /** The {@code variable} of the mean propensity row. */
  public static final String SCORE = "propensity_score";

  /** The {@code variable} of the share outside the other side's range. */
  public static final String OUTSIDE = "propensity_outside_common_support";

  private PropensityOverlap() {}

  /**
   * The two rows for one metric's panel; none when either side has fewer than two people with every
   * characteristic.
   *
   * @param hireMonths each employee id's hire month ({@link PanelAssembler#monthIndex})
   */
  public static List<BalanceTable.Balance> of(
      String metric, Map<String, Integer> hireMonths, Panel panel) {
    OptionalInt median = BalanceTable.medianJoiningMonth(panel);
    if (median.isEmpty()) {
      return List.of();
    }
    boolean tenureKnown = !hireMonths.isEmpty();
    List<double[]> rows = new ArrayList<>();
    List<Boolean> participant = new ArrayList<>();
    for (int u = 0; u < panel.unitCount(); u++) {
      int g = panel.unitGroup()[u];
      int before = g == 0 ? median.getAsInt() : g;
      Integer hired = hireMonths.get(panel.unitIds()[u]);
      if (tenureKnown && (hired == null || before - 1 < hired)) {
        continue;
      }
      double[] pre = BalanceTable.preJoiningMeans(panel, u, before);
      if (pre == null) {
        continue;
      }
      double tenure = tenureKnown ? Math.log1p(before - 1 - hired) : 0;
      rows.add(
          panel.isWeighted()
              ? new double[] {tenure, pre[0], pre[1]}
              : new double[] {tenure, pre[0]});
      participant.add(g != 0);
    }
    long participants = participant.stream().filter(p -> p).count();
    if (participants < 2 || rows.size() - participants < 2) {
      return List.of();
    }
    boolean[] treated = new boolean[rows.size()];
    for (int i = 0; i < treated.length; i++) {
      treated[i] = participant.get(i);
    }
    double[] score = JoiningPropensity.of(rows.toArray(double[][]::new), treated);
    if (score == null) {
      return List.of();
    }
    double[] participantRange = range(score, treated, true);
    double[] comparisonRange = range(score, treated, false);
    List<Double> scoreT = new ArrayList<>();
    List<Double> scoreC = new ArrayList<>();
    List<Double> outsideT = new ArrayList<>();
    List<Double> outsideC = new ArrayList<>();
    for (int i = 0; i < score.length; i++) {
      double[] other = treated[i] ? comparisonRange : participantRange;
      double outside = score[i] < other[0] || score[i] > other[1] ? 1.0 : 0.0;
      (treated[i] ? scoreT : scoreC).add(score[i]);
      (treated[i] ? outsideT : outsideC).add(outside);
    }
    return List.of(
        BalanceTable.compare(metric, SCORE, scoreT, scoreC),
        BalanceTable.compare(metric, OUTSIDE, outsideT, outsideC));
  }

  /** The smallest and largest score of one side. */
  private static double[] range(double[] score, boolean[] treated, boolean side) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < score.length; i++) {
      if (treated[i] == side) {
        low = Math.min(low, score[i]);
        high = Math.max(high, score[i]);
      }
    }
    return new double[] {low, high};
  }
}
