package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;

/**
 * The two design matrices of one covariate-adjusted ATT(g,t) ({@link CovariateCell}): an intercept;
 * each continuous covariate centred and scaled over the cell's units (estimates and influence
 * functions do not change under that, the normal equations stay well conditioned), left out when it
 * does not vary in the cell; per categorical covariate, indicators of the levels present except the
 * first (R's treatment contrasts). The outcome regression, fitted on comparison units, gets the
 * levels the comparison units have; the propensity score the levels the participants have, and no
 * row for comparison units of a level no participant has (their score is known to be 0).
 *
 * @param regression rows of the outcome regression, one per unit of the cell
 * @param score rows of the propensity score; null rows for units known to score 0
 */
record CellDesigns(DesignRows regression, DesignRows score) {

  /** A continuous covariate varies in a cell when its spread exceeds this, relative to its size. */
  private static final double CONSTANT = 1e-12;

  /**
   * @param units the cell's units (sample indices)
   * @param treated per unit of the cell, 1 for the cohort's units
   * @param bi the base period's index: where period-dependent covariates are read
   */
  static CellDesigns of(EstimationSample sample, int[] units, double[] treated, int bi) {
    CovariateDesign design = sample.design;
    int n = units.length;
    List<double[]> continuous = new ArrayList<>();
    for (int c = 0; c < design.continuousCount(); c++) {
      double[] values = new double[n];
      double mean = 0;
      for (int j = 0; j < n; j++) {
        values[j] = design.continuous(c, units[j], bi);
        mean += values[j];
      }
      mean /= n;
      double spread = 0;
      for (int j = 0; j < n; j++) {
        spread += (values[j] - mean) * (values[j] - mean);
      }
      spread = Math.sqrt(spread / n);
      if (!(spread > CONSTANT * (1 + Math.abs(mean)))) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        values[j] = (values[j] - mean) / spread;
      }
      continuous.add(values);
    }
    // Per categorical covariate: which levels the comparison units and the participants have.
    int categorical = design.categoricalCount();
    boolean[][] inControls = new boolean[categorical][];
    boolean[][] inTreated = new boolean[categorical][];
    for (int v = 0; v < categorical; v++) {
      inControls[v] = new boolean[design.levels[v].length];
      inTreated[v] = new boolean[design.levels[v].length];
      for (int j = 0; j < n; j++) {
        int level = design.level(v, units[j], bi);
        if (treated[j] == 1) {
          inTreated[v][level] = true;
        } else {
          inControls[v][level] = true;
        }
      }
    }
    int[][] regressionColumn = indicatorColumns(inControls, 1 + continuous.size());
    int regressionWidth = width(regressionColumn, 1 + continuous.size());
    int[][] scoreColumn = indicatorColumns(inTreated, 1 + continuous.size());
    int scoreWidth = width(scoreColumn, 1 + continuous.size());
    int dense = 1 + continuous.size();
    double[][] regression = new double[n][];
    double[][] score = new double[n][];
    int[][] regressionNonzero = new int[n][];
    int[][] scoreNonzero = new int[n][];
    int[] indicatorsX = new int[categorical];
    int[] indicatorsZ = new int[categorical];
    for (int j = 0; j < n; j++) {
      int i = units[j];
      double[] x = new double[regressionWidth];
      double[] z = new double[scoreWidth];
      x[0] = 1.0;
      z[0] = 1.0;
      for (int c = 0; c < continuous.size(); c++) {
        x[1 + c] = continuous.get(c)[j];
        z[1 + c] = continuous.get(c)[j];
      }
      boolean separated = false;
      int mx = 0;
      int mz = 0;
      for (int v = 0; v < categorical; v++) {
        int level = design.level(v, i, bi);
        if (regressionColumn[v][level] >= 0) {
          x[regressionColumn[v][level]] = 1.0;
          indicatorsX[mx++] = regressionColumn[v][level];
        }
        if (!inTreated[v][level]) {
          separated = true;
        } else if (scoreColumn[v][level] >= 0) {
          z[scoreColumn[v][level]] = 1.0;
          indicatorsZ[mz++] = scoreColumn[v][level];
        }
      }
      regression[j] = x;
      regressionNonzero[j] = positions(dense, indicatorsX, mx);
      if (!separated) {
        score[j] = z;
        scoreNonzero[j] = positions(dense, indicatorsZ, mz);
      }
    }
    return new CellDesigns(
        new DesignRows(regression, regressionNonzero, regressionWidth),
        new DesignRows(score, scoreNonzero, scoreWidth));
  }

  /**
   * The intercept and continuous columns, then the row's indicator columns (ascending: covariates'
   * columns are numbered in covariate order).
   */
  private static int[] positions(int dense, int[] indicators, int count) {
    int[] at = new int[dense + count];
    for (int a = 0; a < dense; a++) {
      at[a] = a;
    }
    System.arraycopy(indicators, 0, at, dense, count);
    return at;
  }

  /**
   * Per categorical covariate and level, its indicator's column, or -1 for the first present level
   * (the reference) and absent levels.
   */
  private static int[][] indicatorColumns(boolean[][] present, int firstColumn) {
    int[][] column = new int[present.length][];
    int next = firstColumn;
    for (int v = 0; v < present.length; v++) {
      column[v] = new int[present[v].length];
      java.util.Arrays.fill(column[v], -1);
      boolean reference = true;
      for (int level = 0; level < present[v].length; level++) {
        if (!present[v][level]) {
          continue;
        }
        if (reference) {
          reference = false;
        } else {
          column[v][level] = next++;
        }
      }
    }
    return column;
  }

  private static int width(int[][] column, int firstColumn) {
    int width = firstColumn;
    for (int[] levels : column) {
      for (int c : levels) {
        width = Math.max(width, c + 1);
      }
    }
    return width;
  }
}
