package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The pre-joining level: the plain mean over event times before the base of the universal-base
 * event-study points that rest on at least 20 people per side, with its standard error from the
 * same influence functions (or bootstrap draws) as those points.
 */
class PreJoiningLevelTest {

  private static final DidOptions UNIVERSAL =
      DidOptions.defaults().withBasePeriod(BasePeriod.UNIVERSAL);
  private static final double SAME = 1e-12;

  /**
   * mpdta: event times -4 (cohort 2007 only), -3 and -2 before the base at -1, each on well over 20
   * counties; the level is their mean, about 0.018 (p about 0.3).
   */
  @Test
  void mpdtaLevelIsTheMeanOfTheUniversalEventStudyPointsBeforeTheBase() {
    DidResult.PreTrendTest.LevelTest level =
        assertLevelIsTheMeanOfDynamicPoints(
            MpdtaReference.panel(), UNIVERSAL.withReplicates(0), List.of(-4, -3, -2));
    assertEquals(0.0176, level.estimate(), 1e-4);
    assertTrue(level.pValue() > 0.2 && level.pValue() < 0.4, level.toString());
  }

  /**
   * A small company: about 30 participants in joining months of 1-4 people. Event times far before
   * joining have fewer than 20 participants behind them (only the late joiners reach back that far)
   * and are left out.
   */
  @Test
  void smallCompanyLevelCountsOnlyEventTimesWithTwentyPeoplePerSide() {
    Panel panel = SyntheticPanels.smallCompanyGainBeforeJoining(30, 60, 18, -0.3, 0.35, 9000);
    DidResult result = StaggeredDid.estimate(panel, UNIVERSAL.withReplicates(0));
    Map<Integer, long[]> people = peopleByPreBaseEventTime(result, 0);
    List<Integer> counted = counted(people);
    assertTrue(
        counted.size() >= 3 && counted.size() < people.size() - 3,
        counted + " of " + people.keySet());
    assertLevelIsTheMeanOfDynamicPoints(panel, UNIVERSAL.withReplicates(0), counted);
  }

  /** Unbalanced (a fifth of outcomes missing): still the mean of the published points. */
  @Test
  void unbalancedPanelLevelIsTheMeanOfThePublishedPoints() {
    Panel panel =
        SyntheticPanels.selectedOnLevels(
            SyntheticPanels.Spec.of(900, 8, 4, -0.2, 21).withMissingShare(0.2));
    DidResult result = StaggeredDid.estimate(panel, UNIVERSAL.withReplicates(0));
    assertLevelIsTheMeanOfDynamicPoints(
        panel, UNIVERSAL.withReplicates(0), counted(peopleByPreBaseEventTime(result, 0)));
  }

