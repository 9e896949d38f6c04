package org.sociallearning.impact.estimation;

/**
 * Cholesky factorisation {@code A = L L'} of a small symmetric positive definite matrix (the normal
 * equations of the covariate models: a few to a few dozen columns) and its solves. The estimator's
 * own few lines rather than a library: the estimation layer has no dependencies beyond the JDK.
 *
 * <p>A matrix is refused as singular when a pivot falls below {@link #RELATIVE_PIVOT} times its
 * diagonal entry, i.e. when a column is (almost) a linear combination of the ones before it: R's
 * DRDID stops in that case, and R's {@code did} reports the cell as not estimated.
 */
final class Cholesky {

  /** Share of a column's own variance that must be left after the columns before it. */
  static final double RELATIVE_PIVOT = 1e-12;

  private final double[][] lower;

  private Cholesky(double[][] lower) {
    this.lower = lower;
  }

  /**
   * @param a symmetric (only the lower triangle is read), not modified
   * @return the factorisation, or null when {@code a} is singular or not positive definite
   */
  static Cholesky of(double[][] a) {
    int k = a.length;
    double[][] l = new double[k][k];
    for (int j = 0; j < k; j++) {
      double pivot = a[j][j];
      for (int m = 0; m < j; m++) {
        pivot -= l[j][m] * l[j][m];
      }
      if (!(pivot > RELATIVE_PIVOT * Math.abs(a[j][j])) || !(a[j][j] > 0)) {
        return null;
      }
      l[j][j] = Math.sqrt(pivot);
      for (int i = j + 1; i < k; i++) {
        double v = a[i][j];
        for (int m = 0; m < j; m++) {
          v -= l[i][m] * l[j][m];
        }
        l[i][j] = v / l[j][j];
      }
    }
    return new Cholesky(l);
  }

  /** {@code x} with {@code A x = b}. */
  double[] solve(double[] b) {
    int k = lower.length;
    double[] y = new double[k];
    for (int i = 0; i < k; i++) {
      double v = b[i];
      for (int m = 0; m < i; m++) {
        v -= lower[i][m] * y[m];
      }
      y[i] = v / lower[i][i];
    }
    double[] x = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double v = y[i];
      for (int m = i + 1; m < k; m++) {
        v -= lower[m][i] * x[m];
      }
      x[i] = v / lower[i][i];
    }
    return x;
  }
}
