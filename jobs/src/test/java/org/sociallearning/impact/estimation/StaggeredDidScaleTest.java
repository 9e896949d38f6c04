package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The estimator at a company's size: 5000 units x 24 periods x 20 cohorts with 999 replicates. Its
 * speed is measured by the benchmark ({@code bin/impact bench}), not asserted here.
 */
class StaggeredDidScaleTest {

  @Test
  void companySizedPanelWithFullBootstrapRecoversThePlantedEffect() {
    SyntheticPanels.Spec spec =
        SyntheticPanels.Spec.of(5000, 24, 20, -0.2, 31).withMissingShare(0.05);
    Panel panel = SyntheticPanels.selectedOnLevels(spec);
    DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults());
    assertEquals(20 * 23, result.groupTime().size());
    assertEquals(-0.2, result.simple().att(), 0.03);
    assertTrue(
        result.simple().ciLow() < -0.2 && result.simple().ciHigh() > -0.2,
        "the interval covers the planted effect: " + result.simple());
  }
}
