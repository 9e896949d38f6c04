package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Effects planted into panels with strong self-selection must come back out. */
class StaggeredDidPlantedEffectsTest {

  private static final DidOptions OPTIONS = DidOptions.defaults().withReplicates(499);

  @Test
  void constantEffectIsRecoveredDespiteSelectionOnLevels() {
    Panel panel = SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(3000, 8, 4, -0.2, 11));
    AggregateEffect simple = StaggeredDid.estimate(panel, OPTIONS).simple();
    assertEquals(-0.2, simple.att(), 0.03);
    assertCovers(simple.ciLow(), simple.ciHigh(), -0.2, "simple ATT");
  }

  @Test
  void zeroEffectIsNotInventedWhereNaiveComparisonSeesOne() {
    Panel panel = SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(3000, 8, 4, 0.0, 12));
    DidResult result = StaggeredDid.estimate(panel, OPTIONS);
    double naive = SyntheticPanels.naivePostDifference(panel);
    assertTrue(
        naive < -1.0, "selection should make the naive difference strongly negative, got " + naive);
    assertCovers(result.simple().ciLow(), result.simple().ciHigh(), 0.0, "simple ATT");
    assertEquals(0.0, result.simple().att(), 0.03);
    for (GroupTimeEffect cell : result.groupTime()) {
      assertEquals(0.0, cell.att(), 5 * cell.se(), "ATT(" + cell.group() + "," + cell.time() + ")");
    }
  }

  @Test
  void effectGrowingWithExposureIsRecoveredPerEventTime() {
    SyntheticPanels.Spec spec =
        SyntheticPanels.Spec.of(4000, 10, 4, 0, 13).withEffect(e -> -0.05 * (e + 1));
    DidResult result = StaggeredDid.estimate(SyntheticPanels.selectedOnLevels(spec), OPTIONS);
    double truthSum = 0;
    int nonNegative = 0;
    for (AggregateEffect dynamic : result.byAggregation(AggregateEffect.DYNAMIC)) {
      if (dynamic.isOverall()) {
        continue;
      }
      int e = Integer.parseInt(dynamic.key());
      double truth = e >= 0 ? -0.05 * (e + 1) : 0.0;
      assertEquals(truth, dynamic.att(), Math.max(0.03, 4 * dynamic.se()), "dynamic e=" + e);
      assertCovers(
          dynamic.ciLow() - dynamic.se(), dynamic.ciHigh() + dynamic.se(), truth, "dynamic e=" + e);
      if (e >= 0) {
        truthSum += truth;
        nonNegative++;
      }
    }
    assertEquals(9, nonNegative, "event times 0..8: the first cohort starts in period 2 of 10");
    AggregateEffect overall = result.overall(AggregateEffect.DYNAMIC);
    assertEquals(truthSum / nonNegative, overall.att(), 0.03);
    assertCovers(overall.ciLow(), overall.ciHigh(), truthSum / nonNegative, "dynamic overall");
  }

  @Test
  void missingOutcomesStillRecoverTheEffect() {
    SyntheticPanels.Spec spec = SyntheticPanels.Spec.of(3000, 8, 4, -0.2, 14).withMissingShare(0.3);
    Panel panel = SyntheticPanels.selectedOnLevels(spec);
    DidResult result = StaggeredDid.estimate(panel, OPTIONS);
    assertEquals(-0.2, result.simple().att(), 0.03);
    assertCovers(result.simple().ciLow(), result.simple().ciHigh(), -0.2, "simple ATT");
    // About half the units are observed in both periods of a cell (0.7 * 0.7).
    GroupTimeEffect cell = result.groupTime().get(0);
    assertTrue(
        cell.nControl() > 0 && cell.nControl() < 0.6 * result.controlUnits(),
        "per-cell subset should be smaller than the control pool: " + cell);
  }

  private static void assertCovers(double low, double high, double value, String what) {
    assertTrue(
        low <= value && value <= high,
        what + ": [" + low + ", " + high + "] should cover " + value);
  }
}
