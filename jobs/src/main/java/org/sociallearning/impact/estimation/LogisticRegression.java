package org.sociallearning.impact.estimation;

/**
 * Weighted logistic regression by maximum likelihood (Newton-Raphson, i.e. IRLS, with step halving
 * whenever a step would lower the likelihood): the propensity score of the covariate-adjusted
 * estimators, as R's {@code glm(family = binomial)} / {@code fastglm} fits it in DRDID.
 *
 * <p>Stops when a step changes the deviance by less than {@value #TOLERANCE} relative to it (R:
 * 1e-8), or the coefficients by less than {@value #STEP_TOLERANCE}; Newton converges quadratically,
 * so the fitted probabilities are then exact to far more digits than R prints. Callers pass columns
 * of similar scale (the covariate cells centre and scale theirs), which keeps the normal equations
 * well conditioned.
 */
final class LogisticRegression {

  static final double TOLERANCE = 1e-13;
  static final double STEP_TOLERANCE = 1e-11;
  static final int MAX_ITERATIONS = 100;
  private static final int MAX_HALVINGS = 40;

  /**
   * @param coefficients one per column
   * @param fitted {@code P(y = 1 | z)} per row
   * @param converged whether the stopping rule was met within {@value #MAX_ITERATIONS} steps
   */
  record Fit(double[] coefficients, double[] fitted, boolean converged) {}

  private LogisticRegression() {}

  /**
   * @param z rows of the design, an intercept column first (included by the caller); null rows are
   *     left out of the fit and get no fitted value (NaN)
   * @param y 0 or 1 per row
   * @param w non-negative weight per row
   * @return the fit, or null when the normal equations are singular (collinear columns)
   */
  static Fit fit(DesignRows z, double[] y, double[] w) {
    int n = z.rows.length;
    int k = z.width;
    double[] beta = new double[k];
    double yBar = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (z.has(i)) {
        yBar += w[i] * y[i];
        total += w[i];
      }
    }
    yBar /= total;
    // From the intercept-only solution when the first column is the intercept, as glm starts near
    // the observed share; any start converges, this one in fewer steps.
    beta[0] = Math.log(yBar / (1 - yBar));
    double[] eta = new double[n];
    linear(z, beta, eta);
    double deviance = deviance(z, eta, y, w);
    boolean converged = false;
    for (int iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
      double[] gradient = new double[k];
      double[][] information = new double[k][k];
      for (int i = 0; i < n; i++) {
        if (!z.has(i)) {
          continue;
        }
        double p = sigmoid(eta[i]);
        z.addScaled(i, w[i] * (y[i] - p), gradient);
        z.addOuter(i, w[i] * p * (1 - p), information);
      }
      Cholesky factor = Cholesky.of(information);
      if (factor == null) {
        return null;
      }
      double[] step = factor.solve(gradient);
      double[] next = new double[k];
      double[] nextEta = new double[n];
      double nextDeviance = Double.NaN;
      double scale = 1.0;
      for (int halving = 0; halving <= MAX_HALVINGS; halving++) {
        for (int a = 0; a < k; a++) {
          next[a] = beta[a] + scale * step[a];
        }
        linear(z, next, nextEta);
        nextDeviance = deviance(z, nextEta, y, w);
        if (nextDeviance <= deviance * (1 + 1e-15)) {
          break;
        }
        scale /= 2;
      }
      double largestStep = 0;
      for (int a = 0; a < k; a++) {
        largestStep = Math.max(largestStep, Math.abs(next[a] - beta[a]));
      }
      converged =
          Math.abs(nextDeviance - deviance) / (Math.abs(nextDeviance) + 0.1) < TOLERANCE
              || largestStep < STEP_TOLERANCE;
      beta = next;
      eta = nextEta;
      deviance = nextDeviance;
    }
    double[] fitted = new double[n];
    for (int i = 0; i < n; i++) {
      fitted[i] = z.has(i) ? sigmoid(eta[i]) : Double.NaN;
    }
    return new Fit(beta, fitted, converged);
  }

  static double sigmoid(double eta) {
    return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
  }

  private static void linear(DesignRows z, double[] beta, double[] eta) {
    for (int i = 0; i < eta.length; i++) {
      eta[i] = z.has(i) ? z.dot(i, beta) : 0.0;
    }
  }

  /** {@code -2 log L}, with {@code log(1 + e^x)} computed without overflow. */
  private static double deviance(DesignRows z, double[] eta, double[] y, double[] w) {
    double sum = 0;
    for (int i = 0; i < eta.length; i++) {
      if (!z.has(i)) {
        continue;
      }
      // -log p = softplus(-eta), -log(1 - p) = softplus(eta)
      sum += w[i] * (y[i] == 1 ? softplus(-eta[i]) : softplus(eta[i]));
    }
    return 2 * sum;
  }

  private static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }
}
