package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The breakdown value in words, only next to a finding. */
class TrendSensitivityWordsTest {

  static MetricResult result(String evidence, double breakdown) {
    return new MetricResult(
        "time_to_resolve_hours",
        "Time to resolve a ticket",
        "hours",
        "log",
        "lower_is_better",
        "Service agents",
        "resolved tickets",
        -0.2,
        -0.3,
        -0.1,
        Math.expm1(-0.2),
        Math.expm1(-0.3),
        Math.expm1(-0.1),
        60,
        200,
        List.of(),
        List.of(),
        false,
        0.4,
        4,
        List.of(),
        evidence,
        breakdown,
        DetectablePower.NONE);
  }

  @Test
  void aFindingSaysHowLargeADivergenceOfTrendsItSurvives() {
    assertEquals(
        "It holds unless trends after joining diverged by more than 1.4 times the largest"
            + " divergence before joining.",
        TrendSensitivityWords.forMetric(result("strong", 1.37)));
    assertTrue(TrendSensitivityWords.forMetric(result("moderate", 10)).contains("10 times"));
    assertTrue(
        TrendSensitivityWords.forMetric(result("weak", 0)).contains("rests entirely"),
        "a breakdown value of 0 says the finding needs parallel trends exactly");
    String headline = OutcomeSections.graded(result("strong", 1.37), "Agents were faster.");
    assertEquals(
        "Evidence: strong. Agents were faster. It holds unless trends after joining diverged by"
            + " more than 1.4 times the largest divergence before joining.",
        headline);
  }

  @Test
  void noSentenceWithoutAFindingOrABreakdownValue() {
    assertEquals("", TrendSensitivityWords.forMetric(result("inconclusive", 2.0)));
    assertEquals("", TrendSensitivityWords.forMetric(result("unreliable", 2.0)));
    assertEquals("", TrendSensitivityWords.forMetric(result("strong", Double.NaN)));
  }
}
