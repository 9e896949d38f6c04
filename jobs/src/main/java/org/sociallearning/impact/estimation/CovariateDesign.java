package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@link Covariates} of the units an {@link EstimationSample} kept, in the form the covariate
 * cells read: per continuous covariate its value by unit (and by period where it changes over
 * time), per categorical covariate each unit's level as an index into its sorted levels (R's factor
 * order). Indicator columns are not built here but per cell ({@link CovariateCell}), from the
 * levels present in that comparison.
 */
final class CovariateDesign {

  final Covariates covariates;
  final String[] continuousNames;
  final String[] categoricalNames;

  /** Per categorical covariate, its levels in ascending order. */
  final String[][] levels;

  /** {@code level[covariate][unit]}: index into {@code levels[covariate]}; null when by period. */
  private final int[][] level;

  /** Per categorical covariate read by period, its levels; null for time-invariant ones. */
  private final Covariates.ValueAtPeriod[] levelByPeriod;

  /** {@code [covariate][periodIndex][unit]}: level index, -1 when unknown; filled on first use. */
  private final int[][][] levelCache;

  private final int[] periods;
  private final String[] unitIds;

  /** Per continuous covariate: its value by unit, or null when it is read by period. */
  private final double[][] fixed;

  private final Covariates.ValueAtPeriod[] byPeriod;

  /** Whether any covariate is read by period (else every kept unit is known everywhere). */
  private final boolean readByPeriod;

  /** {@code [covariate][periodIndex][unit]}, filled on first use of a period. */
  private final double[][][] byPeriodCache;

  private CovariateDesign(
      Covariates covariates,
      int[] periods,
      String[] unitIds,
      List<double[]> fixed,
      List<Covariates.ValueAtPeriod> byPeriod,
      List<String> continuousNames,
      List<String> categoricalNames,
      List<String[]> levels,
      List<int[]> level,
      List<Covariates.ValueAtPeriod> levelByPeriod) {
    this.covariates = covariates;
    this.periods = periods;
    this.unitIds = unitIds;
    this.fixed = fixed.toArray(new double[0][]);
    this.byPeriod = byPeriod.toArray(new Covariates.ValueAtPeriod[0]);
    this.readByPeriod =
        byPeriod.stream().anyMatch(java.util.Objects::nonNull)
            || levelByPeriod.stream().anyMatch(java.util.Objects::nonNull);
    this.byPeriodCache = new double[this.fixed.length][][];
    for (int c = 0; c < this.fixed.length; c++) {
      if (this.fixed[c] == null) {
        byPeriodCache[c] = new double[periods.length][];
      }
    }
    this.continuousNames = continuousNames.toArray(new String[0]);
    this.categoricalNames = categoricalNames.toArray(new String[0]);
    this.levels = levels.toArray(new String[0][]);
    this.level = level.toArray(new int[0][]);
    this.levelByPeriod = levelByPeriod.toArray(new Covariates.ValueAtPeriod[0]);
    this.levelCache = new int[this.levels.length][periods.length][];
  }

