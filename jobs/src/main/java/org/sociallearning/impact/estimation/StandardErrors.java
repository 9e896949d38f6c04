package org.sociallearning.impact.estimation;

/**
 * The standard error of every estimand, with the multiplier-bootstrap draws they were taken from
 * when there are any: the draws also give the simultaneous bands ({@link SupTCriticalValue}), so
 * they are kept rather than thrown away once the errors are known.
 *
 * @param se per estimand; NaN where it cannot be formed
 * @param draws {@code draws[estimand][replicate]}, centred at zero; null when the errors are
 *     analytic (weighted panel, or no replicates asked for)
 */
record StandardErrors(double[] se, double[][] draws) {

  /** Analytic errors: no draws. */
  static StandardErrors analytic(double[] se) {
    return new StandardErrors(se, null);
  }

  boolean hasDraws() {
    return draws != null;
  }
}
