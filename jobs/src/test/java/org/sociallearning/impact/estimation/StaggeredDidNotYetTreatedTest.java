package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Not-yet-treated controls on mpdta: every ATT(g,t) equals the definition computed by hand, and the
 * summaries follow from those cells with R's cohort-share weights.
 */
class StaggeredDidNotYetTreatedTest {

  private static final double EXACT = 1e-9;
  private static final int[] COHORTS = {2004, 2006, 2007};
  private static final int[] PERIODS = {2004, 2005, 2006, 2007};

  private static DidByDefinition byHand;
  private static DidResult notYet;

  @BeforeAll
  static void estimate() {
    byHand =
        DidByDefinition.readCsv(MpdtaReference.file(), "countyreal", "year", "first.treat", "lemp");
    notYet =
        StaggeredDid.estimate(
            MpdtaReference.panel(),
            DidOptions.defaults().withControl(ControlGroup.NOT_YET_TREATED));
  }

  @Test
  void everyCellEqualsTheDefinitionComputedByHand() {
    assertEquals(COHORTS.length * PERIODS.length, notYet.groupTime().size());
    for (int g : COHORTS) {
      for (int t : PERIODS) {
        DidByDefinition.Cell expected = byHand.att(g, t, true, 0);
        GroupTimeEffect cell = notYet.cell(g, t);
        assertEquals(expected.att(), cell.att(), EXACT, "ATT(" + g + "," + t + ")");
        assertEquals(expected.nTreated(), cell.nTreated(), "treated in ATT(" + g + "," + t + ")");
        assertEquals(expected.nControl(), cell.nControl(), "controls in ATT(" + g + "," + t + ")");
      }
    }
    assertTrue(notYet.warnings().isEmpty(), notYet.warnings().toString());
  }

  @Test
  void laterCohortsJoinTheControlsOnlyUntilTheyStart() {
    // 309 never treated, 40 first treated in 2006, 131 in 2007.
    assertEquals(309 + 40 + 131, notYet.cell(2004, 2004).nControl());
    assertEquals(309 + 40 + 131, notYet.cell(2004, 2005).nControl());
    assertEquals(309 + 131, notYet.cell(2004, 2006).nControl());
    assertEquals(309, notYet.cell(2004, 2007).nControl());
    assertEquals(
        309 + 131, notYet.cell(2006, 2005).nControl(), "cohort 2006 is no control for itself");
    assertEquals(309 + 40, notYet.cell(2007, 2005).nControl());
    // From 2007 on only never-treated units are left: same cells as with never-treated controls.
    DidResult never = StaggeredDid.estimate(MpdtaReference.panel(), DidOptions.defaults());
    for (int g : COHORTS) {
      assertEquals(never.cell(g, 2007).att(), notYet.cell(g, 2007).att(), 0.0);
    }
    assertEquals(191, notYet.treatedUnits());
    assertEquals(
        309 + 40 + 131, notYet.controlUnits(), "later cohorts are controls before they start");
  }

  @Test
  void aggregatesFollowFromTheCellsWithCohortShares() {
    Map<Integer, Double> share = new TreeMap<>();
    for (int g : COHORTS) {
      share.put(g, byHand.share(g));
    }
    double simpleSum = 0;
    double simpleWeight = 0;
    double groupSum = 0;
    double groupWeight = 0;
    Map<Integer, double[]> dynamic = new TreeMap<>();
    Map<Integer, double[]> calendar = new TreeMap<>();
    for (int g : COHORTS) {
      double cohortSum = 0;
      int cohortCells = 0;
      for (int t : PERIODS) {
        double att = byHand.att(g, t, true, 0).att();
        dynamic.computeIfAbsent(t - g, e -> new double[2]);
        dynamic.get(t - g)[0] += share.get(g) * att;
        dynamic.get(t - g)[1] += share.get(g);
        if (t >= g) {
          simpleSum += share.get(g) * att;
          simpleWeight += share.get(g);
          cohortSum += att;
          cohortCells++;
          calendar.computeIfAbsent(t, k -> new double[2]);
          calendar.get(t)[0] += share.get(g) * att;
          calendar.get(t)[1] += share.get(g);
        }
      }
      double cohortEffect = cohortSum / cohortCells;
      assertEquals(
          cohortEffect, notYet.find(AggregateEffect.GROUP, String.valueOf(g)).att(), EXACT);
      groupSum += share.get(g) * cohortEffect;
      groupWeight += share.get(g);
    }
    assertEquals(simpleSum / simpleWeight, notYet.simple().att(), EXACT, "simple");
    assertEquals(
        groupSum / groupWeight,
        notYet.overall(AggregateEffect.GROUP).att(),
        EXACT,
        "group overall");
    double dynamicOverall = 0;
    int nonNegative = 0;
    for (Map.Entry<Integer, double[]> e : dynamic.entrySet()) {
      double expected = e.getValue()[0] / e.getValue()[1];
      assertEquals(
          expected,
          notYet.find(AggregateEffect.DYNAMIC, String.valueOf(e.getKey())).att(),
          EXACT,
          "dynamic " + e.getKey());
      if (e.getKey() >= 0) {
        dynamicOverall += expected;
        nonNegative++;
      }
    }
    assertEquals(
        dynamicOverall / nonNegative, notYet.overall(AggregateEffect.DYNAMIC).att(), EXACT);
    double calendarOverall = 0;
    for (Map.Entry<Integer, double[]> e : calendar.entrySet()) {
      double expected = e.getValue()[0] / e.getValue()[1];
      assertEquals(
          expected, notYet.find(AggregateEffect.CALENDAR, String.valueOf(e.getKey())).att(), EXACT);
      calendarOverall += expected / calendar.size();
    }
    assertEquals(calendarOverall, notYet.overall(AggregateEffect.CALENDAR).att(), EXACT);
  }

