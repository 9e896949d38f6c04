package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The units that enter estimation, after R {@code did}'s pre-processing, indexed by class: class 0
 * = never treated, class {@code c >= 1} = cohort {@code groups[c - 1]}.
 *
 * <p>Every later step works on classes rather than raw cohort values because influence-function
 * terms that come from estimated cohort shares depend on a unit only through its class.
 *
 * <p>With strata (conditional parallel trends by exact matching), each class is further split into
 * blocks, one per stratum present in it; without strata every class is one block, so code written
 * over blocks does exactly what it did over classes.
 *
 * <p>On a weighted panel the sample keeps each unit's weights; {@link #weight(int, int)} is 1
 * everywhere otherwise, so weighted sums reduce to the unweighted ones bit for bit.
 */
final class EstimationSample {

  /** R warns about cohorts below this size plus the number of covariates. */
  private static final int SMALL_COHORT = 5;

  final int[] periods;

  /** Cohorts (first treated period), ascending; class c is groups[c - 1]. */
  final int[] groups;

  /** Per kept unit: its class. */
  final int[] unitClass;

  /** Per kept unit: outcome row, shared with the panel (not copied). */
  final double[][] outcome;

  /** Per kept unit: weight row, shared with the panel; null when the panel is unweighted. */
  final double[][] weight;

  final int[][] unitsByClass;
  final int unitCount;

  /** Stratum names in index order, or null when the sample is not stratified. */
  final String[] strata;

  /** Blocks: per block its members (ascending), class and stratum index (-1 without strata). */
  final int[][] unitsByBlock;

  final int[] blockClass;
  final int[] blockStratum;

  /** Per class, its blocks in ascending stratum order. */
  final int[][] blocksOfClass;

  /** The kept units' covariates, or null without covariates (see {@link CovariateCell}). */
  final CovariateDesign design;

  private EstimationSample(
      int[] periods,
      int[] groups,
      int[] unitClass,
      double[][] outcome,
      double[][] weight,
      String[] strata,
      int[] unitStratum,
      CovariateDesign design) {
    this.periods = periods;
    this.design = design;
    this.groups = groups;
    this.unitClass = unitClass;
    this.outcome = outcome;
    this.weight = weight;
    this.unitCount = unitClass.length;
    this.strata = strata;
    int classes = groups.length + 1;
    this.unitsByClass = new int[classes][];
    for (int c = 0; c < classes; c++) {
      final int cls = c;
      unitsByClass[c] =
          java.util.stream.IntStream.range(0, unitCount).filter(i -> unitClass[i] == cls).toArray();
    }
    List<int[]> members = new ArrayList<>();
    List<int[]> classAndStratum = new ArrayList<>();
    this.blocksOfClass = new int[classes][];
    for (int c = 0; c < classes; c++) {
      List<Integer> blocks = new ArrayList<>();
      if (strata == null) {
        blocks.add(members.size());
        members.add(unitsByClass[c]);
        classAndStratum.add(new int[] {c, -1});
      } else {
        for (int s = 0; s < strata.length; s++) {
          final int stratum = s;
          int[] inBlock =
              Arrays.stream(unitsByClass[c]).filter(i -> unitStratum[i] == stratum).toArray();
          if (inBlock.length > 0) {
            blocks.add(members.size());
            members.add(inBlock);
            classAndStratum.add(new int[] {c, s});
          }
        }
      }
      blocksOfClass[c] = blocks.stream().mapToInt(Integer::intValue).toArray();
    }
    this.unitsByBlock = members.toArray(new int[0][]);
    this.blockClass = classAndStratum.stream().mapToInt(cs -> cs[0]).toArray();
    this.blockStratum = classAndStratum.stream().mapToInt(cs -> cs[1]).toArray();
  }

  static EstimationSample prepare(Panel panel, List<String> warnings) {
    return prepare(panel, 0, warnings);
  }

  /**
   * Applies R {@code did}'s sample rules ({@link SampleRules}), each adding a warning that fires.
   */
  static EstimationSample prepare(Panel panel, int anticipation, List<String> warnings) {
    return prepare(panel, anticipation, null, warnings);
  }

  /**
   * As {@link #prepare(Panel, int, List)}, with each unit's stratum (null = not stratified). Units
   * of unknown stratum (null entry) cannot be matched to anyone and are dropped with a warning.
   */
  static EstimationSample prepare(
      Panel panel, int anticipation, String[] unitStratum, List<String> warnings) {
    return prepare(panel, anticipation, unitStratum, Covariates.none(), warnings);
  }

