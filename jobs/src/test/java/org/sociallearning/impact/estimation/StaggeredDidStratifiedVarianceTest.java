package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Standard errors of the stratified estimator when the effect differs between strata of different
 * sizes: the estimate weighs strata by how many participants each has, and those shares change from
 * sample to sample, so the variance must include them ({@link StratumBreakdown}). Holding the
 * shares fixed, as the estimator once did, gives intervals that are far too narrow.
 */
class StaggeredDidStratifiedVarianceTest {

  private static final int COHORT = 3;

  /** Per stratum: share of people, share of them joining, effect from joining, trend per period. */
  private static final double[][] STRATA = {
    {0.25, 0.3, 2.0, 0.3}, // "small": a strong effect
    {0.75, 0.3, 0.0, 0.0}, // "large": none
  };

  private static final String[] NAMES = {"small", "large"};

  @Test
  void standardErrorsMatchTheSpreadOfEstimatesAcrossSamples() {
    int replications = 400;
    double[] cellEstimates = new double[replications];
    double[] groupEstimates = new double[replications];
    double cellSe = 0;
    double fixedShareSe = 0;
    double groupSe = 0;
    int cellCovered = 0;
    int groupCovered = 0;
    int fixedShareCovered = 0;
    double truth = 0;
    for (double[] s : STRATA) {
      truth += s[0] * s[1] * s[2];
    }
    truth /= STRATA[0][0] * STRATA[0][1] + STRATA[1][0] * STRATA[1][1];
    SplittableRandom seeds = new SplittableRandom(20240601L);
    for (int r = 0; r < replications; r++) {
      StratifiedPanel data = strataWithDifferentEffects(600, seeds.nextLong());
      DidResult result =
          StaggeredDid.estimate(data.panel, DidOptions.defaults().withReplicates(0), data.stratum);
      GroupTimeEffect cell = result.cell(COHORT, COHORT);
      AggregateEffect group = result.overall(AggregateEffect.GROUP);
      double fixedShares = fixedShareStandardError(data, COHORT);
      cellEstimates[r] = cell.att();
      groupEstimates[r] = group.att();
      cellSe += cell.se() / replications;
      fixedShareSe += fixedShares / replications;
      groupSe += group.se() / replications;
      cellCovered += Math.abs(cell.att() - truth) <= 1.959964 * cell.se() ? 1 : 0;
      fixedShareCovered += Math.abs(cell.att() - truth) <= 1.959964 * fixedShares ? 1 : 0;
      groupCovered += Math.abs(group.att() - truth) <= 1.959964 * group.se() ? 1 : 0;
    }
    double cellSpread = standardDeviation(cellEstimates);
    double groupSpread = standardDeviation(groupEstimates);
    System.out.printf(
        "stratified Monte Carlo (%d samples, truth %.3f): ATT(%d,%d) spread %.4f, se %.4f (ratio %.3f,"
            + " coverage %.3f), shares held fixed %.4f (ratio %.3f, coverage %.3f); group overall spread"
            + " %.4f, se %.4f (ratio %.3f, coverage %.3f)%n",
        replications,
        truth,
        COHORT,
        COHORT,
        cellSpread,
        cellSe,
        cellSe / cellSpread,
        cellCovered / (double) replications,
        fixedShareSe,
        fixedShareSe / cellSpread,
        fixedShareCovered / (double) replications,
        groupSpread,
        groupSe,
        groupSe / groupSpread,
        groupCovered / (double) replications);
    assertEquals(
        1.0,
        cellSe / cellSpread,
        0.15,
        "ATT(g,t) standard error against the spread of its estimates");
    assertEquals(
        1.0, groupSe / groupSpread, 0.15, "group overall standard error against its spread");
    assertTrue(
        fixedShareSe / cellSpread < 0.75,
        "with shares held fixed the error is too small: "
            + fixedShareSe
            + " against a spread of "
            + cellSpread);
    assertTrue(cellCovered >= 0.91 * replications, "coverage " + cellCovered);
    assertTrue(groupCovered >= 0.91 * replications, "coverage " + groupCovered);
    assertTrue(
        fixedShareCovered < 0.85 * replications, "coverage with fixed shares " + fixedShareCovered);
  }

  @Test
  void analyticAndBootstrapErrorsAgreeWhenEffectsDifferBetweenStrata() {
    StratifiedPanel data = strataWithDifferentEffects(3000, 41);
    DidResult boot = StaggeredDid.estimate(data.panel, DidOptions.defaults(), data.stratum);
    DidResult analytic =
        StaggeredDid.estimate(data.panel, DidOptions.defaults().withReplicates(0), data.stratum);
    for (String aggregation :
        List.of(AggregateEffect.SIMPLE, AggregateEffect.GROUP, AggregateEffect.DYNAMIC)) {
      double a = analytic.overall(aggregation).se();
      double b = boot.overall(aggregation).se();
      System.out.printf(
          "stratified %s overall se: analytic %.5f, bootstrap %.5f%n", aggregation, a, b);
      assertEquals(a, b, 0.1 * a, aggregation);
    }
    for (GroupTimeEffect cell : analytic.groupTime()) {
      assertEquals(
          cell.se(),
          boot.cell(cell.group(), cell.time()).se(),
          0.1 * cell.se(),
          "ATT(" + cell.group() + "," + cell.time() + ")");
    }
  }

