package org.sociallearning.impact.estimation;

/**
 * One two-by-two difference in differences adjusted for covariates, for panel data (Sant'Anna and
 * Zhao 2020, as R's DRDID computes it and R {@code did} calls it per ATT(g,t)): the doubly robust
 * estimator {@code drdid_panel} (logistic propensity score by maximum likelihood, linear regression
 * of the comparison units' change on the covariates by least squares; R {@code did}'s {@code
 * est_method = "dr"} calls this one, not the "improved" {@code drdid_imp_panel}), the outcome
 * regression estimator {@code reg_did_panel} and the normalised inverse probability weighting
 * estimator {@code std_ipw_did_panel}. Each returns its influence function, including the
 * estimation effect of the propensity score and of the regression coefficients, so that standard
 * errors and the bootstrap account for both models having been fitted.
 *
 * <p>As in DRDID: weights are normalised to mean 1; fitted propensity scores are capped at {@code 1
 * - 1e-6}; comparison units with a score of 0.995 or more are trimmed (weight 0). Unlike DRDID the
 * propensity score can be known to be exactly 0 for some comparison units (a category no
 * participant of the cell has, see {@link CovariateCell}): those units leave the logistic fit,
 * which is where R's fit tends without converging, and keep weight 0.
 *
 * <p>The influence function is in the cell's own scale: {@code estimate - truth ~ mean over the
 * cell's n units of psi_i}.
 */
final class AdjustedTwoByTwo {

  static final double TRIM = 0.995;

  /**
   * The estimate and its influence function, or a reason why there is none.
   *
   * @param failure null on success, else words for the warning
   */
  record Result(double att, double[] influence, String failure, boolean converged) {

    static Result failed(String why) {
      return new Result(Double.NaN, null, why, true);
    }
  }

  /**
   * The cell's data: per unit (treated first or not, any order) its group, change, weight and
   * design rows.
   *
   * @param treated 1 for the cohort's units, 0 for comparison units
   * @param change {@code Y_t - Y_base}
   * @param weight non-negative weight (1 on an unweighted panel)
   * @param regression design of the outcome regression, intercept first, a row for every unit
   * @param score design of the propensity score, intercept first; no row (null) for units whose
   *     score is known to be 0 (they leave the fit)
   */
  record Data(
      double[] treated, double[] change, double[] weight, DesignRows regression, DesignRows score) {

    int size() {
      return treated.length;
    }
  }

  private AdjustedTwoByTwo() {}

  static Result estimate(EstimationMethod method, Data data) {
    int n = data.size();
    double[] w = normalised(data.weight());
    DesignRows x = data.regression();
    DesignRows z = data.score();
    double[] ps = null;
    double[][] information = null;
    boolean converged = true;
    if (method.usesPropensityScore()) {
      PropensityScore score = PropensityScore.fit(data, z, w);
      if (score.failure() != null) {
        return Result.failed(score.failure());
      }
      ps = score.fitted();
      information = score.information();
      converged = score.converged();
    }
    double[] fitted = new double[n];
    Cholesky gram = null;
    if (method.usesOutcomeRegression()) {
      gram = regression(data, x, w, fitted);
      if (gram == null) {
        return Result.failed(
            "the covariates are collinear among the comparison units"
                + " (the outcome regression has no unique solution)");
      }
    }
    double[] residual = new double[n];
    for (int i = 0; i < n; i++) {
      residual[i] = data.change()[i] - fitted[i];
    }
    Result result =
        switch (method) {
          case OUTCOME_REGRESSION -> outcomeRegression(data, x, w, residual, gram);
          case DOUBLY_ROBUST, INVERSE_PROBABILITY ->
              weighted(data, x, z, w, residual, ps, information, gram);
        };
    return new Result(result.att(), result.influence(), result.failure(), converged);
  }

  /**
   * Weighted least squares of the comparison units' change on the regression design; fills {@code
   * fitted} for every unit.
   *
   * @return the factorised {@code sum_{D=0} w x x'}, or null when it is singular
   */
  private static Cholesky regression(Data data, DesignRows x, double[] w, double[] fitted) {
    int n = data.size();
    double[][] gram = new double[x.width][x.width];
    double[] moment = new double[x.width];
    for (int i = 0; i < n; i++) {
      if (data.treated()[i] != 0) {
        continue;
      }
      x.addScaled(i, w[i] * data.change()[i], moment);
      x.addOuter(i, w[i], gram);
    }
    Cholesky factor = Cholesky.of(gram);
    if (factor == null) {
      return null;
    }
    double[] beta = factor.solve(moment);
    for (int i = 0; i < n; i++) {
      fitted[i] = x.dot(i, beta);
    }
    return factor;
  }

