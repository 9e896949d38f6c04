package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StandardNormalTest {

  @Test
  void quantileMatchesReferenceValues() {
    assertEquals(1.959963984540054, StandardNormal.quantile(0.975), 1e-13);
    assertEquals(-1.959963984540054, StandardNormal.quantile(0.025), 1e-13);
    assertEquals(0.6744897501960817, StandardNormal.quantile(0.75), 1e-13);
    assertEquals(2.5758293035489004, StandardNormal.quantile(0.995), 1e-12);
    assertEquals(1.6448536269514722, StandardNormal.quantile(0.95), 1e-13);
    assertEquals(0.0, StandardNormal.quantile(0.5), 1e-15);
    assertEquals(-4.264890793922825, StandardNormal.quantile(1e-5), 1e-10);
    // Deep tail: Acklam alone, relative error ~1e-9.
    assertEquals(-6.361340902404056, StandardNormal.quantile(1e-10), 1e-8);
  }

  @Test
  void cdfMatchesReferenceValues() {
    assertEquals(0.5, StandardNormal.cdf(0), 1e-16);
    assertEquals(0.9750021048517795, StandardNormal.cdf(1.96), 1e-15);
    assertEquals(0.15865525393145707, StandardNormal.cdf(-1), 1e-15);
    assertEquals(0.0013498980316301, StandardNormal.cdf(-3), 1e-15);
  }

  /**
   * Between about 7.5 and 9 standard deviations the series' rounding error exceeds the true tail
   * probability; unclamped, cdf(-7.9) came out at -1.1e-16 and a p-value built on it made
   * Benjamini-Hochberg throw (a step of 0.75 with standard error 0.095 before joining).
   */
  @Test
  void cdfStaysAProbabilityInTheFarTails() {
    for (double x = 7.0; x <= 9.0; x += 0.01) {
      double lower = StandardNormal.cdf(-x);
      double upper = StandardNormal.cdf(x);
      assertTrue(lower >= 0 && lower < 2e-12, x + ": " + lower);
      assertTrue(upper <= 1 && upper > 1 - 2e-12, x + ": " + upper);
      double p = AggregateEffect.twoSidedPValue(x, 1.0);
      assertTrue(p >= 0 && p <= 1, x + ": " + p);
    }
  }
}
