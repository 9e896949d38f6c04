package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlineSentenceTest {

  private static String sentence(MetricResult m) {
    return HeadlineSentence.forMetric(m, ReportFixture.MIN_GROUP);
  }

  @Test
  void fasterWithIntervalExcludingZero() {
    assertEquals(
        "Service agents who joined a community resolved tickets 18% faster"
            + " (95% CI 14% to 22%) than comparable colleagues.",
        sentence(ReportFixture.faster()));
  }

  @Test
  void slower() {
    assertEquals(
        "Account executives who joined a community closed deals 12% slower"
            + " (95% CI 5% to 19%) than comparable colleagues.",
        sentence(ReportFixture.slower()));
  }

  @Test
  void intervalIncludingZeroSaysWeCannotTell() {
    assertEquals(
        "We cannot tell whether service agents who joined a community resolved"
            + " tickets faster or slower than comparable colleagues: the estimate is"
            + " 3% faster, but the 95% CI runs from 5% slower to 10% faster.",
        sentence(ReportFixture.unclear()));
  }

  @Test
  void winRateInPercentagePoints() {
    assertEquals(
        "Account executives who joined a community won 4.1 percentage points more"
            + " of their deals (95% CI 1.2 to 7.0 points) than comparable colleagues.",
        sentence(ReportFixture.winRate(0.041, 0.012, 0.070)));
  }

  @Test
  void winRateIntervalIncludingZero() {
    assertEquals(
        "We cannot tell whether account executives who joined a community won"
            + " more or fewer of their deals than comparable colleagues: the estimate"
            + " is 2.0 percentage points fewer, but the 95% CI runs from 5.5 points"
            + " fewer to 1.5 points more.",
        sentence(ReportFixture.winRate(-0.02, -0.055, 0.015)));
  }

  @Test
  void anUnreliableEstimateIsNoFindingAndGivesNoNumber() {
    MetricResult m = ReportFixture.faster().withEvidence("unreliable");
    assertEquals("No finding: the groups were not moving in parallel before joining.", sentence(m));
  }

  @Test
  void eachHeadlineLeadsWithItsGrade() {
    MetricResult m = ReportFixture.faster().withEvidence("moderate");
    assertEquals("Evidence: moderate. " + sentence(m), OutcomeSections.graded(m, sentence(m)));
    assertEquals(
        sentence(ReportFixture.faster()),
        OutcomeSections.graded(ReportFixture.faster(), sentence(ReportFixture.faster())),
        "outputs without grades read as before");
  }

  @Test
  void suppressed() {
    assertEquals(
        "Not enough people (fewer than 30) to report this outcome.",
        sentence(ReportFixture.suppressed()));
  }

  @Test
  void smallGroupIsSuppressedEvenWhenFlagIsMissing() {
    MetricResult m = ReportFixture.faster();
    MetricResult small =
        new MetricResult(
            m.metric(),
            m.label(),
            m.unit(),
            m.scale(),
            m.direction(),
            m.subjectPhrase(),
            m.outcomePhrase(),
            m.estimate(),
            m.ciLow(),
            m.ciHigh(),
            m.relativeEffect(),
            m.relativeCiLow(),
            m.relativeCiHigh(),
            29,
            500,
            List.of(),
            List.of(),
            false);
    assertEquals("Not enough people (fewer than 30) to report this outcome.", sentence(small));
  }

  @Test
  void nonDurationLogMetricSaysHigherOrLower() {
    MetricResult m =
        new MetricResult(
            "deal_value",
            "Deal value",
            "EUR",
            "log",
            "higher_is_better",
            "Account executives",
            "closed deals of {effect} value",
            0.0677,
            0.0198,
            0.1133,
            0.07,
            0.02,
            0.12,
            100,
            300,
            List.of(),
            List.of(),
            false);
    assertEquals(
        "Account executives who joined a community closed deals of 7% higher value"
            + " (95% CI 2% to 12%) than comparable colleagues.",
        sentence(m));
  }

  @Test
  void missingNumbersDoNotPrintNaN() {
    MetricResult m =
        ReportFixture.duration("Service agents", "resolved tickets", Double.NaN, -0.1, 0.1);
    assertEquals("The effect on this outcome could not be estimated in this run.", sentence(m));
  }

  @Test
  void midSentenceKeepsAcronyms() {
    assertEquals("service agents", HeadlineSentence.midSentence("Service agents"));
    assertEquals("SDRs", HeadlineSentence.midSentence("SDRs"));
  }

  @org.junit.jupiter.api.Test
  void countsReadAsRelativeChangesNotPercentagePoints() {
    MetricResult reassignments =
        new MetricResult(
            "reassignment_count",
            "Reassignments",
            "count",
            "level",
            "lower_is_better",
            "Service agents",
            "had {effect} reassignments per ticket",
            -0.05,
            -0.08,
            -0.02,
            -0.10,
            -0.16,
            -0.04,
            150,
            480,
            List.of(),
            List.of(new EventTimePoint(0, -0.05, -0.08, -0.02)),
            false);
    assertEquals(
        "Service agents who joined a community had 10% lower reassignments per"
            + " ticket (95% CI 4% to 16%) than comparable colleagues.",
        sentence(reassignments));
    assertEquals(-0.05, reassignments.toDisplay(-0.05), 1e-12, "shown in its own unit");
    assertEquals("count", reassignments.displayUnit());
  }
}