  /** With anticipation the base moves back a period and the anticipation window is left out. */
  @Test
  void anticipationLeavesOutItsWindow() {
    Panel panel = SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(900, 8, 4, -0.2, 22));
    DidOptions options = UNIVERSAL.withReplicates(0).withAnticipation(1);
    DidResult result = StaggeredDid.estimate(panel, options);
    List<Integer> counted = counted(peopleByPreBaseEventTime(result, 1));
    assertTrue(counted.stream().allMatch(e -> e <= -3) && !counted.isEmpty(), counted.toString());
    assertLevelIsTheMeanOfDynamicPoints(panel, options, counted);
  }

  /**
   * A varying base forms the same levels as minus the sum of the period-to-period cells up to the
   * base: on complete panels with never-treated controls the point estimate and the influence
   * function, and so the test, are the universal ones.
   */
  @Test
  void varyingBaseGivesTheSameTestOnCompletePanels() {
    for (Panel panel :
        List.of(
            MpdtaReference.panel(),
            SyntheticPanels.smallCompanyGainBeforeJoining(30, 60, 18, -0.3, 0.35, 9001),
            SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(900, 8, 4, -0.2, 23)))) {
      DidResult.PreTrendTest.LevelTest universal =
          StaggeredDid.estimate(panel, UNIVERSAL.withReplicates(0)).preTrend().level();
      DidResult.PreTrendTest.LevelTest varying =
          StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0)).preTrend().level();
      assertTrue(universal.isAvailable(), universal.toString());
      assertEquals(universal.eventTimes(), varying.eventTimes());
      assertEquals(universal.estimate(), varying.estimate(), SAME, varying.toString());
      assertEquals(universal.standardError(), varying.standardError(), SAME, varying.toString());
    }
  }

  /**
   * With replicates the standard error comes from the bootstrap draws, close to the analytic one.
   */
  @Test
  void bootstrapStandardErrorComesFromTheDraws() {
    DidResult.PreTrendTest.LevelTest analytic =
        StaggeredDid.estimate(MpdtaReference.panel(), UNIVERSAL.withReplicates(0))
            .preTrend()
            .level();
    DidResult.PreTrendTest.LevelTest bootstrap =
        StaggeredDid.estimate(MpdtaReference.panel(), UNIVERSAL).preTrend().level();
    DidResult.PreTrendTest.LevelTest otherSeed =
        StaggeredDid.estimate(MpdtaReference.panel(), UNIVERSAL.withSeed(7)).preTrend().level();
    assertEquals(analytic.estimate(), bootstrap.estimate(), SAME);
    assertNotEquals(analytic.standardError(), bootstrap.standardError());
    assertNotEquals(bootstrap.standardError(), otherSeed.standardError());
    assertEquals(
        analytic.standardError(), bootstrap.standardError(), 0.15 * analytic.standardError());
    assertEquals(
        AggregateEffect.twoSidedPValue(bootstrap.estimate(), bootstrap.standardError()),
        bootstrap.pValue(),
        1e-15);
  }

  /** No period before any cohort's base: no level test, and no test at all. */
  @Test
  void noPeriodBeforeTheBaseLeavesNoLevelTest() {
    DidResult result =
        StaggeredDid.estimate(
            SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(900, 4, 1, -0.2, 24)),
            UNIVERSAL.withReplicates(0));
    assertEquals(DidResult.PreTrendTest.LevelTest.NONE, result.preTrend().level());
    assertEquals(DidResult.PreTrendTest.NONE, result.preTrend());
    assertEquals("", result.preTrend().method());
  }

  /**
   * Checks the result's level against the event-study points: estimate the plain mean of the
   * published {@code dynamic} points at {@code eventTimes}, analytic standard error from the mean
   * of those points' influence functions.
   */
  private static DidResult.PreTrendTest.LevelTest assertLevelIsTheMeanOfDynamicPoints(
      Panel panel, DidOptions options, List<Integer> eventTimes) {
    DidResult result = StaggeredDid.estimate(panel, options);
    DidResult.PreTrendTest.LevelTest level = result.preTrend().level();
    assertEquals(eventTimes.size(), level.eventTimes(), level.toString());
    double mean = 0;
    for (int e : eventTimes) {
      mean += result.find(AggregateEffect.DYNAMIC, String.valueOf(e)).att() / eventTimes.size();
    }
    assertEquals(mean, level.estimate(), SAME, level.toString());

    List<String> warnings = new ArrayList<>();
    EstimationSample sample =
        EstimationSample.prepare(panel, options.anticipation(), null, warnings);
    List<GroupTimeCell> cells =
        GroupTimeEstimator.estimate(
                sample, options.control(), options.anticipation(), options.basePeriod(), warnings)
            .cells();
    double[] psi = new double[sample.unitCount];
    for (LinearEstimand point : Aggregator.aggregate(sample, cells)) {
      if (point.aggregation().equals(AggregateEffect.DYNAMIC)
          && !point.key().equals(AggregateEffect.OVERALL)
          && eventTimes.contains(Integer.parseInt(point.key()))) {
        double[] pointPsi = InfluenceFunctions.dense(sample, cells, point);
        for (int i = 0; i < psi.length; i++) {
          psi[i] += pointPsi[i] / eventTimes.size();
        }
      }
    }
    double sumSquares = 0;
    for (double v : psi) {
      sumSquares += v * v;
    }
    assertEquals(
        Math.sqrt(sumSquares) / sample.unitCount, level.standardError(), SAME, level.toString());
    assertEquals(
        AggregateEffect.twoSidedPValue(level.estimate(), level.standardError()),
        level.pValue(),
        1e-15);
    return level;
  }

  /** The event times with at least 20 people on each side. */
  private static List<Integer> counted(Map<Integer, long[]> people) {
    return people.entrySet().stream()
        .filter(e -> e.getValue()[0] >= 20 && e.getValue()[1] >= 20)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * Per event time before the base: participants summed over cohorts, comparison units of the
   * largest cell.
   */
  private static Map<Integer, long[]> peopleByPreBaseEventTime(DidResult result, int anticipation) {
    Map<Integer, long[]> people = new TreeMap<>();
    for (GroupTimeEffect cell : result.groupTime()) {
      if (cell.eventTime() < -1 - anticipation && !Double.isNaN(cell.att())) {
        long[] sides = people.computeIfAbsent(cell.eventTime(), e -> new long[2]);
        sides[0] += cell.nTreated();
        sides[1] = Math.max(sides[1], cell.nControl());
      }
    }
    return people;
  }
}
