package org.sociallearning.impact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.schemas.MetricDefinition;

class AdjustedPValuesTest {

  static MetricEstimate withP(double p) {
    return new MetricEstimate(
        MetricDefinition.named("win_rate"),
        "all",
        0.1,
        0,
        0.2,
        0.1,
        0,
        0.2,
        10,
        10,
        "m",
        p,
        Double.NaN,
        Double.NaN,
        0,
        "",
        List.of(),
        List.of(),
        false,
        List.of());
  }

  @Test
  void benjaminiHochbergRunsAcrossTheEstimatesThatHaveAPValue() {
    List<MetricEstimate> out =
        EstimateEffects.withAdjustedPValues(
            List.of(withP(0.01), withP(Double.NaN), withP(0.04), withP(0.03), withP(0.005)));
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
    assertEquals(0.02, out.get(0).pValueAdjusted(), 1e-12);
    assertTrue(Double.isNaN(out.get(1).pValueAdjusted()), "a suppressed estimate stays untested");
    assertEquals(0.04, out.get(2).pValueAdjusted(), 1e-12);
    assertEquals(0.04, out.get(3).pValueAdjusted(), 1e-12);
    assertEquals(0.02, out.get(4).pValueAdjusted(), 1e-12);
  }
}
