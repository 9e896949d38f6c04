package org.sociallearning.impact.estimation;

import java.util.Random;
import java.util.function.IntToDoubleFunction;

/**
 * Seeded panels with a planted treatment effect, built so that naive comparisons fail: units with a
 * lower baseline level adopt more often and earlier (selection on levels), and all units share
 * strong period shocks. Trends are parallel by construction, so difference in differences must
 * recover the planted effect.
 *
 * <pre>
 *   Y_it = 10 + 2 alpha_i + delta_t + eps_it + effect(t - g_i) 1{t >= g_i - lead} + dip 1{t = g_i - 1}
 *          + preTrend min(t - g_i, 0) 1{g_i > 0}
 *   alpha_i ~ N(0,1), eps_it ~ N(0, noise^2), delta_t a random walk with drift
 * </pre>
 *
 * {@code lead} plants anticipation (the effect starts before joining), {@code dip} an Ashenfelter's
 * dip (a one-period shift right before joining) and {@code preTrend} a violation of parallel trends
 * (joiners' outcomes drift by that much per period until they join); all are 0 unless set.
 */
final class SyntheticPanels {

  /** Spec of one synthetic panel; periods are 1..periods, cohorts spread over 2..periods-1. */
  record Spec(
      int units,
      int periods,
      int cohorts,
      IntToDoubleFunction effectByEventTime,
      double missingShare,
      double noise,
      long seed,
      int lead,
      double dip,
      double preTrend) {

    static Spec of(int units, int periods, int cohorts, double constantEffect, long seed) {
      return new Spec(units, periods, cohorts, e -> constantEffect, 0.0, 0.3, seed, 0, 0.0, 0.0);
    }

    Spec withEffect(IntToDoubleFunction effect) {
      return new Spec(
          units, periods, cohorts, effect, missingShare, noise, seed, lead, dip, preTrend);
    }

    Spec withMissingShare(double share) {
      return new Spec(
          units, periods, cohorts, effectByEventTime, share, noise, seed, lead, dip, preTrend);
    }

    /**
     * The effect starts {@code leadPeriods} before joining (event times -periods..-1 get it too).
     */
    Spec withLead(int leadPeriods) {
      return new Spec(
          units,
          periods,
          cohorts,
          effectByEventTime,
          missingShare,
          noise,
          seed,
          leadPeriods,
          dip,
          preTrend);
    }

    /** Joiners' outcome is shifted by {@code shift} in the period right before joining only. */
    Spec withDip(double shift) {
      return new Spec(
          units,
          periods,
          cohorts,
          effectByEventTime,
          missingShare,
          noise,
          seed,
          lead,
          shift,
          preTrend);
    }

    /**
     * Joiners' outcomes drift by {@code slope} per period relative to everyone else's until they
     * join.
     */
    Spec withPreTrend(double slope) {
      return new Spec(
          units, periods, cohorts, effectByEventTime, missingShare, noise, seed, lead, dip, slope);
    }
  }

  private SyntheticPanels() {}

  static Panel selectedOnLevels(Spec spec) {
    Random random = new Random(spec.seed());
    int[] periods = new int[spec.periods()];
    double[] shock = new double[spec.periods()];
    double level = 0;
    for (int t = 0; t < periods.length; t++) {
      periods[t] = t + 1;
      level += 0.3 + 0.8 * random.nextGaussian();
      shock[t] = level;
    }
    int[] cohortPeriods = cohortPeriods(spec.periods(), spec.cohorts());
    int[] group = new int[spec.units()];
    double[][] outcome = new double[spec.units()][periods.length];
    String[] ids = new String[spec.units()];
    for (int i = 0; i < spec.units(); i++) {
      ids[i] = "u" + i;
      double alpha = random.nextGaussian();
      // Low-baseline units adopt far more often, and earlier.
      boolean adopts = random.nextDouble() < 1 / (1 + Math.exp(2.5 * alpha));
      if (adopts) {
        double rank = StandardNormal.cdf(alpha + 0.5 * random.nextGaussian());
        group[i] =
            cohortPeriods[Math.min(cohortPeriods.length - 1, (int) (rank * cohortPeriods.length))];
      }
      for (int t = 0; t < periods.length; t++) {
        double y = 10 + 2 * alpha + shock[t] + spec.noise() * random.nextGaussian();
        if (group[i] != 0 && periods[t] >= group[i] - spec.lead()) {
          y += spec.effectByEventTime().applyAsDouble(periods[t] - group[i]);
        }
        if (group[i] != 0 && periods[t] == group[i] - 1) {
          y += spec.dip();
        }
        if (group[i] != 0 && periods[t] < group[i]) {
          y += spec.preTrend() * (periods[t] - group[i]);
        }
        outcome[i][t] = random.nextDouble() < spec.missingShare() ? Double.NaN : y;
      }
    }
    return new Panel(periods, group, outcome, ids);
  }

