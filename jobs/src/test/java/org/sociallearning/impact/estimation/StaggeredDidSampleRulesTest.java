package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** R's sample rules and the per-cell balanced subset, on panels small enough to check by hand. */
class StaggeredDidSampleRulesTest {

  private static final double NA = Double.NaN;
  private static final DidOptions ANALYTIC = DidOptions.defaults().withReplicates(0);

  /** Periods 1..4; one cohort at 3, a one-unit cohort at 4, and units each rule applies to. */
  private static Panel panelExercisingEveryRule() {
    return new Panel(
        new int[] {1, 2, 3, 4},
        new int[] {0, 0, 0, 9, 3, 3, 3, 1, 0, 4},
        new double[][] {
          {1, 2, 4, 7},
          {2, 2, 3, 3},
          {0, 1, 1, 2},
          {5, 5, 6, 6},
          {1, 2, 5, 6},
          {3, 3, 5, 8},
          {2, NA, 4, 4},
          {1, 1, 1, 1},
          {NA, NA, NA, NA},
          {0, 0, 0, 1},
        },
        new String[] {"n1", "n2", "n3", "late", "t1", "t2", "t3", "always", "ghost", "solo"});
  }

  @Test
  void cellsUseUnitsObservedInBothPeriods() {
    DidResult result = StaggeredDid.estimate(panelExercisingEveryRule(), ANALYTIC);
    GroupTimeEffect post = result.cell(3, 3);
    // Treated t1, t2 (t3 lacks the base period 2): changes 3, 2; controls incl. "late": 2, 1, 0, 1.
    assertEquals(1.5, post.att(), 1e-15);
    assertEquals(2, post.nTreated());
    assertEquals(4, post.nControl());
    // sqrt(ssT / nT^2 + ssC / nC^2) = sqrt(0.5 / 4 + 2 / 16)
    assertEquals(0.5, post.se(), 1e-15);
    assertEquals(2.5, result.cell(3, 4).att(), 1e-15);
    assertEquals(0.0, result.cell(3, 2).att(), 1e-15);
    assertEquals(2, result.cell(3, 2).nTreated(), "t3 lacks period 2 here too");
    assertEquals(2.0, result.simple().att(), 1e-15);
    assertEquals(2, result.treatedUnits());
    assertEquals(4, result.controlUnits());
  }

  @Test
  void everyRuleLeavesAWarning() {
    List<String> warnings = StaggeredDid.estimate(panelExercisingEveryRule(), ANALYTIC).warnings();
    assertHas(
        warnings,
        "treated in or before the first period 1 (no pre-treatment period), dropped (always)");
    assertHas(warnings, "without any observed outcome, dropped (ghost)");
    assertHas(warnings, "first treated after the last period 4, used as never treated (late)");
    assertHas(warnings, "cohort 4 has only 1 unit(s)");
    assertHas(warnings, "ATT(4,2) not estimated: 1 treated and 4 control unit(s)");
    assertHas(warnings, "ATT(4,4) not estimated");
  }

  @Test
  void cellsWithTooFewUnitsStayOutOfAggregates() {
    DidResult result = StaggeredDid.estimate(panelExercisingEveryRule(), ANALYTIC);
    GroupTimeEffect thin = result.cell(4, 4);
    assertTrue(Double.isNaN(thin.att()) && Double.isNaN(thin.se()) && Double.isNaN(thin.ciLow()));
    assertEquals(
        List.of("3", "overall"),
        result.byAggregation(AggregateEffect.GROUP).stream().map(AggregateEffect::key).toList());
    assertEquals(
        List.of("-1", "0", "1", "overall"),
        result.byAggregation(AggregateEffect.DYNAMIC).stream().map(AggregateEffect::key).toList());
  }

  @Test
  void cohortBetweenObservedPeriodsUsesTheLastPeriodBeforeIt() {
    Panel panel =
        new Panel(
            new int[] {1, 2, 4, 5},
            new int[] {3, 3, 0, 0},
            new double[][] {{0, 1, 5, 6}, {0, 3, 7, 9}, {0, 0, 0, 0}, {1, 1, 1, 1}},
            new String[] {"a", "b", "c", "d"});
    DidResult result = StaggeredDid.estimate(panel, ANALYTIC);
    assertEquals(2.0, result.cell(3, 2).att(), 1e-15);
    assertEquals(4.0, result.cell(3, 4).att(), 1e-15);
    assertEquals(5.5, result.cell(3, 5).att(), 1e-15);
    assertEquals(
        List.of("-1", "1", "2", "overall"),
        result.byAggregation(AggregateEffect.DYNAMIC).stream().map(AggregateEffect::key).toList());
    assertEquals(
        List.of("4", "5", "overall"),
        result.byAggregation(AggregateEffect.CALENDAR).stream().map(AggregateEffect::key).toList());
  }

  @Test
  void panelWithoutNeverTreatedUnitsIsRejected() {
    Panel panel =
        new Panel(
            new int[] {1, 2, 3},
            new int[] {2, 2, 3, 3},
            new double[][] {{0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}},
            new String[] {"a", "b", "c", "d"});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StaggeredDid.estimate(panel, DidOptions.defaults()));
    assertTrue(e.getMessage().contains("no never-treated units"), e.getMessage());
  }

  @Test
  void panelWithoutCohortsIsRejected() {
    Panel panel =
        new Panel(
            new int[] {1, 2},
            new int[] {0, 0},
            new double[][] {{0, 1}, {1, 2}},
            new String[] {"a", "b"});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StaggeredDid.estimate(panel, DidOptions.defaults()));
    assertTrue(e.getMessage().contains("no cohort"), e.getMessage());
  }

  private static void assertHas(List<String> warnings, String fragment) {
    assertTrue(
        warnings.stream().anyMatch(w -> w.contains(fragment)),
        "no warning with '" + fragment + "' in " + warnings);
  }
}
