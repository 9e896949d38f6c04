package org.sociallearning.impact.estimation;

/**
 * The influence function of a covariate-adjusted ATT(g,t), stored per unit because it is no longer
 * a difference of means that per-class sums can rebuild: the cell's units (sample indices) and
 * their {@code psi_i}, in the scale of {@link InfluenceFunctions} (the estimate is {@code mean over
 * all N kept units of psi} away from the truth; R's {@code n / n1} rescaling of the cell's own
 * influence function). Units outside the cell have 0.
 *
 * @param unitCount N, the number of units the sample kept
 */
record CellInfluence(int[] units, double[] psi, int unitCount) {

  /** {@code sqrt(sum psi^2) / N}: the analytic standard error. */
  double standardError() {
    double sum = 0;
    for (double v : psi) {
      sum += v * v;
    }
    return Math.sqrt(sum) / unitCount;
  }

  /** Adds {@code weight * psi} into a dense per-unit vector. */
  void addTo(double weight, double[] dense) {
    for (int j = 0; j < units.length; j++) {
      dense[units[j]] += weight * psi[j];
    }
  }
}
