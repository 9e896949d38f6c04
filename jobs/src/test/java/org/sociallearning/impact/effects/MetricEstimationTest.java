package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.estimation.BasePeriod;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.estimation.StaggeredDid;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * The published row of one metric, without Spark: the headline is the {@code group} aggregate with
 * the {@code simple} one beside it, level metrics get relative intervals mapped end by end, and
 * weighted panels are estimated with analytic errors.
 */
class MetricEstimationTest {

  private static final int FIRST_MONTH = 24300;
  private static final DidOptions OPTIONS = DidOptions.defaults().withReplicates(199);

  @Test
  void headlineIsTheGroupAggregateWithTheSimpleOneBesideIt() {
    Panel panel = earlyCohortGainsMore(800, 3);
    for (String name : new String[] {"win_rate", "time_to_resolve_hours"}) {
      MetricDefinition metric = MetricDefinition.named(name);
      MetricEstimate published = MetricEstimation.estimate(metric, panel, OPTIONS, 10);
      DidResult result = StaggeredDid.estimate(panel, OPTIONS);
      AggregateEffect group = result.overall(AggregateEffect.GROUP);
      AggregateEffect simple = result.simple();
      assertNotEquals(group.att(), simple.att(), 0.02, "the panel tells the two apart");
      assertEquals("group", published.aggregation());
      assertEquals(group.att(), published.estimate());
      assertEquals(group.ciLow(), published.ciLow());
      assertEquals(group.ciHigh(), published.ciHigh());
      assertEquals(group.pValue(), published.pValue());
      assertEquals(simple.att(), published.simpleEstimate());
      assertEquals(simple.ciLow(), published.simpleCiLow());
      assertEquals(simple.ciHigh(), published.simpleCiHigh());
      assertTrue(
          published
              .method()
              .contains("group aggregation (each joining month weighted by its size)"),
          published.method());
      if (metric.logScale()) {
        assertEquals(Math.expm1(group.att()), published.relativeEffect());
        assertEquals(Math.expm1(group.ciHigh()), published.relativeCiHigh());
      } else {
        double[] expected =
            MetricEstimation.relativeToCounterfactual(
                group, ParticipantsPostJoining.of(panel, result).mean());
        assertEquals(expected[0], published.relativeEffect());
        assertEquals(expected[1], published.relativeCiLow());
        assertEquals(expected[2], published.relativeCiHigh());
      }
    }
  }

  /**
   * With a universal base the headline carries its sensitivity to parallel-trends violations: a
   * robust interval at Mbar = 1, wider than the pointwise one, its relative form mapped as the
   * headline's, and a breakdown value; with a varying base there is none.
   */
  @Test
  void headlineCarriesItsSensitivityToParallelTrendsViolations() {
    Panel panel = earlyCohortGainsMore(800, 3);
    MetricDefinition metric = MetricDefinition.named("win_rate");
    DidOptions universal = OPTIONS.withBasePeriod(BasePeriod.UNIVERSAL);
    MetricEstimate published = MetricEstimation.estimate(metric, panel, universal, 10);
    ParallelTrendsSensitivity sensitivity = published.sensitivity();
    DidResult result = StaggeredDid.estimate(panel, universal);
    double target = result.eventStudyVector().targetEstimate();
    assertTrue(sensitivity.robustCiLow() < target && target < sensitivity.robustCiHigh());
    assertTrue(
        sensitivity.robustCiHigh() - sensitivity.robustCiLow()
            > published.ciHigh() - published.ciLow());
    assertTrue(sensitivity.breakdownMbar() > 0 && sensitivity.breakdownMbar() <= 10);
    AggregateEffect group = result.overall(AggregateEffect.GROUP);
    double[] relative =
        MetricEstimation.relativeToCounterfactual(
            new AggregateEffect(
                group.aggregation(),
                group.key(),
                group.att(),
                group.se(),
                sensitivity.robustCiLow(),
                sensitivity.robustCiHigh()),
            ParticipantsPostJoining.of(panel, result).mean());
    assertEquals(relative[1], sensitivity.robustRelativeCiLow());
    assertEquals(relative[2], sensitivity.robustRelativeCiHigh());
    assertEquals(
        ParallelTrendsSensitivity.NONE,
        MetricEstimation.estimate(metric, panel, OPTIONS, 10).sensitivity());
  }