  /**
   * The analytic error of a stratified cell is sqrt(sum psi^2) / N with psi written out by hand.
   */
  @Test
  void cellErrorIsTheInfluenceFunctionWrittenOutByHand() {
    StratifiedPanel data = strataWithDifferentEffects(500, 7);
    DidResult result =
        StaggeredDid.estimate(data.panel, DidOptions.defaults().withReplicates(0), data.stratum);
    int t = 3; // period 3, base period 2 (index 1 and 2 of periods 1..4)
    int ti = 2;
    int bi = 1;
    double[] treatedSum = new double[2];
    double[] controlSum = new double[2];
    int[] treatedN = new int[2];
    int[] controlN = new int[2];
    for (int i = 0; i < data.panel.unitCount(); i++) {
      int s = "small".equals(data.stratum[i]) ? 0 : 1;
      double change = data.panel.outcome()[i][ti] - data.panel.outcome()[i][bi];
      if (data.panel.unitGroup()[i] == COHORT) {
        treatedSum[s] += change;
        treatedN[s]++;
      } else if (data.panel.unitGroup()[i] == 0) {
        controlSum[s] += change;
        controlN[s]++;
      }
    }
    int nTreated = treatedN[0] + treatedN[1];
    double att = 0;
    for (int s = 0; s < 2; s++) {
      att +=
          treatedN[s]
              / (double) nTreated
              * (treatedSum[s] / treatedN[s] - controlSum[s] / controlN[s]);
    }
    double sumSquares = 0;
    int n = data.panel.unitCount();
    for (int i = 0; i < n; i++) {
      int s = "small".equals(data.stratum[i]) ? 0 : 1;
      double change = data.panel.outcome()[i][ti] - data.panel.outcome()[i][bi];
      double controlMean = controlSum[s] / controlN[s];
      double psi = 0;
      if (data.panel.unitGroup()[i] == COHORT) {
        psi = n / (double) nTreated * (change - controlMean - att);
      } else if (data.panel.unitGroup()[i] == 0) {
        psi = -n * (treatedN[s] / (double) nTreated) / controlN[s] * (change - controlMean);
      }
      sumSquares += psi * psi;
    }
    GroupTimeEffect cell = result.cell(COHORT, t);
    assertEquals(att, cell.att(), 1e-12);
    assertEquals(Math.sqrt(sumSquares) / n, cell.se(), 1e-12);
  }

  /** The error the estimator gave before: participants centred on their own stratum's mean. */
  private static double fixedShareStandardError(StratifiedPanel data, int cohort) {
    List<String> warnings = new ArrayList<>();
    EstimationSample sample = EstimationSample.prepare(data.panel, 0, data.stratum, warnings);
    GroupTimeCell cell =
        GroupTimeEstimator.estimate(sample, ControlGroup.NEVER_TREATED, warnings).cells().stream()
            .filter(c -> c.group() == cohort && c.time() == cohort)
            .findFirst()
            .orElseThrow();
    StratumBreakdown strata = cell.strata();
    double variance = strata.variance(cell.nTreated());
    for (int p = 0; p < strata.strata().length; p++) {
      // sum (dY - mean)^2 = sum (dY - centre)^2 - n (mean - centre)^2
      double shift = strata.treatedMean()[p] - strata.treatedCentre()[p];
      variance -=
          strata.nTreated()[p] * shift * shift / ((double) cell.nTreated() * cell.nTreated());
    }
    return Math.sqrt(variance);
  }

  private static double standardDeviation(double[] values) {
    double mean = java.util.Arrays.stream(values).average().orElseThrow();
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
  }

  private record StratifiedPanel(Panel panel, String[] stratum) {}

  /**
   * Periods 1..4, participants join in period 3 or 4; a small stratum with an effect of 2 and its
   * own trend, a large one with no effect. Noise is small against the difference in effects, so
   * most of the estimate's spread comes from how many participants each stratum happens to have.
   */
  private static StratifiedPanel strataWithDifferentEffects(int units, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] periods = {1, 2, 3, 4};
    double[] shock = new double[periods.length];
    for (int t = 0; t < periods.length; t++) {
      shock[t] = random.nextGaussian();
    }
    int[] group = new int[units];
    double[][] outcome = new double[units][periods.length];
    String[] ids = new String[units];
    String[] stratum = new String[units];
    for (int i = 0; i < units; i++) {
      ids[i] = "p" + i;
      int s = random.nextDouble() < STRATA[0][0] ? 0 : 1;
      stratum[i] = NAMES[s];
      if (random.nextDouble() < STRATA[s][1]) {
        group[i] = random.nextBoolean() ? 3 : 4;
      }
      double level = 5 * s + random.nextGaussian();
      for (int t = 0; t < periods.length; t++) {
        double y = level + STRATA[s][3] * periods[t] + shock[t] + 0.3 * random.nextGaussian();
        outcome[i][t] = group[i] != 0 && periods[t] >= group[i] ? y + STRATA[s][2] : y;
      }
    }
    return new StratifiedPanel(new Panel(periods, group, outcome, ids), stratum);
  }
}
