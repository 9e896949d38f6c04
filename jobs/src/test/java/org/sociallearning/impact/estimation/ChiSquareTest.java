package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChiSquareTest {

  @Test
  void upperTailAtPublishedQuantiles() {
    assertEquals(0.05, ChiSquare.upperTail(3.841, 1), 2e-5);
    assertEquals(0.05, ChiSquare.upperTail(18.307, 10), 2e-6);
    // qchisq(0.95, 1), qchisq(0.95, 10), qchisq(0.99, 3), qchisq(0.95, 30)
    assertEquals(0.05, ChiSquare.upperTail(3.841458820694124, 1), 1e-14);
    assertEquals(0.05, ChiSquare.upperTail(18.307038053275146, 10), 1e-14);
    assertEquals(0.01, ChiSquare.upperTail(11.344866730144373, 3), 1e-14);
    assertEquals(0.05, ChiSquare.upperTail(43.77297182574219, 30), 1e-13);
  }

  /**
   * Closed forms: Q = exp(-x/2) sum_{j<k/2} (x/2)^j / j! for even k, 2 Phi(-sqrt x) (+ ...) for odd
   * k.
   */
  @Test
  void upperTailMatchesClosedForms() {
    for (double x : new double[] {1e-6, 0.1, 0.5, 1, 2.5, 4, 7.7912366, 12, 30, 80}) {
      double half = x / 2;
      assertRelative(Math.exp(-half), ChiSquare.upperTail(x, 2), "k=2 x=" + x);
      assertRelative(Math.exp(-half) * (1 + half), ChiSquare.upperTail(x, 4), "k=4 x=" + x);
      assertRelative(
          Math.exp(-half)
              * (1
                  + half
                  + half * half / 2
                  + half * half * half / 6
                  + half * half * half * half / 24),
          ChiSquare.upperTail(x, 10),
          "k=10 x=" + x);
      double normalTail = 2 * StandardNormal.cdf(-Math.sqrt(x));
      assertEquals(normalTail, ChiSquare.upperTail(x, 1), 1e-14, "k=1 x=" + x);
      assertEquals(
          normalTail + Math.sqrt(2 * x / Math.PI) * Math.exp(-half),
          ChiSquare.upperTail(x, 3),
          1e-14,
          "k=3 x=" + x);
    }
  }

  @Test
  void edgesAndLogGamma() {
    assertEquals(1.0, ChiSquare.upperTail(0, 5), 0.0);
    assertEquals(0.0, ChiSquare.upperTail(3.2e17, 75), 0.0);
    assertEquals(0.0, ChiSquare.upperTail(Double.POSITIVE_INFINITY, 3), 0.0);
    assertEquals(1.2154569777183007e-11, ChiSquare.upperTail(60, 5), 1e-22);
    assertEquals(0.9994464813904249, ChiSquare.upperTail(0.5, 7), 1e-14);
    assertEquals(Math.log(24), ChiSquare.logGamma(5), 1e-14);
    assertEquals(0.5 * Math.log(Math.PI), ChiSquare.logGamma(0.5), 1e-14);
  }

  private static void assertRelative(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-13 * Math.max(expected, 1e-300), what);
  }
}