  /**
   * The base period only changes what the months before joining are measured from: the method says
   * which, the published numbers after joining are the same, and with a universal base the month
   * before joining is the event study's 0, without an interval.
   */
  @Test
  void methodNamesTheBasePeriodWhichLeavesThePublishedEffectAlone() {
    Panel panel = earlyCohortGainsMore(800, 3);
    MetricDefinition metric = MetricDefinition.named("win_rate");
    MetricEstimate varying = MetricEstimation.estimate(metric, panel, OPTIONS, 10);
    MetricEstimate universal =
        MetricEstimation.estimate(metric, panel, OPTIONS.withBasePeriod(BasePeriod.UNIVERSAL), 10);
    assertTrue(
        varying
            .method()
            .contains(
                ", varying base period (each month before joining against"
                    + " the month before it), "),
        varying.method());
    assertTrue(
        universal
            .method()
            .contains(
                ", universal base period (every month against the month" + " before joining), "),
        universal.method());
    for (double[] pair :
        new double[][] {
          {varying.estimate(), universal.estimate()},
          {varying.ciLow(), universal.ciLow()},
          {varying.ciHigh(), universal.ciHigh()},
          {varying.relativeEffect(), universal.relativeEffect()},
          {varying.simpleEstimate(), universal.simpleEstimate()}
        }) {
      assertEquals(pair[0], pair[1], 1e-12);
    }
    EventTimeEffect base =
        universal.eventStudy().stream().filter(p -> p.eventTime() == -1).findFirst().orElseThrow();
    assertEquals(0.0, base.estimate());
    assertTrue(Double.isNaN(base.se()) && Double.isNaN(base.ciLow()), base.toString());
    assertTrue(Double.isNaN(base.bandLow()) && Double.isNaN(base.bandHigh()), base.toString());
    assertTrue(base.nTreated() >= 10, base.toString());
    for (EventTimeEffect p : universal.eventStudy()) {
      if (p.eventTime() != -1) {
        assertTrue(
            p.bandLow() < p.ciLow() && p.ciHigh() < p.bandHigh(),
            "the simultaneous band contains the pointwise interval: " + p);
      }
    }
  }

  /**
   * The published pre-trend columns are the verdict: the joint test and the level test combined
   * (twice the smaller p-value), the joint test's placebo effects plus the level's average, and
   * both tests named in the method.
   */
  @Test
  void publishedPreTrendIsTheVerdictOfBothTests() {
    Panel panel = earlyCohortGainsMore(800, 3);
    DidOptions universal = OPTIONS.withBasePeriod(BasePeriod.UNIVERSAL);
    MetricEstimate published =
        MetricEstimation.estimate(MetricDefinition.named("win_rate"), panel, universal, 10);
    DidResult.PreTrendTest verdict = StaggeredDid.estimate(panel, universal).preTrend();
    assertTrue(verdict.isJointAvailable() && verdict.level().isAvailable(), verdict.toString());
    assertEquals(
        Math.min(1, 2 * Math.min(verdict.jointPValue(), verdict.level().pValue())),
        published.preTrendPValue(),
        1e-15);
    assertEquals(verdict.degreesOfFreedom() + 1, published.preTrendTests());
    assertEquals("group_time+level", published.preTrendMethod());
    assertTrue(published.preTrendPValue() > 0.05, "parallel trends by construction: " + verdict);
    assertTrue(
        published.warnings().stream().noneMatch(w -> w.startsWith("pre-trend test rejects")),
        published.warnings().toString());
  }

