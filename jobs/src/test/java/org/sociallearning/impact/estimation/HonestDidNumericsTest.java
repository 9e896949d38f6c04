package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The numerical parts of the relative-magnitudes test on answers known in closed form: small linear
 * programs, and quantiles of truncated normals near the centre and far in a tail.
 */
class HonestDidNumericsTest {

  @Test
  void simplexFindsTheOptimalVertex() {
    // max 3x + 2y subject to x + y + s1 = 4, x + 3y + s2 = 6, all >= 0: optimum at x = 4, y = 0.
    SimplexMethod.Solution s =
        SimplexMethod.maximize(
            new double[] {3, 2, 0, 0},
            new double[][] {{1, 1, 1, 0}, {1, 3, 0, 1}},
            new double[] {4, 6});
    assertTrue(s.feasible());
    assertEquals(12, s.value(), 1e-12);
    assertArrayEquals(new double[] {4, 0, 0, 2}, s.x(), 1e-12);
  }

  @Test
  void simplexOnTheDualOfTheMomentProgram() {
    // max gamma'y over gamma >= 0, gamma'sd = 1, gamma'X = 0 with paired moments +-x: the dual
    // of min over nu of max_i (y_i - x_i nu) / sd_i. With y = (1, 3), sd = (1, 1), X = (1, -1)'
    // nu = -1 balances the two at 2.
    SimplexMethod.Solution s =
        SimplexMethod.maximize(
            new double[] {1, 3}, new double[][] {{1, 1}, {1, -1}}, new double[] {1, 0});
    assertEquals(2, s.value(), 1e-12);
    assertArrayEquals(new double[] {0.5, 0.5}, s.x(), 1e-12);
  }

  @Test
  void simplexReportsInfeasibleAndRedundantConstraints() {
    assertFalse(
        SimplexMethod.maximize(new double[] {1}, new double[][] {{1}, {1}}, new double[] {1, 2})
            .feasible());
    SimplexMethod.Solution redundant =
        SimplexMethod.maximize(
            new double[] {1, 1}, new double[][] {{1, 1}, {2, 2}}, new double[] {1, 2});
    assertEquals(1, redundant.value(), 1e-12);
  }

  @Test
  void truncatedNormalQuantilesNearTheCentre() {
    assertEquals(1.959963984540054, TruncatedNormal.quantile(0.975, -40, 40), 1e-9);
    // Truncated to [0, inf): the half-normal, whose median is qnorm(0.75).
    assertEquals(
        0.6744897501960817, TruncatedNormal.quantile(0.5, 0, Double.POSITIVE_INFINITY), 1e-9);
    assertEquals(
        -TruncatedNormal.quantile(0.2, -1.5, 0.5), TruncatedNormal.quantile(0.8, -0.5, 1.5), 1e-9);
  }

  @Test
  void truncatedNormalQuantilesFarInTheTail() {
    // Beyond 8 the normal is nearly exponential with rate 8: the median of Z | Z > 8 is about
    // 8 + ln(2) / 8; exactly, Q(m) / Q(8) = 1/2.
    double median = TruncatedNormal.quantile(0.5, 8, Double.POSITIVE_INFINITY);
    assertEquals(8 + Math.log(2) / 8, median, 2e-3);
    assertEquals(
        Math.log(0.5),
        TruncatedNormal.logUpperTail(median) - TruncatedNormal.logUpperTail(8),
        1e-9);
    // The tail formula continues the centre's.
    assertEquals(Math.log(1 - StandardNormal.cdf(3.5)), TruncatedNormal.logUpperTail(3.5), 1e-9);
  }
}
