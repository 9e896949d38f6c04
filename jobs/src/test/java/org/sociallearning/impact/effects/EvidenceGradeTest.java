package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each rule of the evidence grade, from a strong estimate taken apart one condition at a time. */
class EvidenceGradeTest {

  /** Interval -0.30 to -0.10, adjusted p 0.01, pre-trends pass, breakdown 1.5, 40 people. */
  private static EvidenceInputs strong() {
    return new EvidenceInputs(-0.30, -0.10, 0.01, 0.40, false, false, false, 1.5, 40);
  }

  private static EvidenceInputs with(
      double ciLow,
      double ciHigh,
      double adjusted,
      double preTrend,
      boolean dip,
      Double breakdown,
      long participants) {
    return new EvidenceInputs(
        ciLow, ciHigh, adjusted, preTrend, dip, false, false, breakdown, participants);
  }

  @Test
  void everyConditionMetIsStrong() {
    assertEquals(EvidenceGrade.STRONG, EvidenceGrade.of(strong()));
    assertEquals(
        EvidenceGrade.STRONG,
        EvidenceGrade.of(with(0.05, 0.2, 0.049, 0.05, false, 1.0, 30)),
        "the thresholds themselves are enough: breakdown 1, 30 people, pre-trend p = 0.05");
  }

  @Test
  void participantsMuchNewerThanTheirComparisonGroupAreAtMostWeak() {
    EvidenceInputs imbalanced =
        new EvidenceInputs(-0.30, -0.10, 0.01, 0.40, false, true, false, 1.5, 40);
    assertEquals(EvidenceGrade.WEAK, EvidenceGrade.of(imbalanced));
    EvidenceInputs through0 =
        new EvidenceInputs(-0.30, 0.10, 0.60, 0.40, false, true, false, 1.5, 40);
    assertEquals(EvidenceGrade.INCONCLUSIVE, EvidenceGrade.of(through0), "no finding stays none");
    EvidenceInputs rejected =
        new EvidenceInputs(-0.30, -0.10, 0.01, 0.01, false, true, false, 1.5, 40);
    assertEquals(EvidenceGrade.UNRELIABLE, EvidenceGrade.of(rejected));
  }

  @Test
  void anEstimateForFewerThanHalfTheParticipantsIsAtMostWeak() {
    EvidenceInputs partial =
        new EvidenceInputs(-0.30, -0.10, 0.01, 0.40, false, false, true, 1.5, 40);
    assertEquals(EvidenceGrade.WEAK, EvidenceGrade.of(partial));
    EvidenceInputs rejected =
        new EvidenceInputs(-0.30, -0.10, 0.01, 0.01, false, false, true, 1.5, 40);
    assertEquals(EvidenceGrade.UNRELIABLE, EvidenceGrade.of(rejected));
  }

  @Test
  void aRejectedPreTrendTestIsUnreliableEvenWithAClearEffect() {
    assertEquals(
        EvidenceGrade.UNRELIABLE,
        EvidenceGrade.of(with(-0.30, -0.10, 0.01, 0.049, false, 1.5, 40)));
  }

  @Test
  void aDipBeforeJoiningIsUnreliable() {
    assertEquals(
        EvidenceGrade.UNRELIABLE, EvidenceGrade.of(with(-0.30, -0.10, 0.01, 0.40, true, 1.5, 40)));
  }

  @Test
  void unreliableComesBeforeInconclusive() {
    assertEquals(
        EvidenceGrade.UNRELIABLE, EvidenceGrade.of(with(-0.30, 0.10, 0.60, 0.001, false, null, 5)));
  }

  @Test
  void anIntervalThroughZeroIsInconclusive() {
    assertEquals(
        EvidenceGrade.INCONCLUSIVE,
        EvidenceGrade.of(with(-0.30, 0.10, 0.60, 0.40, false, 1.5, 40)));
    assertEquals(
        EvidenceGrade.INCONCLUSIVE,
        EvidenceGrade.of(with(-0.30, 0.0, 0.20, 0.40, false, 1.5, 40)),
        "an interval ending at 0 includes it");
  }

  @Test
  void anIntervalThroughZeroStaysInconclusiveWhateverTheAdjustedPValueSays() {
    // Bootstrap interval and normal p-value can disagree at the edge: the interval wins.
    assertEquals(
        EvidenceGrade.INCONCLUSIVE,
        EvidenceGrade.of(with(-0.30, 0.01, 0.04, 0.40, false, 1.5, 40)));
  }

  @Test
  void onlyTheUnadjustedIntervalExcludingZeroIsWeak() {
    assertEquals(
        EvidenceGrade.WEAK, EvidenceGrade.of(with(-0.30, -0.10, 0.08, 0.40, false, 1.5, 40)));
    assertEquals(
        EvidenceGrade.WEAK,
        EvidenceGrade.of(with(-0.30, -0.10, Double.NaN, 0.40, false, 1.5, 40)),
        "no adjusted p-value: the adjusted interval is not known to exclude 0");
  }

  @Test
  void aBreakdownBelowOneIsModerate() {
    assertEquals(
        EvidenceGrade.MODERATE, EvidenceGrade.of(with(-0.30, -0.10, 0.01, 0.40, false, 0.99, 40)));
  }

  @Test
  void anUnknownBreakdownIsModerate() {
    assertEquals(
        EvidenceGrade.MODERATE, EvidenceGrade.of(with(-0.30, -0.10, 0.01, 0.40, false, null, 40)));
    assertEquals(
        EvidenceGrade.MODERATE,
        EvidenceGrade.of(with(-0.30, -0.10, 0.01, 0.40, false, Double.NaN, 40)));
  }

  @Test
  void fewerThanThirtyParticipantsIsModerate() {
    assertEquals(
        EvidenceGrade.MODERATE, EvidenceGrade.of(with(-0.30, -0.10, 0.01, 0.40, false, 1.5, 29)));
  }

  @Test
  void noPreTrendTestIsModerate() {
    assertEquals(
        EvidenceGrade.MODERATE,
        EvidenceGrade.of(with(-0.30, -0.10, 0.01, Double.NaN, false, 1.5, 40)),
        "untested is not passed");
  }

  @Test
  void labelsAreThePublishedValues() {
    assertEquals("strong", EvidenceGrade.STRONG.label());
    assertEquals("unreliable", EvidenceGrade.UNRELIABLE.label());
  }
}
