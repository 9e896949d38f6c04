package org.sociallearning.impact.sample;

import java.util.SplittableRandom;

/**
 * Month effects on log durations (ServiceNow time to resolve, Salesforce sales cycle) that everyone
 * shares, participant or not: a yearly season plus noise. Each export draws its own from its own
 * random stream.
 */
final class MonthShocks {

  private MonthShocks() {}

  /** One shock per month of the timeline: 0.1 x sin(season) + N(0, 0.1). */
  static double[] draw(Timeline t, SplittableRandom rng) {
    double[] s = new double[t.months];
    for (int m = 0; m < t.months; m++) {
      int calendarMonth = t.monthStart(m).getMonthValue();
      s[m] = 0.1 * StrictMath.sin(2 * Math.PI * calendarMonth / 12.0) + 0.1 * rng.nextGaussian();
    }
    return s;
  }
}
