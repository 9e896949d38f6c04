package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The base period setting (R's {@code base_period}): with {@link BasePeriod#UNIVERSAL} every
 * ATT(g,t) is the mean change from the cohort's base to t, participants minus comparison units, the
 * base itself is a 0 without a standard error, and nothing after joining changes.
 */
class StaggeredDidBasePeriodTest {

  private static final DidOptions UNIVERSAL =
      DidOptions.defaults().withBasePeriod(BasePeriod.UNIVERSAL);
  private static final double SAME = 1e-12;

  /**
   * No published R output with {@code base_period = "universal"} for mpdta, so the reference is R's
   * published varying output (the cells in {@link StaggeredDidMpdtaTest}, 7 decimals): with
   * never-treated controls on a balanced panel, a universal placebo effect is minus the sum of the
   * varying ones from the period after it up to the base, ATT_u(g,t) = -(ATT_v(g,t+1) + ... +
   * ATT_v(g,g-1)), and the first period 2003, which has no varying cell, gets one.
   */
  @Test
  void mpdtaUniversalCellsAreRsVaryingCellsSummedBackToTheBase() {
    DidResult result = StaggeredDid.estimate(MpdtaReference.panel(), UNIVERSAL.withReplicates(0));
    double[][] expected = {
      {2004, 2003, 0},
      {2004, 2004, -0.0105032},
      {2004, 2005, -0.0704232},
      {2004, 2006, -0.1372587},
      {2004, 2007, -0.1008114},
      {2006, 2003, -(0.0065201 - 0.0027508)},
      {2006, 2004, 0.0027508},
      {2006, 2005, 0},
      {2006, 2006, -0.0045946},
      {2006, 2007, -0.0412245},
      {2007, 2003, -(0.0305067 - 0.0027259 - 0.0310871)},
      {2007, 2004, -(-0.0027259 - 0.0310871)},
      {2007, 2005, 0.0310871},
      {2007, 2006, 0},
      {2007, 2007, -0.0260544},
    };
    assertEquals(expected.length, result.groupTime().size());
    for (double[] row : expected) {
      GroupTimeEffect cell = result.cell((int) row[0], (int) row[1]);
      assertEquals(row[2], cell.att(), MpdtaReference.TOLERANCE, cell.toString());
      assertEquals(309, cell.nControl(), cell.toString());
    }
    assertEquals(List.of(), result.warnings());
  }

  @Test
  void everyCellIsTheMeanChangeFromTheCohortsBase() {
    Panel synthetic =
        SyntheticPanels.selectedOnLevels(
            SyntheticPanels.Spec.of(900, 8, 4, -0.2, 21).withMissingShare(0.2));
    for (Panel panel : List.of(MpdtaReference.panel(), synthetic)) {
      DidByDefinition byHand = DidByDefinition.of(panel);
      for (ControlGroup control : ControlGroup.values()) {
        for (int anticipation = 0; anticipation <= 1; anticipation++) {
          DidOptions options =
              UNIVERSAL.withReplicates(0).withControl(control).withAnticipation(anticipation);
          DidResult result = StaggeredDid.estimate(panel, options);
          int cells = 0;
          for (GroupTimeEffect cell : result.groupTime()) {
            DidByDefinition.Cell direct =
                byHand.att(
                    cell.group(),
                    cell.time(),
                    control == ControlGroup.NOT_YET_TREATED,
                    anticipation,
                    BasePeriod.UNIVERSAL);
            String what = options + " " + cell;
            assertEquals(direct.att(), cell.att(), SAME, what);
            assertEquals(direct.nTreated(), cell.nTreated(), what);
            assertEquals(direct.nControl(), cell.nControl(), what);
            cells++;
          }
          long cohorts =
              result.groupTime().stream().mapToInt(GroupTimeEffect::group).distinct().count();
          assertEquals(
              cohorts * panel.periodCount(), cells, "from the first period on: " + options);
        }
      }
    }
  }

  @Test
  void theBaseIsAZeroWithoutStandardError() {
    Panel panel = SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(900, 8, 4, -0.2, 22));
    for (int anticipation = 0; anticipation <= 1; anticipation++) {
      for (int replicates : new int[] {0, 99}) {
        DidOptions options = UNIVERSAL.withReplicates(replicates).withAnticipation(anticipation);
        DidResult result = StaggeredDid.estimate(panel, options);
        int baseEventTime = -1 - anticipation;
        List<GroupTimeEffect> bases =
            result.groupTime().stream().filter(c -> c.eventTime() == baseEventTime).toList();
        assertEquals(
            result.groupTime().stream().mapToInt(GroupTimeEffect::group).distinct().count(),
            bases.size(),
            "one base per cohort");
        assertTrue(bases.size() >= 3, bases.toString());
        for (GroupTimeEffect base : bases) {
          assertEquals(0.0, base.att(), options + " " + base);
          assertTrue(
              Double.isNaN(base.se()) && Double.isNaN(base.ciLow()) && Double.isNaN(base.ciHigh()),
              options + " " + base);
          assertTrue(base.nTreated() > 0, "the participants behind the base are counted: " + base);
        }
        AggregateEffect point = result.find(AggregateEffect.DYNAMIC, String.valueOf(baseEventTime));
        assertEquals(0.0, point.att(), options.toString());
        assertTrue(Double.isNaN(point.se()) && Double.isNaN(point.pValue()), point.toString());
        for (GroupTimeEffect other : result.groupTime()) {
          if (other.eventTime() != baseEventTime) {
            assertTrue(other.se() > 0, other.toString());
          }
        }
      }
    }
  }

  @Test
  void dynamicPointsBeforeJoiningAverageTheCohortsLevelsAgainstTheirBase() {
    Panel panel = MpdtaReference.panel();
    DidByDefinition byHand = DidByDefinition.of(panel);
    DidResult result = StaggeredDid.estimate(panel, UNIVERSAL.withReplicates(0));
    assertEquals(
        List.of("-4", "-3", "-2", "-1", "0", "1", "2", "3", "overall"),
        result.byAggregation(AggregateEffect.DYNAMIC).stream().map(AggregateEffect::key).toList());
    for (int e = -4; e <= -2; e++) {
      double weighted = 0;
      double shares = 0;
      for (int g : new int[] {2004, 2006, 2007}) {
        if (g + e >= 2003) {
          weighted += byHand.share(g) * byHand.att(g, g + e, false, 0, BasePeriod.UNIVERSAL).att();
          shares += byHand.share(g);
        }
      }
      assertEquals(
          weighted / shares,
          result.find(AggregateEffect.DYNAMIC, String.valueOf(e)).att(),
          SAME,
          "event time " + e);
    }
    // Cohort 2007's mpdta pre-period levels, from R's varying cells as above: -0.0033 then 0.0338
    // before 2006.
    assertEquals(
        -(0.0305067 - 0.0027259 - 0.0310871),
        result.find(AggregateEffect.DYNAMIC, "-4").att(),
        MpdtaReference.TOLERANCE);
  }

  @Test
  void postTreatmentResultsDoNotDependOnTheBasePeriod() {
    Panel mpdta = MpdtaReference.panel();
    Panel synthetic =
        SyntheticPanels.selectedOnLevels(
            SyntheticPanels.Spec.of(1200, 9, 5, -0.2, 23).withMissingShare(0.2));
    assertSameAfterJoining(mpdta, DidOptions.defaults(), null);
    assertSameAfterJoining(
        mpdta,
        DidOptions.defaults()
            .withReplicates(0)
            .withControl(ControlGroup.NOT_YET_TREATED)
            .withAnticipation(1),
        null);
    assertSameAfterJoining(synthetic, DidOptions.defaults().withReplicates(199), null);
    assertSameAfterJoining(
        synthetic,
        DidOptions.defaults()
            .withReplicates(199)
            .withControl(ControlGroup.NOT_YET_TREATED)
            .withAnticipation(1),
        null);
    assertSameAfterJoining(
        synthetic, DidOptions.defaults().withReplicates(0), randomStrata(1200, 3, 24));
    assertSameAfterJoining(
        synthetic,
        DidOptions.defaults().withReplicates(199).withControl(ControlGroup.NOT_YET_TREATED),
        randomStrata(1200, 3, 25));
    assertSameAfterJoining(
        withoutNeverTreated(synthetic),
        DidOptions.defaults().withReplicates(199).withControl(ControlGroup.NOT_YET_TREATED),
        null);
    assertSameAfterJoining(
        randomlyWeighted(synthetic, 26), DidOptions.defaults().withReplicates(0), null);
    assertSameAfterJoining(
        randomlyWeighted(synthetic, 27),
        DidOptions.defaults().withReplicates(0).withControl(ControlGroup.NOT_YET_TREATED),
        randomStrata(1200, 3, 28));
  }

  /**
   * Participants' item-weighted mean change from the base minus the comparison units', weights of
   * t.
   */
  @Test
  void weightedPlaceboIsTheWeightedMeanChangeFromTheBase() {
    Panel panel =
        randomlyWeighted(
            SyntheticPanels.selectedOnLevels(
                SyntheticPanels.Spec.of(900, 8, 4, -0.2, 29).withMissingShare(0.1)),
            30);
    DidResult result = StaggeredDid.estimate(panel, UNIVERSAL.withReplicates(0));
    int checked = 0;
    for (GroupTimeEffect cell : result.groupTime()) {
      int ti = Arrays.binarySearch(panel.periods(), cell.time());
      int bi = Arrays.binarySearch(panel.periods(), cell.group() - 1);
      double[] sums = new double[4]; // treated: weight, weighted change; control: the same
      for (int i = 0; i < panel.unitCount(); i++) {
        double change = panel.outcome()[i][ti] - panel.outcome()[i][bi];
        int g = panel.unitGroup()[i];
        if (Double.isNaN(change) || (g != cell.group() && g != 0)) {
          continue;
        }
        int side = g == 0 ? 2 : 0;
        sums[side] += panel.weight()[i][ti];
        sums[side + 1] += panel.weight()[i][ti] * change;
      }
      assertEquals(sums[1] / sums[0] - sums[3] / sums[2], cell.att(), SAME, cell.toString());
      checked++;
    }
    assertEquals(SyntheticPanels.cohortPeriods(8, 4).length * 8, checked);
  }

  @Test
  void oneStratumForEveryoneIsTheUnstratifiedUniversalEstimatorExactly() {
    Panel panel =
        SyntheticPanels.selectedOnLevels(
            SyntheticPanels.Spec.of(900, 8, 4, -0.2, 31).withMissingShare(0.2));
    String[] everyone = new String[panel.unitCount()];
    Arrays.fill(everyone, "all");
    for (DidOptions options :
        List.of(
            UNIVERSAL.withReplicates(99),
            UNIVERSAL
                .withReplicates(0)
                .withControl(ControlGroup.NOT_YET_TREATED)
                .withAnticipation(1))) {
      DidResult plain = StaggeredDid.estimate(panel, options);
      DidResult stratified = StaggeredDid.estimate(panel, options, everyone);
      assertEquals(plain.groupTime(), stratified.groupTime(), options.toString());
      assertEquals(plain.aggregates(), stratified.aggregates(), options.toString());
      assertEquals(plain.preTrend(), stratified.preTrend(), options.toString());
    }
  }

  @Test
  void basePeriodIsParsedFromItsOption() {
    assertEquals(BasePeriod.UNIVERSAL, BasePeriod.parse(" Universal "));
    assertEquals(BasePeriod.VARYING, BasePeriod.parse("varying"));
    IllegalArgumentException bad =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> BasePeriod.parse("fixed"));
    assertEquals("unknown base period 'fixed'; expected: varying or universal", bad.getMessage());
    assertEquals(BasePeriod.VARYING, DidOptions.defaults().basePeriod(), "R's default");
    DidOptions universal = DidOptions.defaults().withBasePeriod(BasePeriod.UNIVERSAL);
    assertEquals(
        BasePeriod.UNIVERSAL,
        universal
            .withSeed(1)
            .withReplicates(0)
            .withAnticipation(2)
            .withControl(ControlGroup.NOT_YET_TREATED)
            .basePeriod(),
        "every with* keeps the base period");
  }

  /**
   * Post-treatment cells (estimate, standard error, interval, counts) and the simple, group and
   * calendar aggregates, plus the dynamic points from event time 0 on and their overall, agree
   * between the two settings to 1e-12, with bootstrap errors too (same seed, same draws).
   */
  private static void assertSameAfterJoining(Panel panel, DidOptions options, String[] strata) {
    DidResult varying =
        StaggeredDid.estimate(panel, options.withBasePeriod(BasePeriod.VARYING), strata);
    DidResult universal =
        StaggeredDid.estimate(panel, options.withBasePeriod(BasePeriod.UNIVERSAL), strata);
    String what =
        options + (strata == null ? "" : " stratified") + (panel.isWeighted() ? " weighted" : "");
    int post = 0;
    for (GroupTimeEffect v : varying.groupTime()) {
      if (!v.isPostTreatment()) {
        continue;
      }
      GroupTimeEffect u = universal.cell(v.group(), v.time());
      assertClose(v.att(), u.att(), what + " att " + v);
      assertClose(v.se(), u.se(), what + " se " + v);
      assertClose(v.ciLow(), u.ciLow(), what + " ci " + v);
      assertEquals(v.nTreated(), u.nTreated(), what);
      assertEquals(v.nControl(), u.nControl(), what);
      post++;
    }
    assertTrue(post > 0, what);
    List<AggregateEffect> compared = new ArrayList<>();
    for (AggregateEffect v : varying.aggregates()) {
      boolean preJoining =
          AggregateEffect.DYNAMIC.equals(v.aggregation())
              && !v.isOverall()
              && Integer.parseInt(v.key()) < 0;
      if (preJoining) {
        continue;
      }
      AggregateEffect u = universal.find(v.aggregation(), v.key());
      assertClose(v.att(), u.att(), what + " " + v);
      assertClose(v.se(), u.se(), what + " se " + v);
      compared.add(v);
    }
    assertTrue(
        compared.stream().anyMatch(a -> a.aggregation().equals(AggregateEffect.CALENDAR)), what);
    assertEquals(varying.treatedUnits(), universal.treatedUnits(), what);
    assertEquals(varying.controlUnits(), universal.controlUnits(), what);
  }

  private static void assertClose(double expected, double actual, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what);
      return;
    }
    assertEquals(expected, actual, SAME * Math.max(1, Math.abs(expected)), what);
  }

  private static String[] randomStrata(int units, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] strata = new String[units];
    for (int i = 0; i < units; i++) {
      strata[i] = "s" + random.nextInt(count);
    }
    return strata;
  }

  /** Only the units that join: the last cohort is then only a comparison group. */
  private static Panel withoutNeverTreated(Panel panel) {
    int[] joiners =
        java.util.stream.IntStream.range(0, panel.unitCount())
            .filter(i -> panel.unitGroup()[i] != 0)
            .toArray();
    return new Panel(
        panel.periods(),
        Arrays.stream(joiners).map(i -> panel.unitGroup()[i]).toArray(),
        Arrays.stream(joiners).mapToObj(i -> panel.outcome()[i]).toArray(double[][]::new),
        Arrays.stream(joiners).mapToObj(i -> panel.unitIds()[i]).toArray(String[]::new));
  }

  /** The same outcomes with 1 to 12 items behind every observed unit-period. */
  private static Panel randomlyWeighted(Panel panel, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] weight = new double[panel.unitCount()][panel.periodCount()];
    for (double[] row : weight) {
      for (int t = 0; t < row.length; t++) {
        row[t] = 1 + random.nextInt(12);
      }
    }
    return Panel.weighted(
        panel.periods(), panel.unitGroup(), panel.outcome(), panel.unitIds(), weight);
  }
}
