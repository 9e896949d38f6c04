package org.sociallearning.impact.estimation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini-Hochberg false-discovery-rate adjustment (R's {@code p.adjust(p, "BH")}), for when many
 * effects (metrics, segments, event times) are read together and a few would otherwise be
 * "significant" by chance. Used after estimation, where the publish step puts p-values side by
 * side.
 */
public final class BenjaminiHochberg {

  private BenjaminiHochberg() {}

  /**
   * Step-up adjusted p-values, in the input order: for the i-th smallest of m p-values, {@code min
   * over j >= i of m p_(j) / j}, capped at 1. The result is monotone in p. NaN entries (effects
   * that could not be estimated) are not tests: they stay NaN and do not count in m.
   */
  public static double[] adjust(double[] p) {
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    int[] order =
        IntStream.range(0, p.length)
            .filter(i -> !Double.isNaN(p[i]))
            .boxed()
            .sorted(Comparator.comparingDouble(i -> p[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    int m = order.length;
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      if (p[i] < 0 || p[i] > 1) {
        throw new IllegalArgumentException("p-value #" + i + " is " + p[i] + ", outside [0, 1]");
      }
      running = Math.min(running, p[i] * m / rank);
      adjusted[i] = running;
    }
    return adjusted;
  }
}