  /**
   * Whether every time-invariant covariate of the unit is known; units without are dropped before
   * estimation, as R drops incomplete rows.
   */
  static boolean fixedValuesKnown(Covariates covariates, String unitId) {
    for (Covariates.Covariate c : covariates.columns()) {
      if (c instanceof Covariates.Continuous continuous) {
        Double v = continuous.valueByUnit().get(unitId);
        if (v == null || !Double.isFinite(v)) {
          return false;
        }
      } else if (c instanceof Covariates.Categorical categorical) {
        if (categorical.levelByUnit().get(unitId) == null) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * @param unitIds the kept units' ids, in sample order, each with known fixed values
   */
  static CovariateDesign of(Covariates covariates, int[] periods, String[] unitIds) {
    List<double[]> fixed = new ArrayList<>();
    List<Covariates.ValueAtPeriod> byPeriod = new ArrayList<>();
    List<String> continuousNames = new ArrayList<>();
    List<String> categoricalNames = new ArrayList<>();
    List<String[]> levels = new ArrayList<>();
    List<int[]> level = new ArrayList<>();
    List<Covariates.ValueAtPeriod> levelByPeriod = new ArrayList<>();
    for (Covariates.Covariate c : covariates.columns()) {
      if (c instanceof Covariates.Continuous continuous) {
        double[] values = new double[unitIds.length];
        for (int i = 0; i < values.length; i++) {
          values[i] = continuous.valueByUnit().get(unitIds[i]);
        }
        fixed.add(values);
        byPeriod.add(null);
        continuousNames.add(c.name());
      } else if (c instanceof Covariates.ContinuousByPeriod varying) {
        fixed.add(null);
        byPeriod.add(varying.value());
        continuousNames.add(c.name());
      } else if (c instanceof Covariates.Categorical categorical) {
        TreeSet<String> present = new TreeSet<>();
        for (String id : unitIds) {
          present.add(categorical.levelByUnit().get(id));
        }
        String[] sorted = present.toArray(new String[0]);
        int[] index = new int[unitIds.length];
        for (int i = 0; i < index.length; i++) {
          index[i] =
              java.util.Arrays.binarySearch(sorted, categorical.levelByUnit().get(unitIds[i]));
        }
        categoricalNames.add(c.name());
        levels.add(sorted);
        level.add(index);
        levelByPeriod.add(null);
      } else if (c instanceof Covariates.CategoricalByPeriod varying) {
        categoricalNames.add(c.name());
        levels.add(varying.levels().toArray(new String[0]));
        level.add(null);
        levelByPeriod.add(varying.level());
      }
    }
    return new CovariateDesign(
        covariates,
        periods,
        unitIds,
        fixed,
        byPeriod,
        continuousNames,
        categoricalNames,
        levels,
        level,
        levelByPeriod);
  }

  int continuousCount() {
    return fixed.length;
  }

  int categoricalCount() {
    return levels.length;
  }

  /**
   * Continuous covariate {@code c} of unit {@code i} in period index {@code pi}; NaN if unknown.
   */
  double continuous(int c, int i, int pi) {
    if (fixed[c] != null) {
      return fixed[c][i];
    }
    double[] atPeriod = byPeriodCache[c][pi];
    if (atPeriod == null) {
      atPeriod = new double[unitIds.length];
      for (int u = 0; u < atPeriod.length; u++) {
        double v = byPeriod[c].at(unitIds[u], periods[pi]);
        atPeriod[u] = Double.isFinite(v) ? v : Double.NaN;
      }
      byPeriodCache[c][pi] = atPeriod;
    }
    return atPeriod[i];
  }

  /**
   * Level index of categorical covariate {@code v} of unit {@code i} in period index {@code pi}; -1
   * if unknown there.
   */
  int level(int v, int i, int pi) {
    if (level[v] != null) {
      return level[v][i];
    }
    int[] atPeriod = levelCache[v][pi];
    if (atPeriod == null) {
      atPeriod = new int[unitIds.length];
      for (int u = 0; u < atPeriod.length; u++) {
        double index = levelByPeriod[v].at(unitIds[u], periods[pi]);
        atPeriod[u] =
            Double.isFinite(index) && index >= 0 && index < levels[v].length ? (int) index : -1;
      }
      levelCache[v][pi] = atPeriod;
    }
    return atPeriod[i];
  }

  /** Whether every covariate of unit {@code i} is known in period index {@code pi}. */
  boolean known(int i, int pi) {
    if (!readByPeriod) {
      return true;
    }
    for (int c = 0; c < fixed.length; c++) {
      if (fixed[c] == null && Double.isNaN(continuous(c, i, pi))) {
        return false;
      }
    }
    for (int v = 0; v < levels.length; v++) {
      if (level[v] == null && level(v, i, pi) < 0) {
        return false;
      }
    }
    return true;
  }
}
