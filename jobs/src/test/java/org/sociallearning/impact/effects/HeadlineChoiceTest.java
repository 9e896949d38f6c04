package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.schemas.MetricDefinition;

/** The robust variant becomes the headline only when it removes the main estimate's problem. */
class HeadlineChoiceTest {

  static MetricEstimate estimate(double ciLow, double ciHigh, double adjusted, double preTrend) {
    return new MetricEstimate(
        MetricDefinition.named("time_to_resolve_hours"),
        "all",
        (ciLow + ciHigh) / 2,
        ciLow,
        ciHigh,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        40,
        60,
        "m",
        adjusted,
        adjusted,
        preTrend,
        3,
        "group_time",
        List.of(),
        List.of(),
        false,
        List.of());
  }

  private static final MetricEstimate REJECTED = estimate(-0.3, -0.1, 0.01, 0.001);
  private static final MetricEstimate PASSING = estimate(-0.25, -0.05, 0.02, 0.30);

  @Test
  void aRobustVariantThatPassesBecomesTheHeadlineAndSaysSo() {
    HeadlineChoice c =
        HeadlineChoice.choose(
            REJECTED, EvidenceInputs.of(REJECTED, null), PASSING, EvidenceInputs.of(PASSING, null));
    assertTrue(c.robustHeadline());
    assertEquals(EvidenceGrade.MODERATE, c.grade());
    assertEquals(PASSING.estimate(), c.headline().estimate(), 0.0);
    assertTrue(c.headline().warnings().contains(HeadlineChoice.ROBUST_NOTE));
  }

  @Test
  void aRobustVariantThatFailsTooLeavesTheMainEstimateUnreliable() {
    MetricEstimate alsoRejected = estimate(-0.3, -0.1, 0.01, 0.01);
    HeadlineChoice c =
        HeadlineChoice.choose(
            REJECTED,
            EvidenceInputs.of(REJECTED, null),
            alsoRejected,
            EvidenceInputs.of(alsoRejected, null));
    assertFalse(c.robustHeadline());
    assertSame(REJECTED, c.headline());
    assertEquals(EvidenceGrade.UNRELIABLE, c.grade());
  }

  @Test
  void aReliableMainEstimateStaysTheHeadline() {
    HeadlineChoice c =
        HeadlineChoice.choose(
            PASSING, EvidenceInputs.of(PASSING, 2.0), REJECTED, EvidenceInputs.of(REJECTED, 2.0));
    assertFalse(c.robustHeadline());
    assertSame(PASSING, c.headline());
    assertEquals(EvidenceGrade.STRONG, c.grade());
  }

  @Test
  void withoutARobustVariantTheMainEstimateIsGradedAlone() {
    HeadlineChoice c =
        HeadlineChoice.choose(REJECTED, EvidenceInputs.of(REJECTED, null), null, null);
    assertFalse(c.robustHeadline());
    assertEquals(EvidenceGrade.UNRELIABLE, c.grade());
  }

  @Test
  void gradedEstimatesLeaveSuppressedAndVolumeRowsUngraded() {
    MetricEstimate volume =
        new MetricEstimate(
            MetricDefinition.named("tickets_handled"),
            "all",
            0.5,
            0.1,
            0.9,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            40,
            60,
            "m",
            0.01,
            Double.NaN,
            0.5,
            3,
            "group_time",
            List.of(),
            List.of(),
            false,
            List.of());
    List<GradedEstimate> graded = GradedEstimate.of(List.of(volume, PASSING), -0.10);
    assertEquals(null, graded.get(0).evidence());
    assertEquals("moderate", graded.get(1).evidence());
  }
}
