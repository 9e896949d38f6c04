package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The value section states hours and money only for outcomes with a reliable headline. */
class ValueSectionTest {

  private static ReportModel model(MetricResult ticketOutcome) {
    ReportModel m = ReportFixture.model();
    return new ReportModel(
        m.title(),
        m.asOf(),
        m.generatedAt(),
        List.of(ticketOutcome),
        m.sources(),
        m.runWarnings(),
        m.method(),
        m.minGroupSize(),
        m.segments(),
        m.values(),
        m.knowledgeFlow(),
        m.concentration(),
        m.learningMix(),
        m.quarantineReasons());
  }

  @Test
  void anUnreliableOutcomeIsNotValued() {
    List<String> sentences =
        ValueSection.metricSentences(model(ReportFixture.faster().withEvidence("unreliable")));
    assertEquals(List.of("Time to resolve a ticket: not valued: no reliable estimate."), sentences);
    assertFalse(String.join(" ", sentences).contains("hours"), sentences.toString());
  }

  @Test
  void aReliableOutcomeKeepsItsHoursAndMoney() {
    List<String> sentences =
        ValueSection.metricSentences(model(ReportFixture.faster().withEvidence("moderate")));
    assertEquals(1, sentences.size());
    assertEquals(
        "Time to resolve a ticket: The work saved comes to about 1,234 hours (95% CI 800 hours"
            + " to 1,651 hours) a year, worth EUR 67,892 (95% CI EUR 44,011 to EUR 90,800).",
        sentences.get(0));
  }
}
