package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ATT(g,t) under conditional parallel trends by exact stratification: within each stratum (e.g.
 * department x job title) the mean change of cohort g minus the mean change of its comparison
 * units, averaged over strata with the cohort's matched units (on a weighted panel their total
 * weight) as weights. Parallel trends then need to hold only within strata, so groups with
 * different trends and different participation rates no longer bias the estimate.
 *
 * <p>Estimation step, called by {@link GroupTimeEstimator} when the sample is stratified. A stratum
 * enters a cell only with at least {@value #MIN_UNITS_PER_STRATUM_SIDE} treated and {@value
 * #MIN_UNITS_PER_STRATUM_SIDE} comparison units observed in both periods: with one person on a side
 * the stratum's difference is a single person's change, and that side has no variance to estimate.
 * Treated units of other strata are left out of that cell (reported by {@link GroupTimeEstimator}
 * as one warning). With a single stratum every number, including the floating-point rounding,
 * equals the unstratified estimator's.
 */
final class StratumMatching {

  /** Fewer units than this on either side of a stratum leaves the stratum out of the cell. */
  static final int MIN_UNITS_PER_STRATUM_SIDE = 2;

  private StratumMatching() {}

  static GroupTimeCell cell(
      EstimationSample sample, int cls, int[] controls, int ti, int bi, boolean placebo) {
    int strataCount = sample.strata.length;
    int[] positionOfStratum = new int[strataCount];
    Arrays.fill(positionOfStratum, -1);
    List<SideMoments> treatedSides = new ArrayList<>();
    List<SideMoments> controlSides = new ArrayList<>();
    List<Integer> used = new ArrayList<>();
    List<Integer> unmatched = new ArrayList<>();
    int nTreated = 0;
    int nControl = 0;
    double treatedWeight = 0;
    double controlWeight = 0;
    for (int b : sample.blocksOfClass[cls]) {
      int s = sample.blockStratum[b];
      SideMoments treated = SideMoments.of(sample, sample.unitsByBlock, new int[] {b}, ti, bi);
      if (treated.n() == 0) {
        continue;
      }
      SideMoments control =
          SideMoments.of(sample, sample.unitsByBlock, controlBlocks(sample, controls, s), ti, bi);
      if (treated.n() < MIN_UNITS_PER_STRATUM_SIDE || control.n() < MIN_UNITS_PER_STRATUM_SIDE) {
        for (int i : sample.unitsByBlock[b]) {
          if (observed(sample, i, ti, bi)) {
            unmatched.add(i);
          }
        }
        continue;
      }
      positionOfStratum[s] = used.size();
      used.add(s);
      treatedSides.add(treated);
      controlSides.add(control);
      nTreated += treated.n();
      nControl += control.n();
      treatedWeight += treated.weight();
      controlWeight += control.weight();
    }
    int k = used.size();
    double[] weights = new double[k];
    double att = 0;
    double treatedMean = 0;
    double controlMean = 0;
    for (int p = 0; p < k; p++) {
      weights[p] = treatedSides.get(p).weight() / treatedWeight;
      att += weights[p] * (treatedSides.get(p).mean() - controlSides.get(p).mean());
      treatedMean += weights[p] * treatedSides.get(p).mean();
      controlMean += weights[p] * controlSides.get(p).mean();
    }
    if (k == 0) {
      att = Double.NaN;
      treatedMean = Double.NaN;
      controlMean = Double.NaN;
    }
    double[] treatedCentre = new double[k];
    double[] treatedSquares = new double[k];
    for (int p = 0; p < k; p++) {
      // controlMean_s + att, written so that with one stratum it is treatedMean_s to the bit.
      double mean = treatedSides.get(p).mean();
      treatedCentre[p] = mean - ((mean - controlSides.get(p).mean()) - att);
      treatedSquares[p] =
          SideMoments.sumSquaresAround(
              sample,
              sample.unitsByBlock,
              new int[] {sample.block(cls, used.get(p))},
              ti,
              bi,
              treatedCentre[p]);
    }
    StratumBreakdown breakdown =
        new StratumBreakdown(
            used.stream().mapToInt(Integer::intValue).toArray(),
            positionOfStratum,
            treatedSides.stream().mapToInt(SideMoments::n).toArray(),
            controlSides.stream().mapToInt(SideMoments::n).toArray(),
            treatedSides.stream().mapToDouble(SideMoments::weight).toArray(),
            controlSides.stream().mapToDouble(SideMoments::weight).toArray(),
            treatedSides.stream().mapToDouble(SideMoments::mean).toArray(),
            controlSides.stream().mapToDouble(SideMoments::mean).toArray(),
            treatedCentre,
            treatedSquares,
            controlSides.stream().mapToDouble(SideMoments::sumSquares).toArray(),
            weights,
            unmatched.stream().mapToInt(Integer::intValue).toArray());
    return new GroupTimeCell(
        sample.cohortOf(cls),
        sample.periods[ti],
        sample.periods[bi],
        cls,
        ti,
        bi,
        controls,
        att,
        nTreated,
        nControl,
        treatedWeight,
        controlWeight,
        treatedMean,
        controlMean,
        Arrays.stream(treatedSquares).sum(),
        controlSides.stream().mapToDouble(SideMoments::sumSquares).sum(),
        placebo,
        breakdown,
        null);
  }

  /** The blocks of the comparison classes in one stratum, in class order. */
  static int[] controlBlocks(EstimationSample sample, int[] controls, int stratum) {
    return Arrays.stream(controls).map(c -> sample.block(c, stratum)).filter(b -> b >= 0).toArray();
  }

  /**
   * Marks the units a stratified cell actually compares: matched treated units and their controls.
   */
  static void markMatched(
      EstimationSample sample, GroupTimeCell cell, boolean[] treated, boolean[] control) {
    for (int s : cell.strata().strata()) {
      mark(sample, new int[] {sample.block(cell.treatedClass(), s)}, cell, treated);
      mark(sample, controlBlocks(sample, cell.controlClasses(), s), cell, control);
    }
  }

  private static void mark(
      EstimationSample sample, int[] blocks, GroupTimeCell cell, boolean[] marks) {
    for (int b : blocks) {
      for (int i : sample.unitsByBlock[b]) {
        if (observed(sample, i, cell.timeIndex(), cell.baseIndex())) {
          marks[i] = true;
        }
      }
    }
  }

  private static boolean observed(EstimationSample sample, int i, int ti, int bi) {
    return !Double.isNaN(sample.outcome[i][ti]) && !Double.isNaN(sample.outcome[i][bi]);
  }
}
