package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Relative magnitudes on simulated event studies with a known truth: a linear trend gap that goes
 * on after joining with no effect at all (the violation Mbar = 1 allows), and a large effect with
 * no violation.
 */
class HonestDidPlantedTrendTest {

  private static final double ALPHA = 0.05;
  private static final int PRE = 4;
  private static final int POST = 3;
  private static final double SE = 1.0;

  /**
   * Each point is a difference to the same reference month, so they share its noise: covariance
   * {@code SE^2 (1 + [i = j])}.
   */
  static double[][] sharedReferenceCovariance(int n) {
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        v[i][j] = SE * SE * (i == j ? 2 : 1);
      }
    }
    return v;
  }

  /** Points with mean {@code mean}, drawn with the shared-reference covariance. */
  static double[] draw(double[] mean, SplittableRandom random) {
    double common = random.nextGaussian();
    double[] out = new double[mean.length];
    for (int i = 0; i < mean.length; i++) {
      out[i] = mean[i] + SE * (common + random.nextGaussian());
    }
    return out;
  }

  static EventStudyVector eventStudy(double[] points) {
    int[] times = {-5, -4, -3, -2, 0, 1, 2};
    double[] average = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    return new EventStudyVector(times, points, sharedReferenceCovariance(PRE + POST), PRE, average);
  }

  /** A gap growing by {@code slope} a month through the reference month and after it. */
  static double[] linearTrend(double slope) {
    double[] mean = new double[PRE + POST];
    int[] times = {-5, -4, -3, -2, 0, 1, 2};
    for (int i = 0; i < mean.length; i++) {
      mean[i] = slope * (times[i] + 1); // 0 at the reference month, -1
    }
    return mean;
  }

  @Test
  void aTrendContinuingAfterJoiningIsNoEffectOnceMbarAllowsIt() {
    double[] truth = linearTrend(3.0); // the average post-joining gap: 5 standard errors
    SplittableRandom random = new SplittableRandom(11L);
    int draws = 100;
    int robustCovers = 0;
    int parallelCovers = 0;
    for (int r = 0; r < draws; r++) {
      EventStudyVector es = eventStudy(draw(truth, random));
      if (RelativeMagnitudes.keeps(es, 1.0, 0.0, ALPHA, r)) {
        robustCovers++;
      }
      if (RelativeMagnitudes.keeps(es, 0.0, 0.0, ALPHA, r)) {
        parallelCovers++;
      }
    }
    // The true effect, 0, is kept at Mbar = 1 at least at the nominal rate; assuming parallel
    // trends after joining (Mbar = 0) mistakes the trend for an effect nearly every time.
    assertTrue(robustCovers >= 0.93 * draws, "robust interval covered 0 in " + robustCovers);
    assertTrue(parallelCovers <= 0.05 * draws, "Mbar = 0 covered 0 in " + parallelCovers);
  }

  @Test
  void theRobustIntervalGrowsWithMbarAroundTheEstimate() {
    EventStudyVector es = eventStudy(draw(linearTrend(0.5), new SplittableRandom(3L)));
    double[] previous = RelativeMagnitudes.interval(es, 0, ALPHA, 1L);
    assertTrue(previous[0] < es.targetEstimate() && es.targetEstimate() < previous[1]);
    for (double mbar : new double[] {0.5, 1, 2}) {
      double[] ci = RelativeMagnitudes.interval(es, mbar, ALPHA, 1L);
      assertTrue(ci[0] <= previous[0] + 1e-3 && ci[1] >= previous[1] - 1e-3, "Mbar " + mbar);
      previous = ci;
    }
  }

  @Test
  void aLargeEffectWithoutViolationHasALargeBreakdownValue() {
    double[] mean = {0, 0, 0, 0, 30, 30, 30};
    double large = RelativeMagnitudes.breakdown(eventStudy(mean), ALPHA, 1L);
    assertTrue(large >= 5, "breakdown " + large);
    // The same effect after a pre-joining jump of 3 standard errors breaks down much sooner.
    double[] jump = {0, 0, 3, 3, 30, 30, 30};
    double smaller = RelativeMagnitudes.breakdown(eventStudy(jump), ALPHA, 1L);
    assertTrue(smaller < 0.6 * large, "breakdown " + smaller + " vs " + large);
    assertEquals(0, RelativeMagnitudes.breakdown(eventStudy(new double[7]), ALPHA, 1L));
  }

  @Test
  void anEffectBeyondAnyViolationIsReportedAtTheCap() {
    double[] huge = {0, 0, 0, 0, 400, 400, 400};
    assertEquals(
        RelativeMagnitudes.BREAKDOWN_CAP,
        RelativeMagnitudes.breakdown(eventStudy(huge), ALPHA, 1L));
  }

  /**
   * One month after joining: no nuisance direction is left, and at Mbar = 0 the robust interval is
   * close to the ordinary one (the hybrid spends a tenth of alpha on its first stage).
   */
  @Test
  void aSinglePostJoiningMonthLeavesNoNuisance() {
    double[][] v = sharedReferenceCovariance(4);
    EventStudyVector es =
        new EventStudyVector(
            new int[] {-4, -3, -2, 0}, new double[] {0.3, -0.2, 0.1, 5}, v, 3, new double[] {1});
    double[] ci = RelativeMagnitudes.interval(es, 0, ALPHA, 1L);
    double se = Math.sqrt(2);
    assertTrue(ci[0] < 5 - 1.9 * se && ci[0] > 5 - 2.4 * se, "lower " + ci[0]);
    assertTrue(ci[1] > 5 + 1.9 * se && ci[1] < 5 + 2.4 * se, "upper " + ci[1]);
    double[] wider = RelativeMagnitudes.interval(es, 1, ALPHA, 1L);
    assertTrue(wider[0] < ci[0] && wider[1] > ci[1]);
  }
}
