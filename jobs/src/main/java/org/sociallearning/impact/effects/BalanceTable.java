package org.sociallearning.impact.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sociallearning.impact.estimation.Panel;

/**
 * Balance check: how different participants and the comparison group were before anyone joined, as
 * standardised mean differences (SMD: difference in means over the pooled standard deviation; |SMD|
 * above 0.1 is the usual sign of imbalance). Difference-in-differences does not need balanced
 * levels, only parallel trends, but large imbalances tell a reader how selected the participants
 * were and whether stratifying on an attribute is worth it.
 */
public final class BalanceTable {

  /** One compared variable. */
  public record Balance(
      String metric,
      String variable,
      double participants,
      double comparison,
      double smd,
      long nParticipants,
      long nComparison) {}

  static final double IMBALANCED = 0.1;

  private BalanceTable() {}

  /**
   * The pre-period outcome of one metric: each participant's mean before joining, each comparison
   * person's mean before the participants' median joining month.
   */
  public static Balance preJoiningOutcome(String metric, Panel panel) {
    java.util.OptionalInt median = medianJoiningMonth(panel);
    if (median.isEmpty()) {
      return new Balance(metric, "pre-joining " + metric, Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }
    int medianJoin = median.getAsInt();
    List<Double> treated = new ArrayList<>();
    List<Double> comparison = new ArrayList<>();
    for (int u = 0; u < panel.unitCount(); u++) {
      int before = panel.unitGroup()[u] == 0 ? medianJoin : panel.unitGroup()[u];
      double[] pre = preJoiningMeans(panel, u, before);
      if (pre != null) {
        (panel.unitGroup()[u] == 0 ? comparison : treated).add(pre[0]);
      }
    }
    return compare(metric, "pre-joining " + metric, treated, comparison);
  }

  /**
   * One person's mean outcome over the observed months before {@code before}, and their mean number
   * of items per month then (0 in an unweighted panel); null without such a month.
   */
  static double[] preJoiningMeans(Panel panel, int u, int before) {
    double level = 0;
    double items = 0;
    int months = 0;
    for (int t = 0; t < panel.periodCount() && panel.periods()[t] < before; t++) {
      double y = panel.outcome()[u][t];
      if (!Double.isNaN(y)) {
        level += y;
        items += panel.isWeighted() ? panel.weight()[u][t] : 0;
        months++;
      }
    }
    return months == 0 ? null : new double[] {level / months, items / months};
  }

  /**
   * The participants' median joining month: the month the comparison group is measured before;
   * empty without participants.
   */
  static java.util.OptionalInt medianJoiningMonth(Panel panel) {
    int[] cohorts =
        java.util.Arrays.stream(panel.unitGroup()).filter(g -> g != 0).sorted().toArray();
    return cohorts.length == 0
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(cohorts[cohorts.length / 2]);
  }

  /** Shares of each value of a roster attribute (department=Sales EMEA: 0/1 per person). */
  public static List<Balance> attribute(
      String metric, String name, Map<String, String> values, Panel panel) {
    TreeSet<String> levels = new TreeSet<>();
    for (String id : panel.unitIds()) {
      if (values.get(id) != null) {
        levels.add(values.get(id));
      }
    }
    List<Balance> out = new ArrayList<>();
    for (String level : levels) {
      List<Double> treated = new ArrayList<>();
      List<Double> comparison = new ArrayList<>();
      for (int u = 0; u < panel.unitCount(); u++) {
        String v = values.get(panel.unitIds()[u]);
        if (v != null) {
          (panel.unitGroup()[u] == 0 ? comparison : treated).add(level.equals(v) ? 1.0 : 0.0);
        }
      }
      out.add(compare(metric, name + "=" + level, treated, comparison));
    }
    return out;
  }

  static Balance compare(
      String metric, String variable, List<Double> treated, List<Double> comparison) {
    double m1 = mean(treated);
    double m0 = mean(comparison);
    double pooled = pooledDeviation(treated, comparison);
    double smd = pooled > 0 ? (m1 - m0) / pooled : Double.NaN;
    return new Balance(metric, variable, m1, m0, smd, treated.size(), comparison.size());
  }

  /** The standardised difference's denominator: the root of the two groups' mean variance. */
  static double pooledDeviation(List<Double> treated, List<Double> comparison) {
    return Math.sqrt(
        (variance(treated, mean(treated)) + variance(comparison, mean(comparison))) / 2);
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static double variance(List<Double> xs, double mean) {
    if (xs.size() < 2) {
      return Double.NaN;
    }
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    return ss / (xs.size() - 1);
  }
}
