package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pre-trend check of the estimation step on one number: where participants stood, on average over
 * the months before joining, against the base period their post-treatment effects are measured
 * from, relative to the comparison group. Participants whose earlier months all sit above (or all
 * below) that month are what a level shift just before joining (a gain that made them join, or
 * Ashenfelter's dip) and a diverging trend both look like; the joint Wald test ({@link
 * PreTrendWald}) spreads its power over every placebo effect, one degree of freedom each, and with
 * many small cohorts misses it. A one-degree-of-freedom z-test of the average does not.
 *
 * <p>The estimand: the universal-base pre-treatment event-study points (level differences to the
 * cohort's base, {@code dynamic} at {@code e < -1 - anticipation}; neither the base, 0 by
 * construction, nor the anticipation window), each averaging its cohorts weighted by cohort size
 * with R's term for the estimated weights, then the plain mean over event times, as R's {@code
 * aggte(type = "dynamic")} forms its overall effect. It is a {@link LinearEstimand}, so its
 * standard error comes from the same bootstrap draws, or influence functions, as every other
 * effect. On a panel with one period per step it is the mean of the universal run's published
 * pre-treatment {@code dynamic} points that pass the rule below.
 *
 * <p>With a {@link BasePeriod#VARYING varying} base the same quantity is formed from the varying
 * cells: a cohort's level in period t against its base is minus the sum of its period-to-period
 * effects from t + 1 up to the base. On a complete panel with never-treated controls those sums are
 * the universal cells exactly (point estimates and influence functions alike), so the test does not
 * depend on the base period; where people are missing in some periods, or comparison units change
 * with the period (not-yet-treated controls), it is the nearest varying counterpart, and a sum
 * counts the fewest people of its steps.
 *
 * <p>Only event times with enough people count: the same count as the event-time Wald fallback
 * ({@link EventTimePreTrendWald}: participants summed over the cohorts of the average, comparison
 * units of its largest cell) against the bar that test sets for the first effect it tests, at least
 * {@value #MIN_PEOPLE_PER_SIDE} on each side. The fallback raises the bar by 10 people for each
 * further effect because its covariance matrix grows with them; a single average has no such matrix
 * to estimate, so every event time over the bar counts.
 */
final class PreJoiningLevel {

  /** Aggregation label of the estimand; internal to the check, never published. */
  static final String AGGREGATION = "pre_joining_level";

  /** People per side behind an event-time average for it to count (see the class comment). */
  static final int MIN_PEOPLE_PER_SIDE = 2 * PreTrendWald.PEOPLE_PER_TESTED_EFFECT;

  /** The estimand and the event times it averages, nearest the base last. */
  record Estimand(LinearEstimand estimand, List<Integer> eventTimes) {}

  /** One cohort's level in one period against its base, as a combination of cells. */
  private record Piece(int treatedClass, LinearEstimand level, int nTreated, int nControl) {}

  private PreJoiningLevel() {}

  /**
   * @return the average pre-joining level, or empty when no event time before the base has an
   *     estimate resting on enough people
   */
  static Optional<Estimand> estimand(
      EstimationSample sample, List<GroupTimeCell> cells, BasePeriod basePeriod, int anticipation) {
    TreeMap<Integer, List<Piece>> byEventTime = new TreeMap<>();
    for (int cls = 1; cls < sample.classCount(); cls++) {
      int[] cellAt = cellsByTimeIndex(sample, cells, cls);
      int group = sample.cohortOf(cls);
      int base = sample.firstPeriodIndexAtOrAfter(group) - 1 - anticipation;
      for (int ti = 0; ti < base; ti++) {
        Piece piece =
            basePeriod == BasePeriod.UNIVERSAL
                ? universal(cells, cellAt[ti], cls)
                : cumulated(cells, cellAt, ti, base, cls);
        if (piece != null) {
          byEventTime
              .computeIfAbsent(sample.periods[ti] - group, e -> new ArrayList<>())
              .add(piece);
        }
      }
    }
    List<LinearEstimand> points = new ArrayList<>();
    List<Integer> eventTimes = new ArrayList<>();
    for (Map.Entry<Integer, List<Piece>> entry : byEventTime.entrySet()) {
      List<Piece> pieces = entry.getValue();
      long treated = pieces.stream().mapToLong(Piece::nTreated).sum();
      long comparison = pieces.stream().mapToLong(Piece::nControl).max().orElse(0);
      if (treated >= MIN_PEOPLE_PER_SIDE && comparison >= MIN_PEOPLE_PER_SIDE) {
        points.add(shareWeighted(sample, entry.getKey(), pieces));
        eventTimes.add(entry.getKey());
      }
    }
    if (points.isEmpty()) {
      return Optional.empty();
    }
    double[] equal = new double[points.size()];
    Arrays.fill(equal, 1.0 / points.size());
    return Optional.of(
        new Estimand(
            LinearEstimand.weightedSum(AGGREGATION, AggregateEffect.OVERALL, points, equal),
            List.copyOf(eventTimes)));
  }

  /** The level test: two-sided z-test of the estimand with its standard error. */
  static DidResult.PreTrendTest.LevelTest test(Estimand level, double standardError) {
    double estimate = level.estimand().estimate();
    double p = AggregateEffect.twoSidedPValue(estimate, standardError);
    if (Double.isNaN(p)) {
      return DidResult.PreTrendTest.LevelTest.NONE;
    }
    return new DidResult.PreTrendTest.LevelTest(
        estimate, standardError, p, level.eventTimes().size());
  }

  private static int[] cellsByTimeIndex(
      EstimationSample sample, List<GroupTimeCell> cells, int cls) {
    int[] cellAt = new int[sample.periodCount()];
    Arrays.fill(cellAt, -1);
    for (int k = 0; k < cells.size(); k++) {
      if (cells.get(k).treatedClass() == cls) {
        cellAt[cells.get(k).timeIndex()] = k;
      }
    }
    return cellAt;
  }

  /** Under a universal base the cell is the level already. */
  private static Piece universal(List<GroupTimeCell> cells, int k, int cls) {
    if (k < 0 || !cells.get(k).isValid() || !cells.get(k).placebo()) {
      return null;
    }
    GroupTimeCell cell = cells.get(k);
    return new Piece(cls, LinearEstimand.ofCell(k, cell), cell.nTreated(), cell.nControl());
  }

  /**
   * Under a varying base: minus the steps from {@code ti + 1} up to the base, all of them
   * estimated.
   */
  private static Piece cumulated(
      List<GroupTimeCell> cells, int[] cellAt, int ti, int base, int cls) {
    int steps = base - ti;
    int[] which = new int[steps];
    double[] weights = new double[steps];
    double level = 0;
    int nTreated = Integer.MAX_VALUE;
    int nControl = Integer.MAX_VALUE;
    for (int s = 0; s < steps; s++) {
      int k = cellAt[ti + 1 + s];
      if (k < 0 || !cells.get(k).isValid()) {
        return null;
      }
      GroupTimeCell cell = cells.get(k);
      which[s] = k;
      weights[s] = -1.0;
      level -= cell.att();
      nTreated = Math.min(nTreated, cell.nTreated());
      nControl = Math.min(nControl, cell.nControl());
    }
    return new Piece(
        cls,
        new LinearEstimand(AGGREGATION, String.valueOf(ti), level, which, weights, null),
        nTreated,
        nControl);
  }

  /**
   * R's dynamic weighting at one event time: cohorts by their share, plus the estimated-weight
   * term.
   */
  private static LinearEstimand shareWeighted(
      EstimationSample sample, int eventTime, List<Piece> pieces) {
    int m = pieces.size();
    int[] classes = new int[m];
    double[] shares = new double[m];
    double[] levels = new double[m];
    List<LinearEstimand> parts = new ArrayList<>(m);
    for (int j = 0; j < m; j++) {
      classes[j] = pieces.get(j).treatedClass();
      shares[j] = sample.share(classes[j]);
      levels[j] = pieces.get(j).level().estimate();
      parts.add(pieces.get(j).level());
    }
    double total = Arrays.stream(shares).sum();
    double[] weights = Arrays.stream(shares).map(p -> p / total).toArray();
    LinearEstimand sum =
        LinearEstimand.weightedSum(AGGREGATION, String.valueOf(eventTime), parts, weights);
    return new LinearEstimand(
        sum.aggregation(),
        sum.key(),
        sum.estimate(),
        sum.cells(),
        sum.cellWeights(),
        Aggregator.weightInfluence(sample.classCount(), classes, shares, levels));
  }
}
