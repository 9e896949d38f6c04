package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pointwise p-values of the summaries and their Benjamini-Hochberg adjustment. */
class PValuesTest {

  @Test
  void benjaminiHochbergMatchesR() {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH")
    assertArrayEquals(
        new double[] {0.02, 0.04, 0.04, 0.02},
        BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
        1e-15);
    // By hand: sorted 0.01, 0.02, 0.04, 0.045, 0.3 give m p_(i) / i = 0.05, 0.05, 0.0667, 0.05625,
    // 0.3;
    // the step-up minimum from the top lowers 0.0667 to 0.05625.
    assertArrayEquals(
        new double[] {0.3, 0.05625, 0.05, 0.05, 0.05625},
        BenjaminiHochberg.adjust(new double[] {0.3, 0.04, 0.01, 0.02, 0.045}),
        1e-15);
    assertArrayEquals(
        new double[] {0.9, 0.9}, BenjaminiHochberg.adjust(new double[] {0.9, 0.8}), 1e-15);
    assertArrayEquals(new double[0], BenjaminiHochberg.adjust(new double[0]));
  }

  @Test
  void adjustedValuesAreMonotoneAndNeverSmaller() {
    java.util.Random random = new java.util.Random(7);
    double[] p = new double[200];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.pow(random.nextDouble(), 3);
    }
    double[] adjusted = BenjaminiHochberg.adjust(p);
    for (int i = 0; i < p.length; i++) {
      assertTrue(adjusted[i] >= p[i] && adjusted[i] <= 1.0);
      for (int j = 0; j < p.length; j++) {
        if (p[i] <= p[j]) {
          assertTrue(adjusted[i] <= adjusted[j], "monotone at " + i + ", " + j);
        }
      }
    }
  }

  @Test
  void notEstimatedValuesAreNoTests() {
    double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.01, Double.NaN, 0.04});
    assertEquals(0.02, adjusted[0], 1e-15);
    assertTrue(Double.isNaN(adjusted[1]));
    assertEquals(0.04, adjusted[2], 1e-15);
    assertThrows(
        IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {1.5}));
  }

  @Test
  void aggregatePValueIsTwoSidedNormal() {
    double z = 1.959963984540054;
    assertEquals(
        0.05, new AggregateEffect("simple", "overall", z * 0.1, 0.1, 0, 0).pValue(), 1e-14);
    assertEquals(
        0.05, new AggregateEffect("simple", "overall", -z * 0.1, 0.1, 0, 0).pValue(), 1e-14);
    assertEquals(1.0, AggregateEffect.twoSidedPValue(0.0, 0.3), 1e-15);
    assertTrue(Double.isNaN(AggregateEffect.twoSidedPValue(0.1, Double.NaN)));
    assertEquals(0.0, AggregateEffect.twoSidedPValue(1.0, 0.0), 0.0);
  }

  @Test
  void everyEstimatedAggregateCarriesItsPValue() {
    DidResult result = StaggeredDid.estimate(MpdtaReference.panel(), DidOptions.defaults());
    for (AggregateEffect a : result.aggregates()) {
      assertEquals(
          2 * StandardNormal.cdf(-Math.abs(a.att() / a.se())), a.pValue(), 1e-15, a.toString());
    }
    // R's aggte(type = "simple"): ATT -0.0400, se 0.0118: clearly significant.
    assertTrue(result.simple().pValue() < 0.01, result.simple().toString());
  }
}