  @Test
  void neverTreatedNumbersAreUnchanged() {
    Panel panel = MpdtaReference.panel();
    DidResult viaOldConstructor =
        StaggeredDid.estimate(
            panel, new DidOptions(ControlGroup.NEVER_TREATED, 999, 20240601L, 0.95));
    assertEquals(StaggeredDid.estimate(panel, DidOptions.defaults()), viaOldConstructor);
    for (int g : COHORTS) {
      for (int t : PERIODS) {
        assertEquals(
            byHand.att(g, t, false, 0).att(),
            viaOldConstructor.cell(g, t).att(),
            EXACT,
            "the hand computation reproduces the never-treated cells too");
      }
    }
    assertEquals(-0.0399513, viaOldConstructor.simple().att(), MpdtaReference.TOLERANCE);
  }

  @Test
  void analyticAndBootstrapErrorsAgree() {
    DidResult analytic =
        StaggeredDid.estimate(
            MpdtaReference.panel(),
            DidOptions.defaults().withControl(ControlGroup.NOT_YET_TREATED).withReplicates(0));
    for (int k = 0; k < notYet.aggregates().size(); k++) {
      StaggeredDidMpdtaTest.assertRelativelyClose(
          analytic.aggregates().get(k).se(),
          notYet.aggregates().get(k).se(),
          0.15,
          "se of " + notYet.aggregates().get(k));
    }
  }

  /**
   * R without never-treated units: the last cohort only compares, periods from its start are cut.
   */
  @Test
  void withoutNeverTreatedUnitsTheLastCohortOnlyCompares() {
    Panel panel =
        new Panel(
            new int[] {1, 2, 3, 4},
            new int[] {2, 2, 3, 3, 4, 4},
            new double[][] {
              {0, 1, 3, 4}, {1, 1, 4, 6}, {0, 0, 2, 5}, {2, 3, 4, 9}, {1, 2, 2, 3}, {0, 2, 3, 3}
            },
            new String[] {"a", "b", "c", "d", "e", "f"});
    DidOptions options =
        DidOptions.defaults().withReplicates(0).withControl(ControlGroup.NOT_YET_TREATED);
    DidResult result = StaggeredDid.estimate(panel, options);
    DidByDefinition byDefinition = DidByDefinition.of(panel);
    assertEquals(
        List.of("2,2", "2,3", "3,2", "3,3"),
        result.groupTime().stream().map(c -> c.group() + "," + c.time()).toList());
    for (GroupTimeEffect cell : result.groupTime()) {
      assertEquals(byDefinition.att(cell.group(), cell.time(), true, 0).att(), cell.att(), EXACT);
    }
    assertTrue(
        result.warnings().stream()
            .anyMatch(
                w ->
                    w.contains(
                        "no never-treated units: cohort 4 serves only as comparison group and no effects are estimated"
                            + " from period 4 on")),
        result.warnings().toString());
    assertThrows(
        IllegalArgumentException.class,
        () -> StaggeredDid.estimate(panel, options.withControl(ControlGroup.NEVER_TREATED)));
  }

  @Test
  void controlGroupSpellings() {
    assertEquals(ControlGroup.NOT_YET_TREATED, ControlGroup.parse("notyet"));
    assertEquals(ControlGroup.NOT_YET_TREATED, ControlGroup.parse("not_yet_treated"));
    assertEquals(ControlGroup.NOT_YET_TREATED, ControlGroup.parse("NotYetTreated"));
    assertEquals(ControlGroup.NEVER_TREATED, ControlGroup.parse("never"));
    assertFalse(ControlGroup.NOT_YET_TREATED.label().isEmpty());
  }
}
