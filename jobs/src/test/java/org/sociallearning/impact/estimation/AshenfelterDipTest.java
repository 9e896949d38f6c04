package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AshenfelterDipTest {

  private static final DidOptions OPTIONS = DidOptions.defaults().withReplicates(499);
  private static final DidOptions UNIVERSAL = OPTIONS.withBasePeriod(BasePeriod.UNIVERSAL);

  /**
   * No true effect; joiners' outcome rises by 0.3 in the period right before they join (a bad
   * month).
   */
  private static Panel badMonthBeforeJoining() {
    return SyntheticPanels.selectedOnLevels(
        SyntheticPanels.Spec.of(4000, 10, 4, 0.0, 51).withDip(0.3));
  }

  @Test
  void plantedDipIsFlaggedAndWouldFakeAnEffect() {
    DidResult result = StaggeredDid.estimate(badMonthBeforeJoining(), OPTIONS);
    assertTrue(result.dipWarning().isPresent(), result.warnings().toString());
    String warning = result.dipWarning().orElseThrow();
    assertTrue(
        warning.startsWith("possible Ashenfelter's dip: just before joining the outcome rose"),
        warning);
    assertTrue(warning.contains("event time -1"), warning);
    assertTrue(result.warnings().contains(warning), "the report shows the estimator's warnings");
    assertEquals(-0.3, result.simple().att(), 0.03, "the dip returns as a spurious effect");
  }

  @Test
  void anticipationOfOnePeriodMeasuresFromBeforeTheDip() {
    DidResult result = StaggeredDid.estimate(badMonthBeforeJoining(), OPTIONS.withAnticipation(1));
    assertEquals(Optional.empty(), result.dipWarning(), result.warnings().toString());
    assertEquals(0.0, result.simple().att(), 0.03);
    assertTrue(
        result.simple().ciLow() <= 0 && 0 <= result.simple().ciHigh(), result.simple().toString());
  }

  @Test
  void cleanPanelsRaiseNoDip() {
    DidResult synthetic =
        StaggeredDid.estimate(
            SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(4000, 10, 4, 0.0, 51)),
            OPTIONS);
    assertEquals(Optional.empty(), synthetic.dipWarning());
    DidResult mpdta = StaggeredDid.estimate(MpdtaReference.panel(), DidOptions.defaults());
    assertEquals(Optional.empty(), mpdta.dipWarning());
  }

  /**
   * With a universal base the bad month is the reference: every earlier month sits below it by
   * about the dip, and the rule, run on the steps between consecutive months, still fires.
   */
  @Test
  void plantedDipIsFlaggedUnderAUniversalBase() {
    DidResult result = StaggeredDid.estimate(badMonthBeforeJoining(), UNIVERSAL);
    for (AggregateEffect point : result.byAggregation(AggregateEffect.DYNAMIC)) {
      if (!point.isOverall() && Integer.parseInt(point.key()) < -1) {
        assertEquals(
            -0.3, point.att(), 3 * point.se(), "each earlier month against the bad one: " + point);
      }
    }
    String warning =
        result.dipWarning().orElseThrow(() -> new AssertionError(result.warnings().toString()));
    assertTrue(
        warning.startsWith("possible Ashenfelter's dip: just before joining the outcome rose"),
        warning);
    assertTrue(warning.contains("(event time -1 against the period before: 0.3"), warning);
    assertEquals(-0.3, result.simple().att(), 0.03, "the dip returns as a spurious effect");
  }

  @Test
  void universalBaseWithOneAnticipationPeriodMeasuresFromBeforeTheDip() {
    DidResult result =
        StaggeredDid.estimate(badMonthBeforeJoining(), UNIVERSAL.withAnticipation(1));
    assertEquals(Optional.empty(), result.dipWarning(), result.warnings().toString());
  }

  @Test
  void cleanPanelsRaiseNoDipUnderAUniversalBase() {
    DidResult synthetic =
        StaggeredDid.estimate(
            SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(4000, 10, 4, 0.0, 51)),
            UNIVERSAL);
    assertEquals(Optional.empty(), synthetic.dipWarning(), synthetic.warnings().toString());
    DidResult mpdta = StaggeredDid.estimate(MpdtaReference.panel(), UNIVERSAL);
    assertEquals(Optional.empty(), mpdta.dipWarning(), mpdta.warnings().toString());
  }

  /**
   * The dip is also what the pre-joining level test looks for: every earlier month sits about 0.3
   * below the bad one, so the pre-trend verdict rejects beside the dip warning, naming the level
   * test. Measured from the month before the dip (anticipation 1) neither fires.
   */
  @Test
  void levelTestSeesTheDipUnderEitherBase() {
    for (DidOptions options : List.of(OPTIONS.withReplicates(0), UNIVERSAL.withReplicates(0))) {
      DidResult result = StaggeredDid.estimate(badMonthBeforeJoining(), options);
      assertTrue(result.dipWarning().isPresent(), options + " " + result.warnings());
      DidResult.PreTrendTest.LevelTest level = result.preTrend().level();
      assertEquals(-0.3, level.estimate(), 0.03, level.toString());
      assertTrue(level.pValue() < 0.001, level.toString());
      assertTrue(
          result.warnings().stream()
              .anyMatch(
                  w ->
                      w.startsWith("pre-trend test rejects parallel trends (level test, p < 0.001")
                          && w.contains("participants' outcomes rose 0.")),
          result.warnings().toString());

      DidResult measuredBefore =
          StaggeredDid.estimate(badMonthBeforeJoining(), options.withAnticipation(1));
      assertEquals(Optional.empty(), measuredBefore.dipWarning());
      assertTrue(measuredBefore.preTrend().pValue() > 0.05, measuredBefore.preTrend().toString());
    }
  }

  /** Joiners drifting away before joining: a trend, which the pre-trend test reports, not a dip. */
  @Test
  void aPreTrendIsNoDipUnderEitherBase() {
    Panel drifting =
        SyntheticPanels.selectedOnLevels(
            SyntheticPanels.Spec.of(4000, 10, 4, 0.0, 52).withPreTrend(0.1));
    for (DidOptions options : List.of(OPTIONS, UNIVERSAL)) {
      DidResult result = StaggeredDid.estimate(drifting, options);
      assertEquals(Optional.empty(), result.dipWarning(), options + " " + result.warnings());
      assertTrue(result.preTrend().pValue() < 0.001, result.preTrend().toString());
    }
  }

  /**
   * On mpdta (balanced, never-treated controls) the universal steps into event times -1 and -2
   * average the same cohorts as the varying effects there, and are those effects exactly, with the
   * same influence functions; the step into -3 is not, as cohort 2006 has no period before 2003.
   */
  @Test
  void universalStepsAreTheVaryingEffectsWhereTheSameCohortsAreAveraged() {
    List<String> warnings = new ArrayList<>();
    EstimationSample sample = EstimationSample.prepare(MpdtaReference.panel(), 0, null, warnings);
    List<GroupTimeCell> universal =
        GroupTimeEstimator.estimate(
                sample, ControlGroup.NEVER_TREATED, 0, BasePeriod.UNIVERSAL, warnings)
            .cells();
    List<LinearEstimand> steps =
        AshenfelterDip.universalSteps(Aggregator.aggregate(sample, universal), 0);
    assertEquals(List.of("-3", "-2", "-1"), steps.stream().map(LinearEstimand::key).toList());
    List<GroupTimeCell> varying =
        GroupTimeEstimator.estimate(sample, ControlGroup.NEVER_TREATED, warnings).cells();
    List<LinearEstimand> dynamic = Aggregator.aggregate(sample, varying);
    for (String e : List.of("-2", "-1")) {
      LinearEstimand step = steps.stream().filter(s -> s.key().equals(e)).findFirst().orElseThrow();
      LinearEstimand effect =
          dynamic.stream()
              .filter(d -> d.aggregation().equals(AggregateEffect.DYNAMIC) && d.key().equals(e))
              .findFirst()
              .orElseThrow();
      assertEquals(effect.estimate(), step.estimate(), 1e-12, "event time " + e);
      assertEquals(
          InfluenceFunctions.analyticStandardError(sample, varying, effect),
          InfluenceFunctions.analyticStandardError(sample, universal, step),
          1e-12,
          "se at " + e);
    }
    assertEquals(
        -0.0244587, steps.get(2).estimate(), MpdtaReference.TOLERANCE, "R's dynamic effect at -1");
  }

  @Test
  void ruleLooksAtTheBasePeriodAgainstQuietEarlierPeriods() {
    AggregateEffect quiet3 = dynamic(-3, 0.01, 0.02);
    AggregateEffect quiet2 = dynamic(-2, -0.02, 0.02);
    AggregateEffect loud2 = dynamic(-2, 0.2, 0.02);
    AggregateEffect dip1 = dynamic(-1, -0.1, 0.02);
    AggregateEffect quiet1 = dynamic(-1, -0.01, 0.02);
    AggregateEffect post = dynamic(0, 0.3, 0.02);
    assertTrue(AshenfelterDip.check(List.of(quiet3, quiet2, dip1, post), 0).isPresent());
    assertTrue(
        AshenfelterDip.check(List.of(dip1, post), 0).isPresent(),
        "no earlier period to contradict it");
    assertFalse(AshenfelterDip.check(List.of(quiet3, quiet2, quiet1, post), 0).isPresent());
    assertFalse(
        AshenfelterDip.check(List.of(quiet3, loud2, dip1, post), 0).isPresent(),
        "a trend, not a dip");
    assertFalse(AshenfelterDip.check(List.of(post), 0).isPresent());
    // With one anticipation period the base is event time -2.
    assertTrue(AshenfelterDip.check(List.of(quiet3, loud2, quiet1, post), 1).isPresent());
    assertFalse(AshenfelterDip.check(List.of(quiet3, quiet2, dip1, post), 1).isPresent());
  }

  private static AggregateEffect dynamic(int e, double att, double se) {
    return new AggregateEffect(
        AggregateEffect.DYNAMIC, String.valueOf(e), att, se, att - 2 * se, att + 2 * se);
  }
}
