package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Joint pre-trend test of the estimation step, as the Wald pre-test R {@code did::att_gt} prints
 * ("P-value for pre-test of parallel trends assumption"): {@code W = a' Sigma^-1 a} over the
 * placebo effects a (pre-treatment ATT(g,t) before any anticipation window), with {@code Sigma =
 * IF'IF / n^2} from their influence functions and a chi-square p-value with one degree of freedom
 * per effect. Its p-value is kept as it is; the published verdict combines it with the pre-joining
 * level test ({@link PreJoiningLevel}) in {@link PreTrendVerdict}, which also words the warning
 * when either rejects.
 *
 * <p>Under either base period ({@link BasePeriod}) the placebo effects are the pre-treatment cells
 * other than the reference cell at a universal base (0 by construction, left out as R leaves out
 * its zero-variance cells): period-to-period changes with a varying base, level differences to the
 * cohort's base with a universal one, each time with the covariance of their own influence
 * functions. When the same cells are tested on a balanced panel with never-treated controls, each
 * cohort's universal placebo effects are an invertible linear map of its varying ones, and so are
 * their influence functions, so the statistic is the same: the setting changes what the effects
 * show, not what the joint test can detect. It differs where the comparison units or the people
 * observed differ between the two (not-yet-treated controls, gaps in the panel) and in the
 * event-time fallback, whose averages mix cohorts differently.
 *
 * <p>Differences from R, on purpose, each reported in a warning when it applies:
 *
 * <ul>
 *   <li>With anticipation R also tests the anticipation window, where effects are expected; here
 *       those cells are no placebo and are left out.
 *   <li>A Wald test with an estimated covariance needs many more people than effects, or it rejects
 *       far too often: on simulated panels with parallel trends by construction (10 monthly
 *       cohorts, the late ones a few dozen people, 45 placebo effects) R's test rejected 44% of
 *       panels at the 5% level, and with 24 months of small cohorts every panel. So a cohort's j-th
 *       placebo effect, counted back from joining, is tested only if at least {@value
 *       #PEOPLE_PER_TESTED_EFFECT} (j + 1) people are behind it on each side; on the same panels
 *       the test then rejects 5-10%. The periods nearest joining come first because a violation
 *       there biases the effects most. On mpdta every placebo effect passes, so the test is R's.
 *   <li>R returns nothing when Sigma is near singular; here an effect that is (almost) a linear
 *       combination of the ones before it is dropped and the test keeps its remaining degrees of
 *       freedom.
 * </ul>
 *
 * Like R, effects whose standard error is zero are left out.
 */
final class PreTrendWald {

  /** Level below which a rejected test, or a dip, turns into a warning. */
  static final double LEVEL = 0.05;

  /** People per side for each tested effect of a cohort (see the class comment). */
  static final int PEOPLE_PER_TESTED_EFFECT = 10;

  /** R's {@code sqrt(.Machine$double.eps) * 10}: standard errors at or below this count as zero. */
  private static final double ZERO_SE = Math.sqrt(Math.ulp(1.0)) * 10;

  /**
   * Share of an effect's variance left after the effects before it, below which it is dependent.
   */
  private static final double DEPENDENT = 1e-10;

  private PreTrendWald() {}

  static DidResult.PreTrendTest test(
      EstimationSample sample, List<GroupTimeCell> cells, List<String> warnings) {
    return test(sample, cells, List.of(), warnings);
  }

  /**
   * The group-time test, or, when every placebo ATT(g,t) rests on too few people for it, the same
   * test on the pre-treatment event-time effects {@code dynamic} (see {@link
   * EventTimePreTrendWald}).
   *
   * @param dynamic the dynamic aggregates by event time, as {@link Aggregator} builds them
   */
  static DidResult.PreTrendTest test(
      EstimationSample sample,
      List<GroupTimeCell> cells,
      List<LinearEstimand> dynamic,
      List<String> warnings) {
    int placebos = 0;
    List<Integer> tested = new ArrayList<>();
    int rank = 0;
    // Cells come cohort by cohort in period order, so walking backwards meets each cohort's
    // placebo effects from the one nearest joining.
    for (int k = cells.size() - 1; k >= 0; k--) {
      GroupTimeCell cell = cells.get(k);
      if (k == cells.size() - 1 || cells.get(k + 1).treatedClass() != cell.treatedClass()) {
        rank = 0;
      }
      if (!cell.isValid() || !cell.placebo() || !(cell.analyticStandardError() > ZERO_SE)) {
        continue;
      }
      placebos++;
      rank++;
      int needed = PEOPLE_PER_TESTED_EFFECT * (rank + 1);
      if (cell.nTreated() >= needed && cell.nControl() >= needed) {
        tested.add(0, k);
      }
    }
    if (placebos == 0) {
      warnings.add(
          "no pre-treatment effects to test parallel trends with (every cohort starts too early"
              + " in the panel): the pre-trend test is not available");
      return DidResult.PreTrendTest.NONE;
    }
    if (tested.isEmpty()) {
      String thin =
          "the "
              + placebos
              + " pre-joining effect(s) of single joining months rest on too few"
              + " people to trust a joint test (the one nearest joining needs "
              + 2 * PEOPLE_PER_TESTED_EFFECT
              + " per side, each earlier one "
              + PEOPLE_PER_TESTED_EFFECT
              + " more)";
      DidResult.PreTrendTest fallback =
          EventTimePreTrendWald.test(sample, cells, dynamic, thin, warnings);
      if (!fallback.isAvailable()) {
        warnings.add(
            "pre-trend test not available: "
                + thin
                + ", and so do their averages by month"
                + " relative to joining");
      }
      return fallback;
    }
    int[] which = tested.stream().mapToInt(Integer::intValue).toArray();
    double[] att = new double[which.length];
    for (int a = 0; a < which.length; a++) {
      att[a] = cells.get(which[a]).att();
    }
    Wald wald = wald(att, InfluenceFunctions.covariance(sample, cells, which));
    if (wald.degreesOfFreedom == 0) {
      return DidResult.PreTrendTest.NONE;
    }
    if (which.length < placebos) {
      warnings.add(
          "pre-trend test covers "
              + which.length
              + " of "
              + placebos
              + " pre-joining effects;"
              + " the others rest on too few people to trust a joint test");
    }
    return result(wald, which.length, DidResult.PreTrendTest.Kind.GROUP_TIME, warnings);
  }

  /**
   * The test's p-value, with a warning for dependent effects. Whether it rejects is said once, for
   * both pre-trend tests together, by {@link PreTrendVerdict}.
   */
  static DidResult.PreTrendTest result(
      Wald wald, int effects, DidResult.PreTrendTest.Kind kind, List<String> warnings) {
    int dependent = effects - wald.degreesOfFreedom;
    if (dependent > 0) {
      warnings.add(
          "pre-trend test: "
              + dependent
              + " of "
              + effects
              + " pre-joining effect(s) left out"
              + " as linear combinations of the others (singular covariance)");
    }
    double p = ChiSquare.upperTail(wald.statistic, wald.degreesOfFreedom);
    return new DidResult.PreTrendTest(wald.statistic, wald.degreesOfFreedom, p, kind);
  }

  /** {@code p = 0.012} or {@code p < 0.001}: readers need the order of magnitude, not 1e-76. */
  static String describe(double p) {
    return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.2g", p);
  }

  record Wald(double statistic, int degreesOfFreedom) {}

  /**
   * {@code a' Sigma^-1 a} by a Cholesky factorisation built one effect at a time on the correlation
   * scale (so the tolerance does not depend on the outcome's units); an effect whose residual
   * variance given the kept ones is below {@link #DEPENDENT} is skipped.
   */
  static Wald wald(double[] att, double[][] sigma) {
    int k = att.length;
    double[] scale = new double[k];
    for (int a = 0; a < k; a++) {
      scale[a] = Math.sqrt(sigma[a][a]);
    }
    int[] kept = new int[k];
    double[][] lower = new double[k][];
    double[] z = new double[k];
    int m = 0;
    double statistic = 0;
    for (int a = 0; a < k; a++) {
      double[] row = new double[m + 1];
      double residual = 1.0;
      for (int j = 0; j < m; j++) {
        double v = sigma[kept[j]][a] / (scale[kept[j]] * scale[a]);
        for (int i = 0; i < j; i++) {
          v -= lower[j][i] * row[i];
        }
        row[j] = v / lower[j][j];
        residual -= row[j] * row[j];
      }
      if (!(residual > DEPENDENT)) {
        continue;
      }
      row[m] = Math.sqrt(residual);
      // Forward substitution for z = L^-1 (a / scale), extended by the new row.
      double v = att[a] / scale[a];
      for (int i = 0; i < m; i++) {
        v -= row[i] * z[i];
      }
      z[m] = v / row[m];
      statistic += z[m] * z[m];
      lower[m] = row;
      kept[m] = a;
      m++;
    }
    return new Wald(m == 0 ? Double.NaN : statistic, m);
  }
}
