package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces R: {@code att_gt(lemp, year, countyreal, first.treat, data = mpdta)} + {@code aggte}.
 */
class StaggeredDidMpdtaTest {

  private static DidResult result;
  private static DidResult analytic;

  @BeforeAll
  static void estimate() {
    Panel panel = MpdtaReference.panel();
    result = StaggeredDid.estimate(panel, DidOptions.defaults());
    analytic = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
  }

  @Test
  void groupTimeEffectsMatchR() {
    double[][] expected = {
      {2004, 2004, -0.0105032},
      {2004, 2005, -0.0704232},
      {2004, 2006, -0.1372587},
      {2004, 2007, -0.1008114},
      {2006, 2004, 0.0065201},
      {2006, 2005, -0.0027508},
      {2006, 2006, -0.0045946},
      {2006, 2007, -0.0412245},
      {2007, 2004, 0.0305067},
      {2007, 2005, -0.0027259},
      {2007, 2006, -0.0310871},
      {2007, 2007, -0.0260544},
    };
    assertEquals(expected.length, result.groupTime().size());
    for (double[] row : expected) {
      GroupTimeEffect cell = result.cell((int) row[0], (int) row[1]);
      assertEquals(
          row[2],
          cell.att(),
          MpdtaReference.TOLERANCE,
          "ATT(" + cell.group() + "," + cell.time() + ")");
      assertEquals(309, cell.nControl());
    }
    assertEquals(20, result.cell(2004, 2004).nTreated());
    assertEquals(40, result.cell(2006, 2007).nTreated());
    assertEquals(131, result.cell(2007, 2007).nTreated());
    assertEquals(191, result.treatedUnits());
    assertEquals(309, result.controlUnits());
    assertTrue(result.warnings().isEmpty(), result.warnings().toString());
  }

  @Test
  void aggregatesMatchR() {
    assertEquals(-0.0399513, result.simple().att(), MpdtaReference.TOLERANCE);
    assertEffects(
        AggregateEffect.GROUP,
        List.of("2004", "2006", "2007", "overall"),
        -0.0797491,
        -0.0229095,
        -0.0260544,
        -0.0310183);
    assertEffects(
        AggregateEffect.DYNAMIC,
        List.of("-3", "-2", "-1", "0", "1", "2", "3", "overall"),
        0.0305067,
        -0.0005631,
        -0.0244587,
        -0.0199318,
        -0.0509574,
        -0.1372587,
        -0.1008114,
        -0.0772398);
    assertEffects(
        AggregateEffect.CALENDAR,
        List.of("2004", "2005", "2006", "2007", "overall"),
        -0.0105032,
        -0.0704232,
        -0.0488160,
        -0.0370593,
        -0.0417004);
    assertEquals(1 + 4 + 8 + 5, result.aggregates().size());
  }

  @Test
  void bootstrapStandardErrorsAreNearR() {
    double[] rSe = {0.0233, 0.0311, 0.0355, 0.0340};
    for (int t = 2004; t <= 2007; t++) {
      assertRelativelyClose(
          rSe[t - 2004], result.cell(2004, t).se(), 0.15, "se ATT(2004," + t + ")");
    }
    assertRelativelyClose(0.0119, result.simple().se(), 0.25, "simple se");
    assertRelativelyClose(0.0205, result.overall(AggregateEffect.DYNAMIC).se(), 0.25, "dynamic se");
    assertRelativelyClose(0.0124, result.overall(AggregateEffect.GROUP).se(), 0.25, "group se");
  }

  @Test
  void analyticStandardErrorsAgreeWithBootstrap() {
    for (int k = 0; k < result.groupTime().size(); k++) {
      GroupTimeEffect boot = result.groupTime().get(k);
      assertRelativelyClose(analytic.groupTime().get(k).se(), boot.se(), 0.12, "se of " + boot);
    }
    for (int k = 0; k < result.aggregates().size(); k++) {
      AggregateEffect boot = result.aggregates().get(k);
      assertRelativelyClose(analytic.aggregates().get(k).se(), boot.se(), 0.12, "se of " + boot);
    }
  }

  @Test
  void confidenceIntervalsArePointwiseNormal() {
    for (GroupTimeEffect e : result.groupTime()) {
      assertInterval(e.att(), e.se(), e.ciLow(), e.ciHigh());
    }
    for (AggregateEffect e : result.aggregates()) {
      assertInterval(e.att(), e.se(), e.ciLow(), e.ciHigh());
    }
  }

  private static void assertInterval(double att, double se, double low, double high) {
    assertTrue(low < att && att < high, "estimate inside its interval");
    assertEquals(2 * 1.959963984540054 * se, high - low, 1e-12);
    assertEquals(att, (low + high) / 2, 1e-12);
  }

  private static void assertEffects(String aggregation, List<String> keys, double... expected) {
    List<AggregateEffect> effects = result.byAggregation(aggregation);
    assertEquals(keys, effects.stream().map(AggregateEffect::key).toList());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          expected[i],
          effects.get(i).att(),
          MpdtaReference.TOLERANCE,
          aggregation + " " + keys.get(i));
    }
  }

  static void assertRelativelyClose(double expected, double actual, double relative, String what) {
    assertTrue(
        Math.abs(actual - expected) <= relative * Math.abs(expected),
        what + ": expected " + expected + " within " + (relative * 100) + "%, got " + actual);
  }
}
