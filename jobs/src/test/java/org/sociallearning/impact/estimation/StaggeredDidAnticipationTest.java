package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Anticipation: base period moved back, not-yet controls untreated through t + anticipation. */
class StaggeredDidAnticipationTest {

  private static final double EXACT = 1e-9;
  private static final double EFFECT = -0.2;
  private static final DidOptions OPTIONS = DidOptions.defaults().withReplicates(499);

  /** Effect -0.2 that starts one period before joining; cohorts in periods 2, 4, 7 and 9 of 10. */
  private static Panel effectStartingOnePeriodEarly() {
    return SyntheticPanels.selectedOnLevels(
        SyntheticPanels.Spec.of(4000, 10, 4, EFFECT, 41).withLead(1));
  }

  @Test
  void zeroAnticipationIsTheCurrentEstimator() {
    Panel mpdta = MpdtaReference.panel();
    assertEquals(
        StaggeredDid.estimate(mpdta, DidOptions.defaults()),
        StaggeredDid.estimate(mpdta, DidOptions.defaults().withAnticipation(0)));
    Panel synthetic =
        SyntheticPanels.selectedOnLevels(
            SyntheticPanels.Spec.of(500, 7, 3, EFFECT, 42).withMissingShare(0.1));
    DidOptions notYet = OPTIONS.withControl(ControlGroup.NOT_YET_TREATED);
    assertEquals(
        StaggeredDid.estimate(synthetic, notYet),
        StaggeredDid.estimate(synthetic, notYet.withAnticipation(0)));
  }

  @Test
  void cellsFollowTheDefinitionWithAnticipation() {
    Panel panel =
        SyntheticPanels.selectedOnLevels(
            SyntheticPanels.Spec.of(600, 9, 4, EFFECT, 43).withLead(2));
    DidByDefinition byHand = DidByDefinition.of(panel);
    for (ControlGroup control : ControlGroup.values()) {
      for (int anticipation = 0; anticipation <= 2; anticipation++) {
        DidResult result =
            StaggeredDid.estimate(
                panel,
                DidOptions.defaults()
                    .withReplicates(0)
                    .withControl(control)
                    .withAnticipation(anticipation));
        int cells = 0;
        for (GroupTimeEffect cell : result.groupTime()) {
          if (Double.isNaN(cell.att())) {
            continue;
          }
          DidByDefinition.Cell expected =
              byHand.att(
                  cell.group(), cell.time(), control == ControlGroup.NOT_YET_TREATED, anticipation);
          String what =
              control
                  + " anticipation "
                  + anticipation
                  + " ATT("
                  + cell.group()
                  + ","
                  + cell.time()
                  + ")";
          assertEquals(expected.att(), cell.att(), EXACT, what);
          assertEquals(expected.nControl(), cell.nControl(), what);
          cells++;
        }
        assertTrue(
            cells >= 8 * 2,
            control + " anticipation " + anticipation + ": only " + cells + " cells");
      }
    }
  }

  @Test
  void cohortsWithoutABasePeriodBeforeTheirAnticipationAreDropped() {
    Panel panel = effectStartingOnePeriodEarly();
    DidResult result = StaggeredDid.estimate(panel, OPTIONS.withAnticipation(1));
    assertTrue(
        result.groupTime().stream().noneMatch(c -> c.group() == 2), "cohort 2 would need period 0");
    assertTrue(
        result.warnings().stream()
            .anyMatch(
                w ->
                    w.contains(
                        "first treated by period 2 (with 1 anticipation period(s) no pre-treatment period is left), dropped")),
        result.warnings().toString());
  }

  @Test
  void effectStartingBeforeJoiningIsRecoveredOnlyWithAnticipation() {
    Panel panel = effectStartingOnePeriodEarly();

    DidResult naive = StaggeredDid.estimate(panel, OPTIONS);
    AggregateEffect placebo = naive.find(AggregateEffect.DYNAMIC, "-1");
    assertEquals(
        EFFECT, placebo.att(), 0.03, "the period before joining already carries the effect");
    assertTrue(placebo.pValue() < 1e-6, "a clearly failed placebo: " + placebo);
    assertEquals(
        0.0, naive.simple().att(), 0.03, "measured from an affected base, the effect vanishes");
    assertTrue(naive.preTrend().pValue() < 1e-6, naive.preTrend().toString());
    assertTrue(
        naive.warnings().stream()
            .anyMatch(w -> w.startsWith("pre-trend test rejects parallel trends")),
        naive.warnings().toString());

    DidResult anticipating = StaggeredDid.estimate(panel, OPTIONS.withAnticipation(1));
    AggregateEffect simple = anticipating.simple();
    assertEquals(EFFECT, simple.att(), 0.03);
    assertTrue(simple.ciLow() <= EFFECT && EFFECT <= simple.ciHigh(), simple.toString());
    for (AggregateEffect dynamic : anticipating.byAggregation(AggregateEffect.DYNAMIC)) {
      int e = dynamic.isOverall() ? 0 : Integer.parseInt(dynamic.key());
      double truth = e >= -1 ? EFFECT : 0.0;
      assertEquals(
          truth, dynamic.att(), Math.max(0.03, 4 * dynamic.se()), "dynamic " + dynamic.key());
    }
    // Event time -1 is the anticipation window, not a placebo: the pre-trend test leaves it out.
    long placebos = anticipating.groupTime().stream().filter(c -> c.time() < c.group() - 1).count();
    assertEquals(placebos, anticipating.preTrend().degreesOfFreedom());
    assertTrue(anticipating.preTrend().pValue() > 0.05, anticipating.preTrend().toString());
  }

  @Test
  void negativeAnticipationIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> DidOptions.defaults().withAnticipation(-1));
  }
}
