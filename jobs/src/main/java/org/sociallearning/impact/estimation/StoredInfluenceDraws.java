package org.sociallearning.impact.estimation;

/**
 * Bootstrap draws of the covariate-adjusted cells, {@code mean_i V_i psi_i} from their stored
 * influence functions ({@link CellInfluence}), for a batch of up to {@value #BATCH} replicates at
 * once: the batch's weights are interleaved per unit, so each stored {@code psi_i} is read once and
 * multiplied into eight independent sums from one contiguous block of weights. A replicate then
 * costs one multiply-add per unit of each cell instead of per unit of the panel and cell, and
 * aggregates need nothing more: they are weighted sums of the cells' draws (and of class terms), as
 * without covariates.
 */
final class StoredInfluenceDraws {

  /** Replicates per batch: as many as {@link MultiplierBootstrap} runs per task. */
  static final int BATCH = 8;

  private StoredInfluenceDraws() {}

  /**
   * @param weights one array of per-unit multipliers per replicate of the batch ({@code count <=
   *     BATCH} of them)
   * @return {@code draws[replicate][position in layout.influenceCells]}
   */
  static double[][] draw(BootstrapLayout layout, double[][] weights, int count) {
    if (count > BATCH) {
      throw new IllegalArgumentException(
          "at most " + BATCH + " replicates per batch, got " + count);
    }
    int n = layout.unitCount;
    double[] interleaved = new double[n * BATCH];
    for (int r = 0; r < count; r++) {
      double[] v = weights[r];
      for (int i = 0; i < n; i++) {
        interleaved[i * BATCH + r] = v[i];
      }
    }
    int[] which = layout.influenceCells;
    double[][] draws = new double[count][which.length];
    for (int p = 0; p < which.length; p++) {
      CellInfluence influence = layout.cells.get(which[p]).influence();
      int[] units = influence.units();
      double[] psi = influence.psi();
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      double s5 = 0;
      double s6 = 0;
      double s7 = 0;
      for (int j = 0; j < units.length; j++) {
        double value = psi[j];
        int at = units[j] * BATCH;
        s0 += interleaved[at] * value;
        s1 += interleaved[at + 1] * value;
        s2 += interleaved[at + 2] * value;
        s3 += interleaved[at + 3] * value;
        s4 += interleaved[at + 4] * value;
        s5 += interleaved[at + 5] * value;
        s6 += interleaved[at + 6] * value;
        s7 += interleaved[at + 7] * value;
      }
      double[] sums = {s0, s1, s2, s3, s4, s5, s6, s7};
      for (int r = 0; r < count; r++) {
        draws[r][p] = sums[r] / n;
      }
    }
    return draws;
  }
}