  /**
   * No effect of joining, and no parallel trends: everyone gets a one-time, lasting gain of {@code
   * gain} at some period (people get faster for a reason unrelated to joining), but joiners are the
   * people whose gain came one or two periods (at random) before they joined, while everyone else
   * gains at a random period of the panel or later. Joiners then already have their gain in the
   * period post-treatment effects are measured from, their comparison units have theirs still
   * ahead, so the effects come out biased against joining; before joining the gain shows as a level
   * difference to the base in every earlier period, but in only one or two period-to-period
   * changes.
   *
   * <pre>
   *   Y_it = 10 + 2 alpha_i + delta_t + eps_it + gain 1{t >= s_i}
   *   joiners (half of the units, cohorts spread over 3..periods-1): s_i = g_i - 1 or g_i - 2
   *   others: s_i uniform on 2..(3 periods / 2)
   * </pre>
   */
  static Panel gainBeforeJoining(
      int units, int periods, int cohorts, double gain, double noise, long seed) {
    Random random = new Random(seed);
    int[] periodValues = new int[periods];
    double[] shock = new double[periods];
    double level = 0;
    for (int t = 0; t < periods; t++) {
      periodValues[t] = t + 1;
      level += 0.3 + 0.8 * random.nextGaussian();
      shock[t] = level;
    }
    int[] cohortPeriods =
        java.util.Arrays.stream(cohortPeriods(periods - 1, cohorts)).map(g -> g + 1).toArray();
    int[] group = new int[units];
    double[][] outcome = new double[units][periods];
    String[] ids = new String[units];
    for (int i = 0; i < units; i++) {
      ids[i] = "u" + i;
      double alpha = random.nextGaussian();
      int gainAt;
      if (random.nextBoolean()) {
        group[i] = cohortPeriods[random.nextInt(cohortPeriods.length)];
        gainAt = group[i] - 1 - random.nextInt(2);
      } else {
        gainAt = 2 + random.nextInt(3 * periods / 2 - 1);
      }
      for (int t = 0; t < periods; t++) {
        outcome[i][t] =
            10
                + 2 * alpha
                + shock[t]
                + noise * random.nextGaussian()
                + (periodValues[t] >= gainAt ? gain : 0.0);
      }
    }
    return new Panel(periodValues, group, outcome, ids);
  }

  /**
   * A small company where joining changes nothing but people whose work got faster for an unrelated
   * reason are the ones who join: every participant has a one-time, lasting change of {@code gain}
   * one or two periods (at random) before joining, every comparison unit the same change at a
   * random period of the panel. {@code treated} participants join in periods 4..periods-1, at most
   * four in a period (so cohorts of 1-4); {@code comparison} units never join. Parallel trends hold
   * before the gains only; participants carry theirs into the period effects are measured from.
   *
   * <pre>
   *   Y_it = 10 + 2 alpha_i + delta_t + eps_it + gain 1{t >= s_i}
   *   participants: s_i = g_i - 1 or g_i - 2; comparison units: s_i uniform on 2..periods
   * </pre>
   */
  static Panel smallCompanyGainBeforeJoining(
      int treated, int comparison, int periods, double gain, double noise, long seed) {
    Random random = new Random(seed);
    int[] periodValues = new int[periods];
    double[] shock = new double[periods];
    double level = 0;
    for (int t = 0; t < periods; t++) {
      periodValues[t] = t + 1;
      level += 0.3 + 0.8 * random.nextGaussian();
      shock[t] = level;
    }
    if (treated > 4 * (periods - 4)) {
      throw new IllegalArgumentException(
          treated
              + " participants do not fit in periods 4.."
              + (periods - 1)
              + " at four a period");
    }
    int[] joiners = new int[periods + 1];
    int units = treated + comparison;
    int[] group = new int[units];
    double[][] outcome = new double[units][periods];
    String[] ids = new String[units];
    for (int i = 0; i < units; i++) {
      ids[i] = "u" + i;
      int gainAt;
      if (i < treated) {
        int g;
        do {
          g = 4 + random.nextInt(periods - 4);
        } while (joiners[g] == 4);
        joiners[g]++;
        group[i] = g;
        gainAt = g - 1 - random.nextInt(2);
      } else {
        gainAt = 2 + random.nextInt(periods - 1);
      }
      double alpha = random.nextGaussian();
      for (int t = 0; t < periods; t++) {
        outcome[i][t] =
            10
                + 2 * alpha
                + shock[t]
                + noise * random.nextGaussian()
                + (periodValues[t] >= gainAt ? gain : 0.0);
      }
    }
    return new Panel(periodValues, group, outcome, ids);
  }

  /**
   * The same small company with parallel trends and no effect: cohorts as {@link
   * #smallCompanyGainBeforeJoining}, nobody gains.
   */
  static Panel smallCompanyParallel(
      int treated, int comparison, int periods, double noise, long seed) {
    return smallCompanyGainBeforeJoining(treated, comparison, periods, 0.0, noise, seed);
  }

  /** Evenly spread first-treated periods in 2..periods-1. */
  static int[] cohortPeriods(int periods, int cohorts) {
    int[] out = new int[cohorts];
    for (int c = 0; c < cohorts; c++) {
      out[c] = 2 + (int) Math.round(c * (periods - 3) / (double) Math.max(1, cohorts - 1));
    }
    return java.util.Arrays.stream(out).distinct().toArray();
  }

  /**
   * What a naive analyst would report: treated-minus-never-treated difference in mean outcome over
   * post-treatment cells, ignoring baseline differences.
   */
  static double naivePostDifference(Panel panel) {
    double sum = 0;
    int cells = 0;
    for (int t = 0; t < panel.periodCount(); t++) {
      double never = meanWhere(panel, t, 0);
      for (int g :
          java.util.Arrays.stream(panel.unitGroup()).filter(g -> g != 0).distinct().toArray()) {
        if (panel.periods()[t] >= g) {
          sum += meanWhere(panel, t, g) - never;
          cells++;
        }
      }
    }
    return sum / cells;
  }

  private static double meanWhere(Panel panel, int t, int group) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < panel.unitCount(); i++) {
      double y = panel.outcome()[i][t];
      if (panel.unitGroup()[i] == group && !Double.isNaN(y)) {
        sum += y;
        n++;
      }
    }
    return sum / n;
  }
}
