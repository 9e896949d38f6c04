package org.sociallearning.impact.sample;

/**
 * Shift of ln(duration) of a person's work, beyond effects and noise: the pre-joining dip, the
 * duration factor, unrelated gains and a new hire's learning curve. Exactly 0 with every knob off,
 * so the draws and bytes of settings without them are unchanged.
 */
final class DurationShift {

  private DurationShift() {}

  static double of(GeneratorSettings s, Person p, int m) {
    double shift = 0;
    if (s.preJoiningDip() != 0 && p != null && p.joiner && m == p.joinMonth - 1) {
      shift += s.preJoiningDip();
    }
    if (s.durationFactor() != 1) {
      shift += StrictMath.log(s.durationFactor());
    }
    if (s.unrelatedGain() != 0 && p != null && p.gainMonth >= 0 && m >= p.gainMonth) {
      shift += s.unrelatedGain();
    }
    if (p != null && p.newHire) {
      shift += s.newHires().shift(m - p.hireMonth);
    }
    return shift;
  }
}
