package org.sociallearning.impact.estimation;

/**
 * The propensity of joining given a few numeric characteristics: a logistic regression of
 * participating (1) against being in the comparison group (0) on the columns given, each centred
 * and scaled to unit deviation, with an intercept and a light ridge penalty (Newton steps). A
 * diagnostic of overlap, not an estimator (the doubly robust estimator fits its own scores,
 * unpenalised, with {@link LogisticRegression}): where the characteristics separate the groups, the
 * scores go towards 0 and 1 instead of the fit failing, which is what overlap should show.
 */
public final class JoiningPropensity {

  /**
   * Ridge penalty on the coefficients (of standardised columns): negligible against hundreds of
   * people, but it keeps them finite when the characteristics separate the groups completely, where
   * an unpenalised fit has no solution.
   */
  static final double PENALTY = 1.0;

  static final int MAX_ITERATIONS = 50;

  private JoiningPropensity() {}

  /**
   * @param x per person the characteristics (same length for everyone, finite)
   * @param participant per person whether they are a participant
   * @return per person the fitted propensity; null when one of the two groups is empty (or, never
   *     expected with the penalty, the Newton step cannot be solved)
   */
  public static double[] of(double[][] x, boolean[] participant) {
    int n = x.length;
    if (n == 0) {
      return null;
    }
    int k = x[0].length;
    double[] y = new double[n];
    int participants = 0;
    for (int i = 0; i < n; i++) {
      y[i] = participant[i] ? 1 : 0;
      participants += participant[i] ? 1 : 0;
    }
    if (participants == 0 || participants == n) {
      return null;
    }
    double[][] z = new double[n][k + 1];
    for (int i = 0; i < n; i++) {
      z[i][0] = 1;
    }
    for (int c = 0; c < k; c++) {
      double mean = 0;
      for (double[] r : x) {
        mean += r[c];
      }
      mean /= n;
      double ss = 0;
      for (double[] r : x) {
        ss += (r[c] - mean) * (r[c] - mean);
      }
      double sd = Math.sqrt(ss / n);
      for (int i = 0; i < n; i++) {
        // A constant column says nothing: zeros, which the penalty keeps at coefficient 0.
        z[i][c + 1] = sd > 0 ? (x[i][c] - mean) / sd : 0;
      }
    }
    double[] beta = new double[k + 1];
    beta[0] = Math.log((double) participants / (n - participants));
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[k + 1];
      double[][] information = new double[k + 1][k + 1];
      for (int a = 0; a <= k; a++) {
        gradient[a] = -PENALTY * beta[a];
        information[a][a] = PENALTY;
      }
      for (int i = 0; i < n; i++) {
        double p = LogisticRegression.sigmoid(ConditionalHybridTest.dot(z[i], beta));
        for (int a = 0; a <= k; a++) {
          gradient[a] += (y[i] - p) * z[i][a];
          for (int b = 0; b <= a; b++) {
            information[a][b] += p * (1 - p) * z[i][a] * z[i][b];
          }
        }
      }
      for (int a = 0; a <= k; a++) {
        for (int b = a + 1; b <= k; b++) {
          information[a][b] = information[b][a];
        }
      }
      Cholesky factor = Cholesky.of(information);
      if (factor == null) {
        return null;
      }
      double[] step = factor.solve(gradient);
      double largest = 0;
      for (int a = 0; a <= k; a++) {
        beta[a] += step[a];
        largest = Math.max(largest, Math.abs(step[a]));
      }
      if (largest < 1e-10) {
        break;
      }
    }
    double[] fitted = new double[n];
    for (int i = 0; i < n; i++) {
      fitted[i] = LogisticRegression.sigmoid(ConditionalHybridTest.dot(z[i], beta));
    }
    return fitted;
  }
}