  /**
   * Participants' win rate rose 0.04 the month before they joined (which is why they joined) and
   * joining did nothing: the published warning says that the level test rejected and what it saw.
   */
  @Test
  void preTrendWarningNamesTheTestThatRejected() {
    Panel panel = riseJustBeforeJoining(400, 7);
    MetricEstimate published =
        MetricEstimation.estimate(
            MetricDefinition.named("win_rate"),
            panel,
            OPTIONS.withBasePeriod(BasePeriod.UNIVERSAL),
            10);
    assertTrue(published.preTrendPValue() < 0.001, String.valueOf(published.preTrendPValue()));
    String warning =
        published.warnings().stream()
            .filter(w -> w.startsWith("pre-trend test rejects parallel trends"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(published.warnings().toString()));
    assertTrue(
        warning.startsWith("pre-trend test rejects parallel trends (level test, p < 0.001"),
        warning);
    assertTrue(warning.contains("participants' outcomes rose 0.0"), warning);
    assertTrue(
        warning.contains(
            "to the month their effects are measured from: a change just"
                + " before joining, or a trend"),
        warning);
    assertTrue(published.estimatorNotes().contains(warning), "the manifest has it whole");
  }

  @Test
  void anEstimateThatCannotBeFormedIsNotEstimatedWithEveryNumberNaN() {
    Panel panel =
        new Panel(
            new int[] {FIRST_MONTH, FIRST_MONTH + 1},
            new int[] {FIRST_MONTH + 1, 0, 0},
            new double[][] {{0.1, 0.2}, {0.1, 0.1}, {0.2, 0.2}},
            new String[] {"a", "b", "c"});
    MetricEstimate published =
        MetricEstimation.estimate(MetricDefinition.named("win_rate"), panel, OPTIONS, 1);
    assertTrue(published.suppressed());
    assertTrue(
        published.warnings().get(0).startsWith("not estimated"), published.warnings().toString());
    assertEquals("group", published.aggregation());
    for (double v :
        new double[] {
          published.estimate(),
          published.ciHigh(),
          published.relativeCiHigh(),
          published.simpleEstimate(),
          published.simpleCiLow(),
          published.simpleCiHigh()
        }) {
      assertTrue(Double.isNaN(v));
    }
  }

  /**
   * Cohort 2 (2 people, 4 post-joining months at 1.0) and cohort 5 (4 people, 1 month at 3.0): the
   * group aggregate gives each cohort its size whatever its months, so the mean is (2 x 1 + 4 x 3)
   * / 6; weighing cells as the simple aggregate does would give 20 / 12.
   */
  @Test
  void participantsPostMeanWeighsCohortsAsTheGroupAggregate() {
    Panel panel = twoCohortsWithKnownMeans(null);
    DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
    assertEquals(14.0 / 6, ParticipantsPostJoining.of(panel, result).mean(), 1e-12);
  }

  /** The same panel's participant-months: 2 people x 4 months and 4 people x 1 month. */
  @Test
  void participantMonthsCountEveryObservedPostJoiningMonth() {
    Panel panel = twoCohortsWithKnownMeans(null);
    DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
    assertEquals(12, ParticipantsPostJoining.of(panel, result).participantMonths());
  }

  /** Cohort 5's people at 2 have 3 items a month, those at 4 one: its item-weighted mean is 2.5. */
  @Test
  void participantsPostMeanOfAWeightedPanelIsItemWeighted() {
    double[][] weight = new double[9][5];
    for (double[] row : weight) {
      java.util.Arrays.fill(row, 1.0);
    }
    java.util.Arrays.fill(weight[2], 3.0);
    java.util.Arrays.fill(weight[3], 3.0);
    Panel panel = twoCohortsWithKnownMeans(weight);
    DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
    assertEquals((2 * 1.0 + 4 * 2.5) / 6, ParticipantsPostJoining.of(panel, result).mean(), 1e-12);
  }

  @Test
  void relativeIntervalMapsEachEndThroughItsOwnCounterfactual() {
    AggregateEffect effect = new AggregateEffect("group", "overall", 0.05, 0.0357, -0.02, 0.12);
    double[] relative = MetricEstimation.relativeToCounterfactual(effect, 0.4);
    assertEquals(0.05 / 0.35, relative[0], 1e-15);
    assertEquals(-0.02 / 0.42, relative[1], 1e-15);
    assertEquals(0.12 / 0.28, relative[2], 1e-15);
    assertTrue(relative[1] < relative[0] && relative[0] < relative[2]);
  }

  @Test
  void anEndReachingTheObservedMeanIsUnboundedAndNonsenseIsNoNumber() {
    double[] open =
        MetricEstimation.relativeToCounterfactual(
            new AggregateEffect("group", "overall", 0.1, 0.2, -0.1, 0.5), 0.4);
    assertEquals(0.1 / 0.3, open[0], 1e-15);
    assertEquals(-0.1 / 0.5, open[1], 1e-15);
    assertEquals(Double.POSITIVE_INFINITY, open[2]);
    double[] atTheMean =
        MetricEstimation.relativeToCounterfactual(
            new AggregateEffect("group", "overall", 0.1, 0.1, 0.0, 0.4), 0.4);
    assertEquals(Double.POSITIVE_INFINITY, atTheMean[2]);
    for (double[] none :
        new double[][] {
          MetricEstimation.relativeToCounterfactual(
              new AggregateEffect("group", "overall", 0.5, 0.1, 0.3, 0.7), 0.4),
          MetricEstimation.relativeToCounterfactual(
              new AggregateEffect("group", "overall", 0.1, 0.1, 0.0, 0.2), 0.0),
          MetricEstimation.relativeToCounterfactual(
              new AggregateEffect("group", "overall", 0.1, 0.1, 0.0, 0.2), Double.NaN)
        }) {
      for (double v : none) {
        assertTrue(Double.isNaN(v), java.util.Arrays.toString(none));
      }
    }
    double[] noInterval =
        MetricEstimation.relativeToCounterfactual(
            new AggregateEffect("group", "overall", 0.1, Double.NaN, Double.NaN, Double.NaN), 0.4);
    assertEquals(0.1 / 0.3, noInterval[0], 1e-15);
    assertTrue(Double.isNaN(noInterval[1]) && Double.isNaN(noInterval[2]));
  }

  @Test
  void weightedPanelsAreEstimatedWithAnalyticErrorsAndSaySo() {
    Panel unweighted = earlyCohortGainsMore(600, 5);
    double[][] weight = new double[unweighted.unitCount()][unweighted.periodCount()];
    for (int i = 0; i < weight.length; i++) {
      java.util.Arrays.fill(weight[i], 1 + i % 7);
    }
    Panel panel =
        Panel.weighted(
            unweighted.periods(),
            unweighted.unitGroup(),
            unweighted.outcome(),
            unweighted.unitIds(),
            weight);
    MetricEstimate published =
        MetricEstimation.estimate(MetricDefinition.named("win_rate"), panel, OPTIONS, 10);
    AggregateEffect group =
        StaggeredDid.estimate(panel, OPTIONS.withReplicates(0)).overall(AggregateEffect.GROUP);
    assertEquals(group.att(), published.estimate());
    assertEquals(group.ciLow(), published.ciLow());
    assertTrue(published.method().contains("weighted by their items"), published.method());
    assertTrue(published.method().contains("analytic standard errors"), published.method());
    assertFalse(published.method().contains("bootstrap"), published.method());
    assertFalse(published.estimatorNotes().contains(StaggeredDid.WEIGHTED_ANALYTIC_ERRORS));
  }

  /**
   * Twelve months of a win rate near 0.3; people joining in month 2 gain 0.15 from then on, people
   * joining in month 9 nothing. The simple aggregate is dominated by the early cohort's many
   * months, the group aggregate gives both cohorts their size.
   */
  private static Panel earlyCohortGainsMore(int units, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] periods = new int[12];
    for (int t = 0; t < periods.length; t++) {
      periods[t] = FIRST_MONTH + t;
    }
    int[] group = new int[units];
    double[][] outcome = new double[units][periods.length];
    String[] ids = new String[units];
    for (int i = 0; i < units; i++) {
      ids[i] = "e" + i;
      double u = random.nextDouble();
      group[i] = u < 0.3 ? FIRST_MONTH + 2 : u < 0.6 ? FIRST_MONTH + 9 : 0;
      double level = 0.3 + 0.05 * random.nextGaussian();
      for (int t = 0; t < periods.length; t++) {
        double y = level + 0.05 * random.nextGaussian();
        outcome[i][t] = group[i] == FIRST_MONTH + 2 && periods[t] >= group[i] ? y + 0.15 : y;
      }
    }
    return new Panel(periods, group, outcome, ids);
  }

