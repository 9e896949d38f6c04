package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** "We cannot tell" comes with how large an effect today's data could have shown. */
class PowerWordsTest {

  static MetricResult inconclusive(String evidence, DetectablePower power) {
    MetricResult r = TrendSensitivityWordsTest.result(evidence, Double.NaN);
    return new MetricResult(
        r.metric(),
        r.label(),
        r.unit(),
        r.scale(),
        r.direction(),
        r.subjectPhrase(),
        r.outcomePhrase(),
        r.estimate(),
        r.ciLow(),
        r.ciHigh(),
        r.relativeEffect(),
        r.relativeCiLow(),
        r.relativeCiHigh(),
        r.nTreated(),
        r.nComparison(),
        r.warnings(),
        r.eventStudy(),
        false,
        r.preTrendPValue(),
        r.preTrendTests(),
        r.calendar(),
        evidence,
        Double.NaN,
        power);
  }

  @Test
  void anInconclusiveEstimateSaysWhatTodaysDataCouldShowAndWhatWouldShowMore() {
    // A log-scale metric: an MDE of 0.234 on ln(hours) is a change of about 21%.
    String words =
        PowerWords.forMetric(inconclusive("inconclusive", new DetectablePower(0.234, 254, 1255)));
    assertEquals(
        "With today's 254 participant-months, only an effect of about 21% or more would reliably"
            + " show (80% power). About 1,255 participant-months in all would show the effect size"
            + " this run looks for.",
        words);
    String headline =
        OutcomeSections.graded(
            inconclusive("inconclusive", new DetectablePower(0.234, 254, 1255)), "We cannot tell.");
    assertTrue(headline.startsWith("Evidence: inconclusive. We cannot tell. With today's"));
  }

  @Test
  void onlyForInconclusiveEstimatesWithKnownPower() {
    assertEquals(
        "", PowerWords.forMetric(inconclusive("moderate", new DetectablePower(0.2, 254, 1255))));
    assertEquals("", PowerWords.forMetric(inconclusive("inconclusive", DetectablePower.NONE)));
    assertTrue(
        !PowerWords.forMetric(inconclusive("inconclusive", new DetectablePower(0.2, 2000, 300)))
            .contains("in all"),
        "no call for more data when today's would already show the effect looked for");
  }
}
