package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PreTrendWaldTest {

  /**
   * R: {@code summary(att_gt(lemp, year, countyreal, first.treat, data = mpdta))} prints "P-value
   * for pre-test of parallel trends assumption: 0.16812" (rounded to 5 digits), from the five
   * placebo cells ATT(2006,2004..2005) and ATT(2007,2004..2006).
   */
  @Test
  void mpdtaMatchesRsPreTest() {
    DidResult bootstrap = StaggeredDid.estimate(MpdtaReference.panel(), DidOptions.defaults());
    DidResult.PreTrendTest test = bootstrap.preTrend();
    assertEquals(5, test.degreesOfFreedom());
    assertEquals(0.16812, test.jointPValue(), 5e-6);
    assertEquals(test.jointPValue(), ChiSquare.upperTail(test.statistic(), 5), 1e-15);
    DidResult.PreTrendTest analytic =
        StaggeredDid.estimate(MpdtaReference.panel(), DidOptions.defaults().withReplicates(0))
            .preTrend();
    assertEquals(
        List.of(test.statistic(), test.jointPValue()),
        List.of(analytic.statistic(), analytic.jointPValue()),
        "the joint test uses the analytic covariance, not the bootstrap");
    assertEquals(test.degreesOfFreedom(), analytic.degreesOfFreedom());
  }

  /**
   * With a universal base the five placebo effects are level differences to the base instead of
   * period-to-period changes. On a balanced panel with never-treated controls each cohort's are an
   * invertible linear map of its varying ones (and so are their influence functions), so the Wald
   * statistic, and R's p-value, do not change.
   */
  @Test
  void mpdtaPreTestIsTheSameWithAUniversalBase() {
    DidOptions universal = DidOptions.defaults().withBasePeriod(BasePeriod.UNIVERSAL);
    DidResult.PreTrendTest varying =
        StaggeredDid.estimate(MpdtaReference.panel(), DidOptions.defaults().withReplicates(0))
            .preTrend();
    for (DidOptions options : List.of(universal, universal.withReplicates(0))) {
      DidResult.PreTrendTest test =
          StaggeredDid.estimate(MpdtaReference.panel(), options).preTrend();
      assertEquals(5, test.degreesOfFreedom(), "the base cells (0 by construction) are no placebo");
      assertEquals(0.16812, test.jointPValue(), 5e-6);
      assertEquals(varying.statistic(), test.statistic(), 1e-9 * varying.statistic());
      assertEquals(DidResult.PreTrendTest.Kind.GROUP_TIME, test.kind());
    }
  }

  /**
   * Joiners got a lasting gain one or two periods before joining (so they join already improved)
   * and joining does nothing; everyone else gains at random times. The post-joining effects come
   * out negative, and the pre-trend test with a universal base sees the violation in most panels.
   * It is not the base period that gives it that power: on these balanced panels with never-treated
   * controls the varying test is the same statistic (see the mpdta test above).
   */
  @Test
  void universalBaseTestRejectsAGainJustBeforeJoining() {
    int runs = 40;
    int rejected = 0;
    int rejectedVarying = 0;
    int rejectedCombined = 0;
    double meanSimple = 0;
    for (int seed = 0; seed < runs; seed++) {
      Panel panel = SyntheticPanels.gainBeforeJoining(1000, 18, 14, 0.1, 0.3, 5000 + seed);
      DidResult universal =
          StaggeredDid.estimate(
              panel, DidOptions.defaults().withReplicates(0).withBasePeriod(BasePeriod.UNIVERSAL));
      DidResult.PreTrendTest varying =
          StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0)).preTrend();
      DidResult.PreTrendTest test = universal.preTrend();
      assertEquals(DidResult.PreTrendTest.Kind.GROUP_TIME, test.kind(), "seed " + seed);
      assertEquals(varying.degreesOfFreedom(), test.degreesOfFreedom(), "seed " + seed);
      assertEquals(
          varying.statistic(), test.statistic(), 1e-9 * varying.statistic(), "seed " + seed);
      rejected += test.jointPValue() < 0.05 ? 1 : 0;
      rejectedVarying += varying.jointPValue() < 0.05 ? 1 : 0;
      rejectedCombined += test.pValue() < 0.05 ? 1 : 0;
      meanSimple += universal.simple().att() / runs;
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "gain before joining: universal-base joint pre-trend test rejects %d"
            + " of %d (varying %d), with the level test %d, mean simple ATT %.4f (truth 0)%n",
        rejected,
        runs,
        rejectedVarying,
        rejectedCombined,
        meanSimple);
    assertTrue(
        meanSimple < -0.02, "comparison colleagues still have their gain ahead: " + meanSimple);
    assertTrue(rejected >= 30, rejected + " of " + runs + " rejected");
    assertTrue(
        rejectedCombined >= 30, rejectedCombined + " of " + runs + " rejected by the verdict");
  }

  /**
   * Parallel trends, no effect, unbalanced: the joint test, the level test and the verdict
   * combining them keep their level under either base period.
   */
  @Test
  void eitherBaseKeepsTheLevelOnParallelTrends() {
    int runs = 40;
    // [base period][joint, level, verdict]
    int[][] rejected = new int[BasePeriod.values().length][3];
    for (int seed = 0; seed < runs; seed++) {
      Panel panel =
          SyntheticPanels.selectedOnLevels(
              SyntheticPanels.Spec.of(1000, 18, 14, 0.0, 7000 + seed).withMissingShare(0.2));
      for (BasePeriod base : BasePeriod.values()) {
        DidResult.PreTrendTest test =
            StaggeredDid.estimate(
                    panel, DidOptions.defaults().withReplicates(0).withBasePeriod(base))
                .preTrend();
        assertEquals("group_time+level", test.method(), base + " seed " + seed);
        int[] counts = rejected[base.ordinal()];
        counts[0] += test.jointPValue() < 0.05 ? 1 : 0;
        counts[1] += test.level().pValue() < 0.05 ? 1 : 0;
        counts[2] += test.pValue() < 0.05 ? 1 : 0;
      }
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "parallel trends: joint, level and combined pre-trend tests reject"
            + " %s of %d (varying), %s (universal)%n",
        Arrays.toString(rejected[0]),
        runs,
        Arrays.toString(rejected[1]));
    // 5% of 40 is 2; 6 or more happens by chance with probability under 2% for a test of the right
    // size.
    for (int[] counts : rejected) {
      assertTrue(Arrays.stream(counts).allMatch(c -> c <= 5), Arrays.deepToString(rejected));
    }
  }

  @Test
  void covarianceEqualsDenseInfluenceFunctions() {
    Panel panel =
        SyntheticPanels.selectedOnLevels(
            SyntheticPanels.Spec.of(700, 7, 3, -0.1, 5).withMissingShare(0.2));
    List<String> warnings = new ArrayList<>();
    EstimationSample sample = EstimationSample.prepare(panel, warnings);
    for (ControlGroup control : ControlGroup.values()) {
      List<GroupTimeCell> cells = GroupTimeEstimator.estimate(sample, control, warnings).cells();
      int[] all = IntStream.range(0, cells.size()).filter(k -> cells.get(k).isValid()).toArray();
      double[][] sigma = InfluenceFunctions.covariance(sample, cells, all);
      double n = sample.unitCount;
      double[][] psi = new double[all.length][];
      for (int a = 0; a < all.length; a++) {
        psi[a] =
            InfluenceFunctions.dense(
                sample, cells, LinearEstimand.ofCell(all[a], cells.get(all[a])));
      }
      for (int a = 0; a < all.length; a++) {
        for (int b = 0; b < all.length; b++) {
          double expected = 0;
          for (int i = 0; i < psi[a].length; i++) {
            expected += psi[a][i] * psi[b][i];
          }
          expected /= n * n;
          assertEquals(
              expected,
              sigma[a][b],
              1e-12 * Math.abs(sigma[a][a] + sigma[b][b]),
              control + " cells " + a + ", " + b);
        }
        double se = cells.get(all[a]).analyticStandardError();
        assertEquals(se * se, sigma[a][a], 1e-12 * se * se, "diagonal = squared analytic se");
      }
    }
  }

  @Test
  void waldStatisticOnKnownCovariances() {
    PreTrendWald.Wald diagonal =
        PreTrendWald.wald(new double[] {1, 2}, new double[][] {{4, 0}, {0, 1}});
    assertEquals(0.25 + 4, diagonal.statistic(), 1e-15);
    assertEquals(2, diagonal.degreesOfFreedom());
    // [[2, 1], [1, 2]]^-1 = [[2, -1], [-1, 2]] / 3, so W = (2 - 1 - 1 + 2) / 3 for a = (1, 1).
    PreTrendWald.Wald correlated =
        PreTrendWald.wald(new double[] {1, 1}, new double[][] {{2, 1}, {1, 2}});
    assertEquals(2.0 / 3, correlated.statistic(), 1e-15);
  }

  @Test
  void linearlyDependentEffectsAreDropped() {
    // The third effect is the sum of the first two: only two independent restrictions remain.
    double[][] sigma = {{1, 0, 1}, {0, 1, 1}, {1, 1, 2}};
    PreTrendWald.Wald wald = PreTrendWald.wald(new double[] {1, 2, 3}, sigma);
    assertEquals(2, wald.degreesOfFreedom());
    assertEquals(1 + 4, wald.statistic(), 1e-12);
  }

  @Test
  void panelWithoutPrePeriodsHasNoTest() {
    Panel panel =
        new Panel(
            new int[] {1, 2},
            new int[] {2, 2, 0, 0},
            new double[][] {{0, 1}, {1, 3}, {0, 0}, {1, 2}},
            new String[] {"a", "b", "c", "d"});
    DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
    assertSame(DidResult.PreTrendTest.NONE, result.preTrend());
    assertFalse(result.preTrend().isAvailable());
    assertTrue(Double.isNaN(result.preTrend().pValue()));
    assertTrue(
        result.warnings().stream().anyMatch(w -> w.startsWith("no pre-treatment effects to test")),
        result.warnings().toString());
  }

  @Test
  void parallelTrendsAreNotRejectedOnPlantedEffects() {
    Panel panel = SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(3000, 8, 4, -0.2, 11));
    DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(99));
    long placebos = result.groupTime().stream().filter(c -> c.time() < c.group()).count();
    assertEquals(
        placebos,
        result.preTrend().degreesOfFreedom(),
        "cohorts of hundreds: every placebo is tested");
    assertTrue(result.preTrend().pValue() > 0.05, result.preTrend().toString());
    assertTrue(
        result.warnings().stream().noneMatch(w -> w.startsWith("pre-trend test")),
        result.warnings().toString());
  }

  /**
   * 24 months, 20 small cohorts, parallel trends by construction: testing all 180-odd placebo
   * effects with their estimated covariance rejects absurdly; the tested subset does not.
   */
  @Test
  void placeboEffectsOnTooFewPeopleAreLeftOut() {
    Panel panel =
        SyntheticPanels.selectedOnLevels(
            SyntheticPanels.Spec.of(1000, 24, 20, -0.2, 61).withMissingShare(0.3));
    List<String> warnings = new ArrayList<>();
    EstimationSample sample = EstimationSample.prepare(panel, warnings);
    List<GroupTimeCell> cells =
        GroupTimeEstimator.estimate(sample, ControlGroup.NEVER_TREATED, warnings).cells();
    int[] all =
        IntStream.range(0, cells.size())
            .filter(k -> cells.get(k).isValid() && cells.get(k).placebo())
            .toArray();
    PreTrendWald.Wald everything =
        PreTrendWald.wald(
            IntStream.of(all).mapToDouble(k -> cells.get(k).att()).toArray(),
            InfluenceFunctions.covariance(sample, cells, all));
    assertTrue(
        ChiSquare.upperTail(everything.statistic(), everything.degreesOfFreedom()) < 1e-6,
        "all " + all.length + " cells: " + everything);

    DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
    DidResult.PreTrendTest test = result.preTrend();
    assertTrue(
        test.degreesOfFreedom() > 0 && test.degreesOfFreedom() < all.length / 4, test.toString());
    assertTrue(test.jointPValue() > 0.05 && test.pValue() > 0.05, test.toString());
    assertTrue(
        result.warnings().stream()
            .anyMatch(
                w ->
                    w.startsWith(
                        "pre-trend test covers "
                            + test.degreesOfFreedom()
                            + " of "
                            + all.length
                            + " pre-joining effects")),
        result.warnings().toString());
  }

  /**
   * 24 months, 20 cohorts of a few people each: no single ATT(g,t) rests on enough people, but
   * their averages by event time do, so the test falls back to those and says so.
   */
  @Test
  void smallMonthlyCohortsFallBackToEventTimeAverages() {
    Panel panel = SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(250, 24, 20, -0.2, 62));
    DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
    DidResult.PreTrendTest test = result.preTrend();
    assertEquals(DidResult.PreTrendTest.Kind.EVENT_TIME, test.kind(), result.warnings().toString());
    assertEquals("event_time", test.kind().label());
    long preEventTimes =
        result.byAggregation(AggregateEffect.DYNAMIC).stream()
            .filter(a -> !a.isOverall() && Integer.parseInt(a.key()) < 0)
            .count();
    assertTrue(
        test.degreesOfFreedom() >= 3 && test.degreesOfFreedom() < preEventTimes,
        test + " of " + preEventTimes);
    assertTrue(
        test.jointPValue() > 0.05 && test.pValue() > 0.05,
        "parallel trends by construction: " + test);
    assertTrue(
        result.warnings().stream()
            .anyMatch(
                w ->
                    w.startsWith("pre-trend test on event-time averages: the ")
                        && w.contains("so the test uses the " + test.degreesOfFreedom() + " of ")),
        result.warnings().toString());
    assertTrue(
        result.warnings().stream().noneMatch(w -> w.startsWith("pre-trend test not available")));
  }

  /**
   * The same small cohorts, with joiners drifting away before they join: the fallback catches it.
   */
  @Test
  void eventTimeFallbackRejectsAPlantedPreTrend() {
    Panel panel =
        SyntheticPanels.selectedOnLevels(
            SyntheticPanels.Spec.of(250, 24, 20, -0.2, 62).withPreTrend(0.1));
    DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
    DidResult.PreTrendTest test = result.preTrend();
    assertEquals(DidResult.PreTrendTest.Kind.EVENT_TIME, test.kind(), result.warnings().toString());
    assertTrue(test.jointPValue() < 0.001 && test.level().pValue() < 0.001, test.toString());
    assertTrue(test.pValue() < 0.001, test.toString());
    assertTrue(
        result.warnings().stream()
            .anyMatch(
                w ->
                    w.startsWith(
                            "pre-trend test rejects parallel trends (level test, p < 0.001, and joint test, p < 0.001)")
                        && w.contains(
                            "pre-joining effects averaged by month relative to joining differ from zero jointly")),
        result.warnings().toString());
  }

  /**
   * Its size: on panels with parallel trends it rejects about as often as its level says, and so
   * does the verdict that adds the level test.
   */
  @Test
  void eventTimeFallbackKeepsItsLevelOnParallelTrends() {
    int rejected = 0;
    int rejectedCombined = 0;
    int runs = 40;
    for (int seed = 0; seed < runs; seed++) {
      Panel panel =
          SyntheticPanels.selectedOnLevels(
              SyntheticPanels.Spec.of(250, 24, 20, -0.2, 1000 + seed).withMissingShare(0.2));
      DidResult.PreTrendTest test =
          StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0)).preTrend();
      assertEquals(DidResult.PreTrendTest.Kind.EVENT_TIME, test.kind(), "seed " + seed);
      rejected += test.jointPValue() < 0.05 ? 1 : 0;
      rejectedCombined += test.pValue() < 0.05 ? 1 : 0;
    }
    // 5% of 40 is 2; 6 or more happens by chance with probability under 2% for a test of the right
    // size.
    assertTrue(rejected <= 5, rejected + " of " + runs + " rejected");
    assertTrue(
        rejectedCombined <= 5, rejectedCombined + " of " + runs + " rejected by the verdict");
  }

  /** The group-time test takes precedence whenever its cells are big enough. */
  @Test
  void largeCohortsUseTheGroupTimeTest() {
    DidResult result =
        StaggeredDid.estimate(MpdtaReference.panel(), DidOptions.defaults().withReplicates(0));
    assertEquals(DidResult.PreTrendTest.Kind.GROUP_TIME, result.preTrend().kind());
    assertEquals("group_time", result.preTrend().kind().label());
  }

  @Test
  void tinyCohortsLeaveNoTestableEffect() {
    Panel panel = SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(40, 24, 20, -0.2, 62));
    DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
    assertSame(DidResult.PreTrendTest.NONE, result.preTrend());
    assertEquals(DidResult.PreTrendTest.Kind.NONE, result.preTrend().kind());
    assertTrue(
        result.warnings().stream()
            .anyMatch(
                w ->
                    w.startsWith("pre-trend test not available: the ")
                        && w.endsWith("and so do their averages by month relative to joining")),
        result.warnings().toString());
  }
}