  /**
   * As {@link #prepare(Panel, int, String[], List)}, with covariates: units whose time-invariant
   * covariates are not all known are dropped with a warning, as R drops incomplete rows.
   */
  static EstimationSample prepare(
      Panel panel,
      int anticipation,
      String[] unitStratum,
      Covariates covariates,
      List<String> warnings) {
    if (unitStratum != null && unitStratum.length != panel.unitCount()) {
      throw new IllegalArgumentException(
          "unitStratum has "
              + unitStratum.length
              + " entries, expected one per unit ("
              + panel.unitCount()
              + ")");
    }
    int[] periods = panel.periods();
    if (periods.length < 2) {
      throw new IllegalArgumentException(
          "the panel needs at least two periods, found " + periods.length);
    }
    int last = periods[periods.length - 1];
    List<Integer> kept =
        SampleRules.keptUnits(panel, anticipation, unitStratum, covariates, warnings);

    TreeSet<Integer> cohorts = new TreeSet<>();
    for (int i : kept) {
      int g = panel.unitGroup()[i];
      if (g != 0 && g <= last) {
        cohorts.add(g);
      }
    }
    int[] groups = cohorts.stream().mapToInt(Integer::intValue).toArray();
    int[] unitClass = new int[kept.size()];
    double[][] outcome = new double[kept.size()][];
    double[][] weight = panel.isWeighted() ? new double[kept.size()][] : null;
    for (int k = 0; k < kept.size(); k++) {
      int i = kept.get(k);
      int g = panel.unitGroup()[i];
      unitClass[k] = (g == 0 || g > last) ? 0 : Arrays.binarySearch(groups, g) + 1;
      outcome[k] = panel.outcome()[i];
      if (weight != null) {
        weight[k] = panel.weight()[i];
      }
    }
    String[] strata = null;
    int[] stratumOfUnit = null;
    if (unitStratum != null) {
      // Sorted names make block order, and so every floating-point sum, independent of input order.
      TreeMap<String, Integer> index = new TreeMap<>();
      kept.forEach(i -> index.put(unitStratum[i], 0));
      strata = index.keySet().toArray(new String[0]);
      for (int s = 0; s < strata.length; s++) {
        index.put(strata[s], s);
      }
      stratumOfUnit = kept.stream().mapToInt(i -> index.get(unitStratum[i])).toArray();
    }
    CovariateDesign design =
        covariates.isEmpty()
            ? null
            : CovariateDesign.of(
                covariates,
                periods,
                kept.stream().map(i -> panel.unitIds()[i]).toArray(String[]::new));
    EstimationSample sample =
        new EstimationSample(
            periods, groups, unitClass, outcome, weight, strata, stratumOfUnit, design);
    sample.warnAboutSmallCohorts(warnings, SMALL_COHORT + covariates.size());
    return sample;
  }

  boolean isStratified() {
    return strata != null;
  }

  boolean isWeighted() {
    return weight != null;
  }

  boolean hasCovariates() {
    return design != null;
  }

  /**
   * Weight of unit {@code i}'s change into period index {@code ti}: the weight of the period
   * measured (the items behind it), 1 on an unweighted panel.
   */
  double weight(int i, int ti) {
    return weight == null ? 1.0 : weight[i][ti];
  }

  /**
   * The block of class {@code cls} in stratum {@code stratum}, or -1 if the class has no one there.
   */
  int block(int cls, int stratum) {
    for (int b : blocksOfClass[cls]) {
      if (blockStratum[b] == stratum) {
        return b;
      }
    }
    return -1;
  }

  int classCount() {
    return groups.length + 1;
  }

  int periodCount() {
    return periods.length;
  }

  /** Share of all kept units (never treated included) in a class: R's {@code pg}. */
  double share(int cls) {
    return unitsByClass[cls].length / (double) unitCount;
  }

  int cohortOf(int cls) {
    return groups[cls - 1];
  }

  /**
   * Index of the first period at or after {@code period} ({@code periodCount()} if none): where a
   * cohort starts in the periods array, also when it starts between two observed periods.
   */
  int firstPeriodIndexAtOrAfter(int period) {
    int at = Arrays.binarySearch(periods, period);
    return at >= 0 ? at : -at - 1;
  }

  /** Index of the last period strictly before {@code period}, or -1 if there is none. */
  int lastPeriodIndexBefore(int period) {
    int at = Arrays.binarySearch(periods, period);
    int insertion = at >= 0 ? at : -at - 1;
    return insertion - 1;
  }

  private void warnAboutSmallCohorts(List<String> warnings, int smallCohort) {
    for (int c = 1; c < classCount(); c++) {
      if (unitsByClass[c].length < smallCohort) {
        warnings.add(
            "cohort "
                + cohortOf(c)
                + " has only "
                + unitsByClass[c].length
                + " unit(s); its effects are imprecise");
      }
    }
  }
}
