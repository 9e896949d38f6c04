package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sup-t critical value on families whose answer is known: independent effects give Sidak's
 * value, perfectly correlated ones the pointwise 1.96, and the band never falls below 1.96.
 */
class SupTCriticalValueTest {

  private static final double Z = 1.959963984540054;

  @Test
  void independentEffectsGiveSidaksValue() {
    // P(max of 5 independent |N(0,1)| <= c) = 0.95  <=>  c = qnorm((1 + 0.95^(1/5)) / 2) = 2.5679.
    double c = SupTCriticalValue.fromCovariance(identity(5), 40_000, 3L, 0.95);
    assertEquals(2.568, c, 0.03);
  }

  @Test
  void perfectlyCorrelatedEffectsGiveThePointwiseValue() {
    double[][] same = {{4, 2, 6}, {2, 1, 3}, {6, 3, 9}};
    assertEquals(Z, SupTCriticalValue.fromCovariance(same, 40_000, 5L, 0.95), 0.03);
  }

  @Test
  void fromDrawsTakesTheLargestTStatisticOfEachReplicateAndSkipsTheRest() {
    int replicates = 20_000;
    SplittableRandom random = new SplittableRandom(7L);
    double[][] draws = new double[4][replicates];
    for (int r = 0; r < replicates; r++) {
      draws[0][r] = 0.1 * random.nextGaussian();
      draws[1][r] = 3.0 * random.nextGaussian();
      draws[2][r] = 1e9 * random.nextGaussian(); // not in the family: would swamp the maximum
      draws[3][r] = draws[1][r] / 3.0 * 0.5;
    }
    double[] se = {0.1, 3.0, 1.0, 0.5};
    // Two independent effects (the fourth duplicates the second): qnorm((1 + sqrt(0.95)) / 2).
    double c = SupTCriticalValue.fromDraws(draws, se, new int[] {0, 1, 3}, 0.95);
    assertEquals(2.236, c, 0.04);
  }

  @Test
  void theBandIsNeverNarrowerThanThePointwiseInterval() {
    double[][] draws = {{0.0, 0.1, -0.1, 0.05}};
    StandardErrors errors = new StandardErrors(new double[] {1.0}, draws);
    SimultaneousBand band = SupTCriticalValue.band(errors, new int[] {0}, null, Z, 0.95, 1L);
    assertEquals(Z, band.criticalValue());
    assertEquals(
        SimultaneousBand.NONE, SupTCriticalValue.band(errors, new int[0], null, Z, 0.95, 1L));
  }

  @Test
  void quantileIsRsTypeOne() {
    double[] x = {5, 1, 4, 2, 3};
    assertEquals(5, SupTCriticalValue.quantileType1(x, 0.95));
    assertEquals(3, SupTCriticalValue.quantileType1(x, 0.5));
    assertEquals(1, SupTCriticalValue.quantileType1(x, 0.2));
  }

  private static double[][] identity(int k) {
    double[][] m = new double[k][k];
    for (int i = 0; i < k; i++) {
      m[i][i] = 1;
    }
    return m;
  }
}
