package org.sociallearning.impact.estimation;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The effects one {@link SimultaneousBand} covers jointly, and the band over them. As R {@code
 * did}'s {@code mboot}, an effect joins the maximum only with a usable standard error: finite and,
 * on the {@code sqrt(n)} scale of R's draws, above {@code 10 sqrt(machine epsilon)}. The rest (the
 * zero at a universal base, degenerate cells) would divide by nothing; they get no band.
 *
 * <p>Two families: every group-time effect (R's {@code att_gt} band) and every event-study point
 * before and after joining, without their {@code overall} average (R's {@code aggte(type =
 * "dynamic")} band).
 */
final class BandFamily {

  private BandFamily() {}

  /** The estimands of the group-time cells ({@code estimandOfCell}, -1 for none) with an error. */
  static int[] groupTime(int[] estimandOfCell, double[] se, int unitCount) {
    return usable(IntStream.of(estimandOfCell).filter(e -> e >= 0), se, unitCount);
  }

  /** The event-study points among {@code estimands[from, to)} with an error. */
  static int[] eventStudy(
      List<LinearEstimand> estimands, int from, int to, double[] se, int unitCount) {
    IntStream points =
        IntStream.range(from, to)
            .filter(
                e ->
                    AggregateEffect.DYNAMIC.equals(estimands.get(e).aggregation())
                        && !AggregateEffect.OVERALL.equals(estimands.get(e).key()));
    return usable(points, se, unitCount);
  }

  /**
   * The band over {@code family}: from the bootstrap draws when there are any, else simulated from
   * the covariance of the family's influence functions ({@link SupTCriticalValue}).
   */
  static SimultaneousBand band(
      int[] family,
      EstimationSample sample,
      List<GroupTimeCell> cells,
      List<LinearEstimand> estimands,
      StandardErrors errors,
      double z,
      DidOptions options) {
    return SupTCriticalValue.band(
        errors,
        family,
        () -> covariance(sample, cells, estimands, family),
        z,
        options.confidenceLevel(),
        options.seed());
  }

  private static int[] usable(IntStream candidates, double[] se, int unitCount) {
    double tiny = IqrStandardError.DEGENERATE / Math.sqrt(unitCount);
    return candidates.filter(e -> Double.isFinite(se[e]) && se[e] > tiny).toArray();
  }

  /**
   * {@code IF' IF / n^2} of the family: block by block for plain cells ({@link
   * InfluenceFunctions#covariance}), from dense influence functions for aggregates.
   */
  static double[][] covariance(
      EstimationSample sample,
      List<GroupTimeCell> cells,
      List<LinearEstimand> estimands,
      int[] family) {
    boolean plainCells = true;
    int[] cellOf = new int[family.length];
    for (int j = 0; j < family.length; j++) {
      LinearEstimand e = estimands.get(family[j]);
      plainCells &= LinearEstimand.GROUP_TIME.equals(e.aggregation());
      cellOf[j] = e.cells()[0];
    }
    if (plainCells) {
      return InfluenceFunctions.covariance(sample, cells, cellOf);
    }
    double[][] psi = new double[family.length][];
    for (int j = 0; j < family.length; j++) {
      psi[j] = InfluenceFunctions.dense(sample, cells, estimands.get(family[j]));
    }
    return EventTimePreTrendWald.covariance(psi, sample.unitCount);
  }
}
