package org.sociallearning.impact.sample;

/**
 * The new-hires company knob: people hired during the window who get faster at the job anyway (a
 * learning curve) and who, unlike tenured people, mostly join a community in their first weeks. See
 * {@link GeneratorSettings#withNewHires}.
 *
 * @param share share of employees hired during the window, 0 for the usual company
 * @param learningCurve added to ln(hours to resolve) and ln(days to close) of a new hire's work in
 *     the hire month, declining linearly to 0 over {@link #CURVE_MONTHS} months, e.g. +0.4
 * @param tenuredJoining share of the usual (ability-driven) joiners kept among tenured people:
 *     {@link #TENURED_JOINER_SHARE} in the company where mostly new hires join, 1 where tenured
 *     people join as usual besides the new hires
 */
public record NewHires(double share, double learningCurve, double tenuredJoining) {

  /** The usual company: about 5% hired during the window, no learning curve, no early joining. */
  public static final NewHires NONE = new NewHires(0, 0, 1);

  /** Months after the hire month at which the learning curve has worn off. */
  public static final int CURVE_MONTHS = 6;

  /** Share of new hires who meet the participation rule in their first one or two months. */
  public static final double EARLY_JOIN_SHARE = 0.8;

  /** Share of the usual (ability-driven) joiners kept among tenured people, by default. */
  public static final double TENURED_JOINER_SHARE = 0.1;

  public NewHires {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("new-hire share must be in [0, 1], was " + share);
    }
    if (!(tenuredJoining >= 0 && tenuredJoining <= 1)) {
      throw new IllegalArgumentException("tenuredJoining must be in [0, 1], was " + tenuredJoining);
    }
    if (!Double.isFinite(learningCurve)) {
      throw new IllegalArgumentException("learningCurve must be finite, was " + learningCurve);
    }
  }

  boolean on() {
    return share > 0;
  }

  /** Shift of ln(duration) for work of a new hire started {@code monthsSinceHire} after hiring. */
  double shift(int monthsSinceHire) {
    if (learningCurve == 0 || monthsSinceHire < 0 || monthsSinceHire >= CURVE_MONTHS) {
      return 0;
    }
    return learningCurve * (1.0 - (double) monthsSinceHire / CURVE_MONTHS);
  }
}
