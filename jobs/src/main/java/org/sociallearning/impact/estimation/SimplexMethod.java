package org.sociallearning.impact.estimation;

/**
 * A small dense linear program in standard form, {@code max c'x subject to A x = b, x >= 0}, by the
 * two-phase simplex method on a full tableau. Sized for the moment-inequality programs of {@link
 * ConditionalHybridTest}: a few dozen variables and constraints, solved many thousand times per
 * estimate, where a library's overhead would dominate. The estimator's own lines rather than a
 * library, as {@link Cholesky}: the estimation layer has no dependencies beyond the JDK.
 *
 * <p>The optimum is returned at a vertex (a basic solution), which is what the conditional test
 * needs: its conditioning event is a vertex of the dual program. Largest-coefficient pivoting, with
 * Bland's rule after many pivots so that degenerate programs cannot cycle.
 */
final class SimplexMethod {

  private static final double EPS = 1e-9;
  private static final int BLAND_AFTER = 50;
  private static final int MAX_PIVOTS = 5000;

  /**
   * @param feasible false when no x satisfies the constraints, or none was found within the pivot
   *     limit (then value is NaN and x null)
   * @param value {@code c'x} at the optimum; {@code +Infinity} when unbounded
   */
  record Solution(boolean feasible, double value, double[] x) {
    static final Solution INFEASIBLE = new Solution(false, Double.NaN, null);
  }

  private final double[][] t;
  private final int[] basis;
  private final int rows;
  private final int vars;

  private SimplexMethod(double[][] a, double[] b) {
    rows = a.length;
    vars = a[0].length;
    t = new double[rows][vars + rows + 1];
    basis = new int[rows];
    for (int i = 0; i < rows; i++) {
      double sign = b[i] < 0 ? -1 : 1;
      for (int j = 0; j < vars; j++) {
        t[i][j] = sign * a[i][j];
      }
      t[i][vars + i] = 1;
      t[i][vars + rows] = sign * b[i];
      basis[i] = vars + i;
    }
  }

  /** {@code max c'x} subject to {@code a x = b}, {@code x >= 0}; a and b are not modified. */
  static Solution maximize(double[] c, double[][] a, double[] b) {
    SimplexMethod lp = new SimplexMethod(a, b);
    double[] phaseOne = new double[lp.vars + lp.rows];
    for (int i = 0; i < lp.rows; i++) {
      phaseOne[lp.vars + i] = -1;
    }
    if (lp.optimize(phaseOne, lp.vars + lp.rows) != Status.OPTIMAL) {
      return Solution.INFEASIBLE;
    }
    double infeasibility = 0;
    double scale = 1;
    for (int i = 0; i < lp.rows; i++) {
      scale = Math.max(scale, Math.abs(b[i]));
      if (lp.basis[i] >= lp.vars) {
        infeasibility += lp.t[i][lp.vars + lp.rows];
      }
    }
    if (infeasibility > 1e-7 * scale) {
      return Solution.INFEASIBLE;
    }
    lp.driveOutArtificials();
    double[] cost = new double[lp.vars + lp.rows];
    System.arraycopy(c, 0, cost, 0, lp.vars);
    Status status = lp.optimize(cost, lp.vars);
    if (status == Status.STALLED) {
      return Solution.INFEASIBLE;
    }
    if (status == Status.UNBOUNDED) {
      return new Solution(true, Double.POSITIVE_INFINITY, null);
    }
    double[] x = new double[lp.vars];
    double value = 0;
    for (int i = 0; i < lp.rows; i++) {
      if (lp.basis[i] < lp.vars) {
        x[lp.basis[i]] = lp.t[i][lp.vars + lp.rows];
        value += c[lp.basis[i]] * x[lp.basis[i]];
      }
    }
    return new Solution(true, value, x);
  }

  private enum Status {
    OPTIMAL,
    UNBOUNDED,
    /**
     * No optimum within {@link #MAX_PIVOTS} pivots (numerical trouble): reported as no solution.
     */
    STALLED
  }

  /** Simplex iterations over columns {@code [0, allowed)}. */
  private Status optimize(double[] cost, int allowed) {
    int rhs = vars + rows;
    for (int pivots = 0; pivots < MAX_PIVOTS; pivots++) {
      boolean bland = pivots >= BLAND_AFTER;
      int entering = -1;
      double best = EPS;
      for (int j = 0; j < allowed; j++) {
        double reduced = cost[j];
        for (int i = 0; i < rows; i++) {
          reduced -= cost[basis[i]] * t[i][j];
        }
        if (reduced > best) {
          entering = j;
          best = reduced;
          if (bland) {
            break;
          }
        }
      }
      if (entering < 0) {
        return Status.OPTIMAL;
      }
      int leaving = -1;
      double ratio = Double.POSITIVE_INFINITY;
      for (int i = 0; i < rows; i++) {
        if (t[i][entering] > EPS) {
          double r = t[i][rhs] / t[i][entering];
          if (r < ratio - EPS || (r <= ratio + EPS && leaving >= 0 && basis[i] < basis[leaving])) {
            ratio = Math.min(ratio, r);
            leaving = i;
          }
        }
      }
      if (leaving < 0) {
        return Status.UNBOUNDED;
      }
      pivot(leaving, entering);
    }
    return Status.STALLED;
  }

  /**
   * After phase one, artificial variables still basic at level zero leave the basis for any
   * original column with a non-zero entry in their row; a row without one is a redundant
   * constraint, and its artificial stays, harmless, at zero.
   */
  private void driveOutArtificials() {
    for (int i = 0; i < rows; i++) {
      if (basis[i] < vars) {
        continue;
      }
      for (int j = 0; j < vars; j++) {
        if (Math.abs(t[i][j]) > EPS) {
          pivot(i, j);
          break;
        }
      }
    }
  }

  private void pivot(int row, int col) {
    double[] p = t[row];
    double inverse = 1.0 / p[col];
    for (int j = 0; j < p.length; j++) {
      p[j] *= inverse;
    }
    for (int i = 0; i < rows; i++) {
      double factor = t[i][col];
      if (i != row && factor != 0) {
        double[] r = t[i];
        for (int j = 0; j < r.length; j++) {
          r[j] -= factor * p[j];
        }
      }
    }
    basis[row] = col;
  }
}