  /**
   * Twelve months of a win rate near 0.3; people joining in month 6 or 9 had a rise of 0.04 the
   * month before joining that stays, and joining adds nothing; the others (two in five) never join.
   */
  private static Panel riseJustBeforeJoining(int units, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] periods = new int[12];
    for (int t = 0; t < periods.length; t++) {
      periods[t] = FIRST_MONTH + t;
    }
    int[] group = new int[units];
    double[][] outcome = new double[units][periods.length];
    String[] ids = new String[units];
    for (int i = 0; i < units; i++) {
      ids[i] = "r" + i;
      double u = random.nextDouble();
      group[i] = u < 0.3 ? FIRST_MONTH + 6 : u < 0.6 ? FIRST_MONTH + 9 : 0;
      double level = 0.3 + 0.05 * random.nextGaussian();
      for (int t = 0; t < periods.length; t++) {
        double y = level + 0.05 * random.nextGaussian();
        outcome[i][t] = group[i] != 0 && periods[t] >= group[i] - 1 ? y + 0.04 : y;
      }
    }
    return new Panel(periods, group, outcome, ids);
  }

  /** Periods 1..5: cohort 2 (2 people at 1.0 after joining), cohort 5 (at 2, 2, 4, 4), 3 never. */
  private static Panel twoCohortsWithKnownMeans(double[][] weight) {
    int[] periods = {1, 2, 3, 4, 5};
    int[] group = {2, 2, 5, 5, 5, 5, 0, 0, 0};
    double[] after = {1, 1, 2, 2, 4, 4, 0, 0, 0};
    double[][] outcome = new double[group.length][periods.length];
    String[] ids = new String[group.length];
    for (int i = 0; i < group.length; i++) {
      ids[i] = "p" + i;
      for (int t = 0; t < periods.length; t++) {
        outcome[i][t] = group[i] != 0 && periods[t] >= group[i] ? after[i] : 0.01 * (i + t);
      }
    }
    return weight == null
        ? new Panel(periods, group, outcome, ids)
        : Panel.weighted(periods, group, outcome, ids, weight);
  }
}
