package org.sociallearning.impact.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.estimation.StaggeredDid;

/**
 * What the multiplier bootstrap costs the estimation step: the staggered DiD on an employee-month
 * panel of the scale's size (24 months, a cohort joining in each of months 4-20, 40% never joining,
 * 5% of cells unobserved), without and with 1,000 replicates (median of five timings each, after a
 * warm-up of both). The bootstrap reuses the influence functions of one fit (no refit, no Spark job
 * per replicate).
 */
final class BootstrapCost {

  static final int REPLICATES = 1_000;
  private static final int MONTHS = 24;

  private BootstrapCost() {}

  static Map<String, Object> measure(int people) {
    Panel panel = panel(Math.max(people, 50), 7L);
    // Untimed fits first, so the JIT has compiled both paths (and the bootstrap's thread pool
    // is up) before either is timed; then the median of five timings each.
    seconds(panel, 0);
    seconds(panel, REPLICATES);
    double without = median(panel, 0);
    double with = median(panel, REPLICATES);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("people", panel.unitCount());
    m.put("months", MONTHS);
    m.put("estimate_seconds_without_bootstrap", without);
    m.put("estimate_seconds_with_bootstrap", with);
    m.put("replicates", REPLICATES);
    return m;
  }

  private static double median(Panel panel, int replicates) {
    double[] t = new double[5];
    for (int i = 0; i < t.length; i++) {
      t[i] = seconds(panel, replicates);
    }
    java.util.Arrays.sort(t);
    return t[t.length / 2];
  }

  private static double seconds(Panel panel, int replicates) {
    long start = System.nanoTime();
    DidResult r = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(replicates));
    double s = (System.nanoTime() - start) / 1e9;
    if (Double.isNaN(r.simple().att())) {
      throw new IllegalStateException("the benchmark panel gave no estimate");
    }
    return s;
  }

  /** People with a level, a common monthly trend and noise; joiners get a -0.2 effect. */
  static Panel panel(int people, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] periods = new int[MONTHS];
    for (int t = 0; t < MONTHS; t++) {
      periods[t] = t + 1;
    }
    int[] group = new int[people];
    double[][] outcome = new double[people][MONTHS];
    String[] ids = new String[people];
    for (int i = 0; i < people; i++) {
      ids[i] = "P" + i;
      group[i] = rng.nextDouble() < 0.4 ? 0 : 4 + rng.nextInt(MONTHS - 7);
      double level = rng.nextGaussian();
      for (int t = 0; t < MONTHS; t++) {
        boolean treated = group[i] != 0 && periods[t] >= group[i];
        outcome[i][t] =
            rng.nextDouble() < 0.05
                ? Double.NaN
                : level + 0.01 * t + (treated ? -0.2 : 0) + 0.5 * rng.nextGaussian();
      }
    }
    return new Panel(periods, group, outcome, ids);
  }
}
