package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The power arithmetic: MDE = (z_0.975 + z_0.8) se, participant-months scale with 1 / se^2. */
class DetectableEffectTest {

  @Test
  void theMultiplierIsTheTextbookTwoPointEight() {
    assertEquals(2.8016, DetectableEffect.Z_TEST + DetectableEffect.Z_POWER, 1e-4);
  }

  @Test
  void logScaleMdeAndParticipantMonthsNeeded() {
    // se 0.05: mde 0.140; a 10% decrease is log(0.9) = -0.1054 on the log scale.
    DetectableEffect p =
        DetectableEffect.of(new EstimateBasis(0.05, 1000, Double.NaN, false), true, -0.10);
    double mde = 2.801585218 * 0.05;
    assertEquals(mde, p.mde(), 1e-9);
    assertEquals(Math.expm1(-mde), p.mdeRelative(), 1e-9);
    assertEquals(1000, p.participantMonths());
    long needed = (long) Math.ceil(1000 * Math.pow(mde / Math.log(0.9), 2));
    assertEquals(needed, p.participantMonthsNeeded());
    assertEquals(1768, p.participantMonthsNeeded(), "1000 * (0.14008 / 0.10536)^2 = 1767.6, up");
    assertEquals(768, p.participantMonthsMore());
  }

  @Test
  void quadruplingTheMonthsHalvesTheMde() {
    // The assumption behind participant_months_needed: se ~ 1 / sqrt(participant-months).
    DetectableEffect today =
        DetectableEffect.of(new EstimateBasis(0.08, 500, Double.NaN, false), true, -0.10);
    DetectableEffect later =
        DetectableEffect.of(
            new EstimateBasis(0.08 / 2, today.participantMonths() * 4, Double.NaN, false),
            true,
            -0.10);
    assertEquals(today.mde() / 2, later.mde(), 1e-12);
    assertEquals(
        today.participantMonthsNeeded(), later.participantMonthsNeeded(), 1.0, "the same target");
  }

  @Test
  void levelScaleIsRelativeToTheCounterfactualMean() {
    // Win rate: se 0.02 points, counterfactual mean 0.25; 10% less is -0.025.
    DetectableEffect p =
        DetectableEffect.of(new EstimateBasis(0.02, 800, 0.25, false), false, -0.10);
    assertEquals(0.0560317, p.mde(), 1e-6);
    assertEquals(-0.0560317 / 0.25, p.mdeRelative(), 1e-6);
    assertEquals(
        (long) Math.ceil(800 * Math.pow(0.0560317 / 0.025, 2)), p.participantMonthsNeeded(), 2);
  }

  @Test
  void enoughMonthsAlreadyNeedNoMore() {
    DetectableEffect p =
        DetectableEffect.of(new EstimateBasis(0.01, 2000, Double.NaN, false), true, -0.10);
    assertTrue(p.participantMonthsNeeded() < 2000);
    assertEquals(0, p.participantMonthsMore());
  }

  @Test
  void withoutAStandardErrorThereIsNoPower() {
    DetectableEffect p =
        DetectableEffect.of(new EstimateBasis(Double.NaN, 300, Double.NaN, false), true, -0.10);
    assertTrue(Double.isNaN(p.mde()));
    assertEquals(-1, p.participantMonthsNeeded());
    assertEquals(300, p.participantMonths());
    DetectableEffect noLevel =
        DetectableEffect.of(new EstimateBasis(0.02, 300, Double.NaN, false), false, -0.10);
    assertEquals(-1, noLevel.participantMonthsNeeded(), "a level metric needs its counterfactual");
  }
}
