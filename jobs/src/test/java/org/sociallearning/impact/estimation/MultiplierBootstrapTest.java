package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiplierBootstrapTest {

  /**
   * The fast paths (class totals corrected for units missing a period, or direct sums when most are
   * missing) must equal the definition mean_i(V_i psi_i) for cells and aggregates alike.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.1, 0.7})
  void drawsEqualMeanOfWeightedInfluenceFunctions(double missingShare) {
    Panel panel =
        SyntheticPanels.selectedOnLevels(
            SyntheticPanels.Spec.of(600, 7, 3, -0.2, 21).withMissingShare(missingShare));
    List<String> warnings = new ArrayList<>();
    EstimationSample sample = EstimationSample.prepare(panel, warnings);
    List<GroupTimeCell> cells =
        GroupTimeEstimator.estimate(sample, ControlGroup.NEVER_TREATED, warnings).cells();
    List<LinearEstimand> estimands = new ArrayList<>();
    for (int k = 0; k < cells.size(); k++) {
      estimands.add(LinearEstimand.ofCell(k, cells.get(k)));
    }
    estimands.addAll(Aggregator.aggregate(sample, cells));

    int replicates = 4;
    long seed = 99;
    BootstrapLayout layout = new BootstrapLayout(sample, cells);
    boolean anyDirect = false;
    for (boolean direct : layout.pairDirect) {
      anyDirect |= direct;
    }
    assertEquals(missingShare > 0.5, anyDirect, "sparse panels sum pairs directly");
    double[][] draws = MultiplierBootstrap.draws(layout, estimands, replicates, seed);
    long[] seeds = MultiplierBootstrap.replicateSeeds(seed, replicates);
    double[] weights = new double[sample.unitCount];
    for (int e = 0; e < estimands.size(); e++) {
      double[] psi = InfluenceFunctions.dense(sample, cells, estimands.get(e));
      for (int r = 0; r < replicates; r++) {
        MultiplierBootstrap.mammenWeights(seeds[r], weights);
        double expected = 0;
        for (int i = 0; i < psi.length; i++) {
          expected += weights[i] * psi[i];
        }
        expected /= sample.unitCount;
        assertEquals(
            expected,
            draws[e][r],
            1e-12 * (1 + Math.abs(expected)),
            estimands.get(e).aggregation() + " " + estimands.get(e).key());
      }
    }
  }

  @Test
  void mammenWeightsHaveMeanZeroAndVarianceOne() {
    double p = MultiplierBootstrap.MAMMEN_LOW_PROBABILITY;
    double low = MultiplierBootstrap.MAMMEN_LOW;
    double high = MultiplierBootstrap.MAMMEN_HIGH;
    assertEquals(0.0, p * low + (1 - p) * high, 1e-15);
    assertEquals(1.0, p * low * low + (1 - p) * high * high, 1e-15);
    double[] weights = new double[200_000];
    MultiplierBootstrap.mammenWeights(5, weights);
    double mean = java.util.Arrays.stream(weights).average().orElseThrow();
    double variance =
        java.util.Arrays.stream(weights).map(w -> (w - mean) * (w - mean)).average().orElseThrow();
    assertEquals(0.0, mean, 0.01);
    assertEquals(1.0, variance, 0.01);
  }

  @Test
  void quantilesFollowRType7() {
    double[] oneToTen = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(3.25, IqrStandardError.quantileType7(oneToTen, 0.25), 1e-15);
    assertEquals(7.75, IqrStandardError.quantileType7(oneToTen, 0.75), 1e-15);
    assertEquals(10.0, IqrStandardError.quantileType7(oneToTen, 1.0), 1e-15);
    double[] skewed = {1, 2, 3, 4, 10};
    assertEquals(2.0, IqrStandardError.quantileType7(skewed, 0.25), 1e-15);
    assertEquals(4.0, IqrStandardError.quantileType7(skewed, 0.75), 1e-15);
  }

  @Test
  void iqrStandardErrorOfNormalDrawsIsTheirStandardDeviation() {
    java.util.Random random = new java.util.Random(3);
    double[] draws = new double[100_000];
    for (int r = 0; r < draws.length; r++) {
      draws[r] = 0.05 * random.nextGaussian();
    }
    assertEquals(0.05, IqrStandardError.of(draws, 1000), 0.001);
    assertTrue(Double.isNaN(IqrStandardError.of(new double[100], 1000)), "degenerate draws");
  }
}
