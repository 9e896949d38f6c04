package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the intervals the estimator reports, on simulated staggered panels where parallel
 * trends hold and the true effects are known: pointwise 95% intervals must cover each event-study
 * point and each group-time effect 92-98% of the time, and the simultaneous band must cover the
 * whole event study (every point at once, before and after joining) at least 93% of the time, where
 * pointwise intervals covering every point at once do so far less often.
 *
 * <p>Each panel: people over {@value #PERIODS} months, a third never joining, the rest joining at
 * random in months 3-7, outcome {@code Y_it = alpha_i + lambda_t + tau(t - g_i) + eps_it} with
 * person and month effects, {@code eps ~ N(0, 1)} and an effect that grows with months since
 * joining. The effect depends only on the event time, so the truth of every event-study point and
 * group-time effect is {@code tau(e)} whatever the cohort weights (0 before joining). Universal
 * base (the job's default). 199 bootstrap draws per panel, fewer than the job's 999: that adds
 * noise to each panel's critical value, not bias, and keeps the test at a few seconds.
 *
 * <p>Measured (seeds as below): with small cohorts ({@value #SMALL_UNITS} people, cohorts of about
 * 24) pointwise intervals cover 94.5% of event-study points and 93.2% of cells, the event-study
 * band covers the whole event study in 94.0% of panels, pointwise intervals all at once in 60.5%.
 * With the pointwise 1.96 in place of the sup-t value the band's coverage falls to those 60.5% and
 * the test fails, as it should. The band over the group-time effects, each resting on one cohort of
 * about 24, covers less (86% over 35 cells): a t-statistic whose standard error is estimated from
 * two dozen people has heavier tails than the bootstrap draws it is compared with, and the largest
 * of 35 of them lives in those tails. With cohorts of about 120 it covers 94%, which the last test
 * checks.
 */
class StaggeredDidCoverageTest {

  static final int PERIODS = 8;
  static final int REPLICATES = 199;
  static final int SMALL_UNITS = 180;
  static final int SMALL_PANELS = 400;
  static final int LARGE_UNITS = 900;
  static final int LARGE_PANELS = 200;

  /** Coverage rates over many panels. */
  record Coverage(
      double pointwise,
      double cellPointwise,
      double everyPointPointwise,
      double eventStudyBand,
      double groupTimeBand) {}

  private static Coverage small;
  private static Coverage large;

  @BeforeAll
  static void simulate() {
    small = coverage(SMALL_UNITS, SMALL_PANELS, 1000L);
    large = coverage(LARGE_UNITS, LARGE_PANELS, 5000L);
  }

  @Test
  void pointwiseIntervalsCoverEachPointNinetyFivePercentOfTheTime() {
    for (Coverage c : new Coverage[] {small, large}) {
      assertTrue(c.pointwise() >= 0.92 && c.pointwise() <= 0.98, "event-study points " + c);
      assertTrue(c.cellPointwise() >= 0.92 && c.cellPointwise() <= 0.98, "group-time cells " + c);
    }
  }

  @Test
  void theBandCoversTheWholeEventStudy() {
    assertTrue(small.eventStudyBand() >= 0.93, "simultaneous coverage " + small);
    assertTrue(large.eventStudyBand() >= 0.93, "simultaneous coverage " + large);
    assertTrue(
        small.everyPointPointwise() < small.eventStudyBand() - 0.2,
        "pointwise intervals cover every point at once far less often: " + small);
  }

  @Test
  void theGroupTimeBandCoversEveryCellOnceCohortsAreNotTiny() {
    assertTrue(large.groupTimeBand() >= 0.93, "simultaneous coverage of the cells " + large);
    assertTrue(
        small.groupTimeBand() > 0.8,
        "with cohorts of two dozen the cells' band falls short, but not far: " + small);
  }

  static Coverage coverage(int units, int panels, long seed) {
    long started = System.nanoTime();
    long covered = 0;
    long points = 0;
    long cellsCovered = 0;
    long cells = 0;
    int allPointwise = 0;
    int allBand = 0;
    int allCells = 0;
    DidOptions options =
        DidOptions.defaults().withReplicates(REPLICATES).withBasePeriod(BasePeriod.UNIVERSAL);
    for (int p = 0; p < panels; p++) {
      DidResult result = StaggeredDid.estimate(panel(units, seed + p), options.withSeed(p));
      boolean everyPoint = true;
      boolean everyPointInBand = true;
      for (AggregateEffect point : result.byAggregation(AggregateEffect.DYNAMIC)) {
        if (point.isOverall() || !Double.isFinite(point.se())) {
          continue;
        }
        double truth = effect(Integer.parseInt(point.key()));
        boolean in = point.ciLow() <= truth && truth <= point.ciHigh();
        covered += in ? 1 : 0;
        points++;
        everyPoint &= in;
        everyPointInBand &= within(result.eventStudyBand(), point.att(), point.se(), truth);
      }
      boolean everyCell = true;
      for (GroupTimeEffect cell : result.groupTime()) {
        if (Double.isFinite(cell.se())) {
          double truth = effect(cell.eventTime());
          cellsCovered += cell.ciLow() <= truth && truth <= cell.ciHigh() ? 1 : 0;
          cells++;
          everyCell &= within(result.groupTimeBand(), cell.att(), cell.se(), truth);
        }
      }
      allPointwise += everyPoint ? 1 : 0;
      allBand += everyPointInBand ? 1 : 0;
      allCells += everyCell ? 1 : 0;
    }
    Coverage coverage =
        new Coverage(
            covered / (double) points,
            cellsCovered / (double) cells,
            allPointwise / (double) panels,
            allBand / (double) panels,
            allCells / (double) panels);
    System.out.printf(
        Locale.ROOT,
        "%d panels of %d people in %.1f s: %s%n",
        panels,
        units,
        (System.nanoTime() - started) / 1e9,
        coverage);
    return coverage;
  }

  private static boolean within(SimultaneousBand band, double att, double se, double truth) {
    return band.low(att, se) <= truth && truth <= band.high(att, se);
  }

  /** The planted effect at event time {@code e}: none before joining, growing after. */
  static double effect(int e) {
    return e < 0 ? 0.0 : 0.5 + 0.25 * e;
  }

  /** One simulated panel (see the class comment). */
  static Panel panel(int units, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] periods = new int[PERIODS];
    double[] month = new double[PERIODS];
    for (int t = 0; t < PERIODS; t++) {
      periods[t] = t + 1;
      month[t] = (t == 0 ? 0 : month[t - 1]) + 0.2 + 0.5 * random.nextGaussian();
    }
    int[] group = new int[units];
    double[][] outcome = new double[units][PERIODS];
    String[] ids = new String[units];
    for (int i = 0; i < units; i++) {
      ids[i] = "u" + i;
      group[i] = random.nextInt(3) == 0 ? 0 : 3 + random.nextInt(5);
      double person = random.nextGaussian();
      for (int t = 0; t < PERIODS; t++) {
        double y = person + month[t] + random.nextGaussian();
        if (group[i] != 0 && periods[t] >= group[i]) {
          y += effect(periods[t] - group[i]);
        }
        outcome[i][t] = y;
      }
    }
    return new Panel(periods, group, outcome, ids);
  }
}
