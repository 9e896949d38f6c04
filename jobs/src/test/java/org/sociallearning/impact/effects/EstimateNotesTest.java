package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.schemas.MetricDefinition;

/** The estimate_notes rows: coded warnings, the power note, and the every-metric collapse. */
class EstimateNotesTest {

  private static final String DROPPED = "4 unit(s) observed in one period only, dropped";

  private static MetricEstimate estimate(
      String metric, String segment, double ciLow, double ciHigh, List<String> warnings) {
    return new MetricEstimate(
        MetricDefinition.named(metric),
        segment,
        (ciLow + ciHigh) / 2,
        ciLow,
        ciHigh,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        40,
        60,
        "m",
        0.5,
        0.5,
        0.4,
        3,
        "group_time",
        warnings,
        List.of(),
        false,
        List.of(),
        List.of(),
        "group",
        Double.NaN,
        Double.NaN,
        Double.NaN,
        MetricEstimate.MeanEffect.NONE,
        new EstimateBasis(0.05, 1000, Double.NaN, false),
        ParallelTrendsSensitivity.NONE);
  }

  private static List<String> codes(List<EstimateNote> notes) {
    return notes.stream().map(n -> n.metric() + "/" + n.segment() + "/" + n.code()).toList();
  }

  @Test
  void warningsGetTheirStableCodes() {
    assertEquals(NoteCode.SUPPRESSED, NoteCode.of("suppressed: fewer than 5 people in a group"));
    assertEquals(
        NoteCode.PRETREND_REJECTED,
        NoteCode.of("pre-trend test rejects parallel trends (joint test, p = 0.001): ..."));
    assertEquals(
        NoteCode.DIP_BEFORE_JOINING,
        NoteCode.of("possible Ashenfelter's dip: just before joining the outcome fell"));
    assertEquals(NoteCode.PRETREND_UNAVAILABLE, NoteCode.of("pre-trend test not available: x"));
    assertEquals(NoteCode.PRETREND_PARTIAL, NoteCode.of("pre-trend test covers 3 of 5 cohorts"));
    assertEquals(NoteCode.FEW_PARTICIPANTS, NoteCode.of("only 12 participants: the interval"));
    assertEquals(NoteCode.PEOPLE_LEFT_OUT, NoteCode.of(DROPPED));
    assertEquals(NoteCode.VOLUME_CHANGED, NoteCode.of("joining changed how many tickets ..."));
    assertEquals(NoteCode.ESTIMATOR_NOTE, NoteCode.of("something new from the estimator"));
    assertEquals("pretrend_rejected", NoteCode.PRETREND_REJECTED.code());
    assertEquals("error", NoteCode.PRETREND_REJECTED.severity().label());
  }

  @Test
  void aNoteOnEveryMetricIsOneRowForAllOfThem() {
    List<GradedEstimate> graded =
        GradedEstimate.of(
            List.of(
                estimate("time_to_resolve_hours", "all", -0.3, -0.1, List.of(DROPPED)),
                estimate("time_to_resolve_hours", "department=Support", -0.3, -0.1, List.of()),
                estimate("win_rate", "all", 0.01, 0.05, List.of(DROPPED, "only 12 participants"))),
            -0.10);
    List<EstimateNote> notes = EstimateNotes.of(graded, -0.10);
    assertEquals(
        List.of(
            "*/all/breakdown_unknown", "*/all/people_left_out", "win_rate/all/few_participants"),
        codes(notes));
    EstimateNote dropped = notes.get(1);
    assertEquals(DROPPED, dropped.technicalText());
    assertEquals(NoteCode.PEOPLE_LEFT_OUT.plain(), dropped.plainText());
    assertEquals("info", dropped.severity());
  }

  @Test
  void aNoteOnSomeMetricsStaysOnThem() {
    List<GradedEstimate> graded =
        GradedEstimate.of(
            List.of(
                estimate("time_to_resolve_hours", "all", -0.3, -0.1, List.of(DROPPED)),
                estimate("win_rate", "all", 0.01, 0.05, List.of()),
                estimate("win_rate", "department=Sales", 0.01, 0.05, List.of(DROPPED))),
            -0.10);
    assertEquals(
        List.of(
            "*/all/breakdown_unknown",
            "time_to_resolve_hours/all/people_left_out",
            "win_rate/department=Sales/people_left_out"),
        codes(EstimateNotes.of(graded, -0.10)));
  }

  @Test
  void anInconclusiveEstimateGetsItsPowerNote() {
    List<GradedEstimate> graded =
        GradedEstimate.of(
            List.of(estimate("time_to_resolve_hours", "all", -0.3, 0.1, List.of())), -0.10);
    List<EstimateNote> notes = EstimateNotes.of(graded, -0.10);
    assertEquals(
        List.of("*/all/breakdown_unknown", "time_to_resolve_hours/all/underpowered"), codes(notes));
    String plain = notes.get(1).plainText();
    assertTrue(plain.contains("1,000 participant-months"), plain);
    assertTrue(plain.contains("13% less"), plain);
    assertTrue(plain.contains("would detect 10% less"), plain);
    assertTrue(notes.get(1).technicalText().contains("participant_months_needed"));
  }

  @Test
  void noGradedEstimateMeansNoBreakdownNote() {
    MetricEstimate suppressed =
        new MetricEstimate(
            MetricDefinition.named("win_rate"),
            "all",
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            3,
            60,
            "m",
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0,
            "",
            List.of("suppressed: fewer than 5 people in a group"),
            List.of(),
            true,
            List.of());
    assertEquals(
        List.of("win_rate/all/suppressed"),
        codes(EstimateNotes.of(GradedEstimate.of(List.of(suppressed), -0.10), -0.10)));
  }
}
