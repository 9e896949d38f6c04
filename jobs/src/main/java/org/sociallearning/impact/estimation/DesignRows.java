package org.sociallearning.impact.estimation;

/**
 * Rows of a design matrix with the positions of their non-zero entries: a categorical covariate
 * adds one indicator column per level but only one non-zero per row, so the normal equations
 * ({@code sum w x x'}) and the fitted values of the covariate models loop over those entries only.
 * With a department of 20 levels that is a few products per row instead of a few hundred. Rows may
 * be null (a unit absent from that model); the sums skip them.
 */
final class DesignRows {

  final double[][] rows;
  private final int[][] nonzero;
  final int width;

  /**
   * @param rows per unit its row, or null when the unit is absent from the model
   * @param nonzero per row the ascending positions that may be non-zero (null where the row is)
   * @param width the number of columns
   */
  DesignRows(double[][] rows, int[][] nonzero, int width) {
    this.rows = rows;
    this.nonzero = nonzero;
    this.width = width;
  }

  boolean has(int i) {
    return rows[i] != null;
  }

  /** {@code x_i . beta}. */
  double dot(int i, double[] beta) {
    double[] row = rows[i];
    double s = 0;
    for (int a : nonzero[i]) {
      s += row[a] * beta[a];
    }
    return s;
  }

  /** {@code into += factor * x_i}. */
  void addScaled(int i, double factor, double[] into) {
    double[] row = rows[i];
    for (int a : nonzero[i]) {
      into[a] += factor * row[a];
    }
  }

  /** Lower triangle of {@code matrix += factor * x_i x_i'}. */
  void addOuter(int i, double factor, double[][] matrix) {
    double[] row = rows[i];
    int[] at = nonzero[i];
    for (int p = 0; p < at.length; p++) {
      int a = at[p];
      double fa = factor * row[a];
      for (int q = 0; q <= p; q++) {
        matrix[a][at[q]] += fa * row[at[q]];
      }
    }
  }
}
