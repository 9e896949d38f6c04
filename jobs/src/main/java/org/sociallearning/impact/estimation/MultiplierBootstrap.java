package org.sociallearning.impact.estimation;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Multiplier bootstrap of all estimands at once, as R {@code did::mboot}: each replicate draws one
 * weight V_i per unit (unit = cluster) and every estimand's draw is {@code mean_i(V_i psi_i)}; the
 * standard error is the IQR of the draws divided by the normal IQR (robust to heavy tails).
 *
 * <p>All estimands of a replicate share the same weights, so aggregate errors are coherent with the
 * cell errors. Weights are Mammen's two-point distribution (mean 0, variance 1) and quantiles are
 * R's type 7; R's BMisc uses Rademacher weights and type-1 quantiles, which gives the same standard
 * errors up to bootstrap noise. Each replicate seeds its own generator from the master seed, so
 * results do not depend on how replicates are spread over threads.
 */
final class MultiplierBootstrap {

  private static final double SQRT5 = Math.sqrt(5);
  static final double MAMMEN_LOW = -(SQRT5 - 1) / 2;
  static final double MAMMEN_HIGH = (SQRT5 + 1) / 2;
  static final double MAMMEN_LOW_PROBABILITY = (SQRT5 + 1) / (2 * SQRT5);
  private static final int REPLICATES_PER_TASK = StoredInfluenceDraws.BATCH;

  private MultiplierBootstrap() {}

  /** The draws of every estimand and their standard errors, NaN where the draws are degenerate. */
  static StandardErrors run(
      EstimationSample sample,
      List<GroupTimeCell> cells,
      List<LinearEstimand> estimands,
      int replicates,
      long seed) {
    double[][] draws = draws(new BootstrapLayout(sample, cells), estimands, replicates, seed);
    double[] se = new double[estimands.size()];
    for (int e = 0; e < se.length; e++) {
      se[e] = IqrStandardError.of(draws[e], sample.unitCount);
    }
    return new StandardErrors(se, draws);
  }

  /** {@code draws[estimand][replicate] = mean_i V_i psi_i}. */
  static double[][] draws(
      BootstrapLayout layout, List<LinearEstimand> estimands, int replicates, long seed) {
    long[] seeds = replicateSeeds(seed, replicates);
    double[][] draws = new double[estimands.size()][replicates];
    int tasks = (replicates + REPLICATES_PER_TASK - 1) / REPLICATES_PER_TASK;
    IntStream.range(0, tasks)
        .parallel()
        .forEach(
            task -> {
              Replicate workspace = new Replicate(layout);
              int start = task * REPLICATES_PER_TASK;
              int end = Math.min(replicates, start + REPLICATES_PER_TASK);
              double[][] weights = new double[end - start][layout.unitCount];
              for (int r = start; r < end; r++) {
                mammenWeights(seeds[r], weights[r - start]);
              }
              double[][] stored =
                  layout.influenceCells.length == 0
                      ? null
                      : StoredInfluenceDraws.draw(layout, weights, end - start);
              for (int r = start; r < end; r++) {
                workspace.run(
                    weights[r - start],
                    stored == null ? null : stored[r - start],
                    estimands,
                    draws,
                    r);
              }
            });
    return draws;
  }

  /** One generator seed per replicate, drawn in order from the master seed. */
  static long[] replicateSeeds(long seed, int replicates) {
    SplittableRandom master = new SplittableRandom(seed);
    long[] seeds = new long[replicates];
    for (int r = 0; r < replicates; r++) {
      seeds[r] = master.nextLong();
    }
    return seeds;
  }