  /**
   * {@code reg_did_panel}: the participants' mean change minus their predicted counterfactual
   * change; the influence function adds the regression coefficients' estimation effect.
   */
  private static Result outcomeRegression(
      Data data, DesignRows x, double[] w, double[] residual, Cholesky gram) {
    int n = data.size();
    double[] d = data.treated();
    double treatedWeight = 0;
    double att = 0;
    double[] treatedMeanX = new double[x.width];
    for (int i = 0; i < n; i++) {
      double wt = w[i] * d[i];
      treatedWeight += wt;
      att += wt * residual[i];
      x.addScaled(i, wt, treatedMeanX);
    }
    att /= treatedWeight;
    scale(treatedMeanX, 1 / treatedWeight);
    // asy.lin.rep.ols %*% M1 / mean(w.treat): XpX^-1 = n (sum w x x')^-1
    double[] a = gram.solve(treatedMeanX);
    scale(a, n);
    double[] psi = new double[n];
    for (int i = 0; i < n; i++) {
      double wt = w[i] * d[i];
      psi[i] =
          wt * (residual[i] - att) * n / treatedWeight
              - w[i] * (1 - d[i]) * residual[i] * x.dot(i, a);
    }
    return new Result(att, psi, null, true);
  }

  /**
   * {@code drdid_panel} (with the regression) and {@code std_ipw_did_panel} (without: {@code
   * residual} is then the change itself and {@code gram} null): the participants' mean residual
   * minus the comparison units' mean residual weighted by {@code p / (1 - p)}.
   */
  private static Result weighted(
      Data data,
      DesignRows x,
      DesignRows z,
      double[] w,
      double[] residual,
      double[] ps,
      double[][] information,
      Cholesky gram) {
    int n = data.size();
    double[] d = data.treated();
    double[] wt = new double[n];
    double[] wc = new double[n];
    double treatedWeight = 0;
    double controlWeight = 0;
    double etaT = 0;
    double etaC = 0;
    for (int i = 0; i < n; i++) {
      boolean trimmed = d[i] == 0 && !(ps[i] < TRIM);
      wt[i] = w[i] * d[i];
      wc[i] = trimmed ? 0.0 : w[i] * ps[i] * (1 - d[i]) / (1 - ps[i]);
      treatedWeight += wt[i];
      controlWeight += wc[i];
      etaT += wt[i] * residual[i];
      etaC += wc[i] * residual[i];
    }
    if (!(controlWeight > 0)) {
      return Result.failed("every comparison unit was trimmed (propensity score 0.995 or more)");
    }
    etaT /= treatedWeight;
    etaC /= controlWeight;
    double att = etaT - etaC;
    // Propensity-score estimation effect: b = H M2 / mean(w.cont), H = n (sum W z z')^-1.
    int kz = information.length;
    double[] m2 = new double[kz];
    for (int i = 0; i < n; i++) {
      if (wc[i] != 0) {
        z.addScaled(i, wc[i] * (residual[i] - etaC), m2);
      }
    }
    Cholesky hessian = Cholesky.of(information);
    if (hessian == null) {
      return Result.failed(
          "the propensity score's information matrix is singular (scores too close to 0 or 1)");
    }
    double[] b = hessian.solve(m2);
    scale(b, n / controlWeight);
    // Regression estimation effect: a = XpX^-1 (M1 / mean(w.treat) - M3 / mean(w.cont)).
    double[] a = null;
    if (gram != null) {
      double[] difference = new double[x.width];
      for (int i = 0; i < n; i++) {
        x.addScaled(i, wt[i] / treatedWeight - wc[i] / controlWeight, difference);
      }
      a = gram.solve(difference);
      scale(a, n);
    }
    double[] psi = new double[n];
    for (int i = 0; i < n; i++) {
      double v =
          wt[i] * (residual[i] - etaT) * n / treatedWeight
              - wc[i] * (residual[i] - etaC) * n / controlWeight;
      if (a != null && d[i] == 0) {
        v -= w[i] * residual[i] * x.dot(i, a);
      }
      if (z.has(i)) {
        v -= w[i] * (d[i] - ps[i]) * z.dot(i, b);
      }
      psi[i] = v;
    }
    return new Result(att, psi, null, true);
  }

  private static double[] normalised(double[] weight) {
    double mean = 0;
    for (double v : weight) {
      mean += v;
    }
    mean /= weight.length;
    double[] out = new double[weight.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = weight[i] / mean;
    }
    return out;
  }

  private static void scale(double[] v, double factor) {
    for (int j = 0; j < v.length; j++) {
      v[j] *= factor;
    }
  }
}
