package org.sociallearning.impact.sample;

import java.util.SplittableRandom;

/** How many tickets or opportunities a person starts in one month. */
final class Workload {

  private Workload() {}

  /**
   * The sum of {@code volume} draws of 0, 1 or 2 with probabilities {@code p[0]}, {@code p[1]} and
   * the rest; one draw per person-month at volume 1, so the base sample's random stream is
   * unchanged.
   */
  static int itemsInMonth(SplittableRandom rng, double[] p, int volume) {
    int n = 0;
    for (int v = 0; v < volume; v++) {
      double draw = rng.nextDouble();
      n += draw < p[0] ? 0 : draw < p[0] + p[1] ? 1 : 2;
    }
    return n;
  }
}