  /** Fills {@code weights} with one replicate's Mammen multipliers. */
  static void mammenWeights(long replicateSeed, double[] weights) {
    SplittableRandom random = new SplittableRandom(replicateSeed);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextDouble() < MAMMEN_LOW_PROBABILITY ? MAMMEN_LOW : MAMMEN_HIGH;
    }
  }

  /** Buffers of one thread; {@link #run} fills one column of the draws. */
  private static final class Replicate {
    private final BootstrapLayout layout;
    private double[] weights;
    private double[] storedDraws;

    /** The replicate's weights regrouped by block: [block][member]. */
    private final double[][] blockWeights;

    private final double[][] blockPeriodSums;
    private final double[] blockWeightSums;
    private final double[] classWeightSums;
    private final double[] pairChangeSums;
    private final double[] pairWeightSums;
    private final double[] cellDraws;

    Replicate(BootstrapLayout layout) {
      this.layout = layout;
      this.blockWeights = new double[layout.blockCount][];
      for (int b = 0; b < layout.blockCount; b++) {
        blockWeights[b] = new double[layout.members[b].length];
      }
      this.blockPeriodSums = new double[layout.blockCount][layout.periodCount];
      this.blockWeightSums = new double[layout.blockCount];
      this.classWeightSums = new double[layout.classCount];
      this.pairChangeSums = new double[layout.pairCount()];
      this.pairWeightSums = new double[layout.pairCount()];
      this.cellDraws = new double[layout.cells.size()];
    }

    /**
     * @param replicateWeights the replicate's multipliers
     * @param stored the covariate-adjusted cells' draws ({@link StoredInfluenceDraws}), or null
     */
    void run(
        double[] replicateWeights,
        double[] stored,
        List<LinearEstimand> estimands,
        double[][] draws,
        int r) {
      this.weights = replicateWeights;
      this.storedDraws = stored;
      sumByBlock();
      for (int p = 0; p < pairChangeSums.length; p++) {
        if (layout.pairDirect[p]) {
          sumPairDirectly(p);
        } else {
          sumPairByCorrection(p);
        }
      }
      drawCells();
      double n = layout.unitCount;
      for (int e = 0; e < estimands.size(); e++) {
        LinearEstimand estimand = estimands.get(e);
        double draw = 0;
        for (int k = 0; k < estimand.cells().length; k++) {
          draw += estimand.cellWeights()[k] * cellDraws[estimand.cells()[k]];
        }
        double[] classTerm = estimand.classTerm();
        if (classTerm != null) {
          for (int c = 0; c < classTerm.length; c++) {
            draw += classTerm[c] * classWeightSums[c] / n;
          }
        }
        draws[e][r] = draw;
      }
    }

    /**
     * A[b][t] = sum_{j in b} V_j Y_jt (zero-filled), sum_{j in b} V_j, and the latter per class.
     */
    private void sumByBlock() {
      Arrays.fill(classWeightSums, 0.0);
      for (int c = 0; c < layout.blockCount; c++) {
        int[] units = layout.members[c];
        double[] v = blockWeights[c];
        double total = 0;
        for (int j = 0; j < units.length; j++) {
          v[j] = weights[units[j]];
          total += v[j];
        }
        blockWeightSums[c] = total;
        classWeightSums[layout.blockClass[c]] += total;
        // Only pairs read the period sums; covariate-adjusted runs have none.
        for (int t = 0; t < layout.periodCount && layout.pairCount() > 0; t++) {
          blockPeriodSums[c][t] = dot(v, layout.outcome[c][t]);
        }
      }
    }

    /** Four partial sums: the JIT does not reorder a floating-point reduction by itself. */
    private static double dot(double[] a, double[] b) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int n = a.length;
      int j = 0;
      for (; j + 3 < n; j += 4) {
        s0 += a[j] * b[j];
        s1 += a[j + 1] * b[j + 1];
        s2 += a[j + 2] * b[j + 2];
        s3 += a[j + 3] * b[j + 3];
      }
      for (; j < n; j++) {
        s0 += a[j] * b[j];
      }
      return (s0 + s1) + (s2 + s3);
    }

    /** Class totals, minus the members missing t or b (see {@link BootstrapLayout}). */
    private void sumPairByCorrection(int p) {
      int c = layout.pairBlock[p];
      int ti = layout.pairTime[p];
      int bi = layout.pairBase[p];
      double[] v = blockWeights[c];
      double[] yt = layout.outcome[c][ti];
      double[] yb = layout.outcome[c][bi];
      boolean[] seenB = layout.observed[c][bi];
      double change = blockPeriodSums[c][ti] - blockPeriodSums[c][bi];
      double weight = blockWeightSums[c];
      for (int j : layout.missingAt[c][bi]) {
        change -= v[j] * yt[j];
        weight -= v[j];
      }
      for (int j : layout.missingAt[c][ti]) {
        change += v[j] * yb[j];
        if (seenB[j]) {
          weight -= v[j];
        }
      }
      pairChangeSums[p] = change;
      pairWeightSums[p] = weight;
    }

    private void sumPairDirectly(int p) {
      int c = layout.pairBlock[p];
      int ti = layout.pairTime[p];
      int bi = layout.pairBase[p];
      double[] v = blockWeights[c];
      double[] yt = layout.outcome[c][ti];
      double[] yb = layout.outcome[c][bi];
      boolean[] seenB = layout.observed[c][bi];
      double change = 0;
      double weight = 0;
      for (int j : layout.observedAt[c][ti]) {
        if (seenB[j]) {
          change += v[j] * (yt[j] - yb[j]);
          weight += v[j];
        }
      }
      pairChangeSums[p] = change;
      pairWeightSums[p] = weight;
    }

    /** mean_i V_i psi_i = sum_treated V (dY - m_g)/n_g - sum_control V (dY - m_c)/n_c. */
    private void drawCells() {
      for (int k = 0; k < cellDraws.length; k++) {
        if (layout.influencePosition[k] >= 0) {
          cellDraws[k] = storedDraws[layout.influencePosition[k]];
          continue;
        }
        int treated = layout.cellTreatedPair[k];
        if (treated < 0) {
          cellDraws[k] = Double.NaN;
          continue;
        }
        GroupTimeCell cell = layout.cells.get(k);
        if (cell.strata() != null) {
          cellDraws[k] = stratifiedDraw(k, cell.strata(), cell.nTreated());
          continue;
        }
        double draw =
            (pairChangeSums[treated] - cell.treatedMean() * pairWeightSums[treated])
                / cell.nTreated();
        double control = 0;
        for (int p : layout.cellControlPairs[k]) {
          control += pairChangeSums[p] - cell.controlMean() * pairWeightSums[p];
        }
        cellDraws[k] = draw - control / cell.nControl();
      }
    }

    /**
     * The same sums stratum by stratum: participants centred on {@code controlMean_s + att} (see
     * {@link StratumBreakdown}), control sides scaled by {@code w_s / nControl_s}.
     */
    private double stratifiedDraw(int k, StratumBreakdown strata, int nTreated) {
      double draw = 0;
      for (int s = 0; s < strata.strata().length; s++) {
        int treated = layout.cellStratumTreatedPairs[k][s];
        draw +=
            (pairChangeSums[treated] - strata.treatedCentre()[s] * pairWeightSums[treated])
                / nTreated;
        double control = 0;
        for (int p : layout.cellStratumControlPairs[k][s]) {
          control += pairChangeSums[p] - strata.controlMean()[s] * pairWeightSums[p];
        }
        draw -= strata.weights()[s] * control / strata.nControl()[s];
      }
      return draw;
    }
  }
}
