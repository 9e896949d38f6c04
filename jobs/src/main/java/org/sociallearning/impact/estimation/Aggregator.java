package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Summarises group-time effects as R {@code did::aggte} does (no {@code balance_e}, no event-time
 * limits): {@code simple}, {@code group}, {@code dynamic} and {@code calendar}, each with its
 * {@code overall} value, and with the influence function of every summary so that standard errors
 * come from the same bootstrap draws as the cells.
 *
 * <p>Cells without an estimate are left out, as R does with {@code na.rm = TRUE}. Under a universal
 * base period the reference cells (0 by construction) enter the {@code dynamic} point at the base's
 * event time, which is then 0 with a zero influence function, as in R; no other summary uses
 * pre-treatment cells.
 */
final class Aggregator {

  private Aggregator() {}

  static List<LinearEstimand> aggregate(EstimationSample sample, List<GroupTimeCell> cells) {
    List<LinearEstimand> out = new ArrayList<>();
    int[] post = select(cells, k -> cells.get(k).isPostTreatment());
    if (post.length > 0) {
      out.add(shareWeighted(AggregateEffect.SIMPLE, AggregateEffect.OVERALL, sample, cells, post));
    }
    out.addAll(byGroup(sample, cells));
    out.addAll(byEventTime(sample, cells));
    out.addAll(byCalendarTime(sample, cells));
    return out;
  }

  /** Per cohort the plain mean of its post-treatment effects; overall weighted by cohort size. */
  private static List<LinearEstimand> byGroup(EstimationSample sample, List<GroupTimeCell> cells) {
    List<LinearEstimand> perGroup = new ArrayList<>();
    List<Integer> groupClasses = new ArrayList<>();
    for (int cls = 1; cls < sample.classCount(); cls++) {
      final int c = cls;
      int[] which =
          select(cells, k -> cells.get(k).treatedClass() == c && cells.get(k).isPostTreatment());
      if (which.length == 0) {
        continue;
      }
      // Shares within one cohort are equal, so R's pg-weights are a plain mean with no
      // estimated-weight term.
      double[] weights = new double[which.length];
      Arrays.fill(weights, 1.0 / which.length);
      double att = 0;
      for (int k : which) {
        att += cells.get(k).att() / which.length;
      }
      perGroup.add(
          new LinearEstimand(
              AggregateEffect.GROUP,
              String.valueOf(sample.cohortOf(cls)),
              att,
              which,
              weights,
              null));
      groupClasses.add(cls);
    }
    if (perGroup.isEmpty()) {
      return perGroup;
    }
    int m = perGroup.size();
    int[] classes = groupClasses.stream().mapToInt(Integer::intValue).toArray();
    double[] shares = new double[m];
    double[] atts = new double[m];
    for (int j = 0; j < m; j++) {
      shares[j] = sample.share(classes[j]);
      atts[j] = perGroup.get(j).estimate();
    }
    double total = Arrays.stream(shares).sum();
    double[] weights = Arrays.stream(shares).map(p -> p / total).toArray();
    // R passes the cell-level group vector to wif() here, which picks the wrong cohorts for
    // k >= 2; we use each cohort's own indicator, which is what the formula intends.
    double[] wif = weightInfluence(sample.classCount(), classes, shares, atts);
    List<LinearEstimand> out = new ArrayList<>(perGroup);
    out.add(combine(AggregateEffect.GROUP, perGroup, weights, wif));
    return out;
  }

  /** Per event time e = t - g (pre-periods included); overall = mean over e >= 0. */
  private static List<LinearEstimand> byEventTime(
      EstimationSample sample, List<GroupTimeCell> cells) {
    TreeSet<Integer> eventTimes = new TreeSet<>();
    for (GroupTimeCell cell : cells) {
      if (cell.isValid()) {
        eventTimes.add(cell.eventTime());
      }
    }
    List<LinearEstimand> out = new ArrayList<>();
    List<LinearEstimand> nonNegative = new ArrayList<>();
    for (int e : eventTimes) {
      int[] which = select(cells, k -> cells.get(k).eventTime() == e);
      LinearEstimand effect =
          shareWeighted(AggregateEffect.DYNAMIC, String.valueOf(e), sample, cells, which);
      out.add(effect);
      if (e >= 0) {
        nonNegative.add(effect);
      }
    }
    if (!nonNegative.isEmpty()) {
      out.add(
          combine(AggregateEffect.DYNAMIC, nonNegative, equalWeights(nonNegative.size()), null));
    }
    return out;
  }

  /** Per period from the first cohort's start, over cohorts already treated; overall = mean. */
  private static List<LinearEstimand> byCalendarTime(
      EstimationSample sample, List<GroupTimeCell> cells) {
    int firstGroup = Integer.MAX_VALUE;
    TreeSet<Integer> times = new TreeSet<>();
    for (GroupTimeCell cell : cells) {
      if (cell.isValid()) {
        firstGroup = Math.min(firstGroup, cell.group());
        times.add(cell.time());
      }
    }
    List<LinearEstimand> perPeriod = new ArrayList<>();
    for (int t : times) {
      if (t < firstGroup) {
        continue;
      }
      int[] which = select(cells, k -> cells.get(k).time() == t && cells.get(k).isPostTreatment());
      if (which.length > 0) {
        perPeriod.add(
            shareWeighted(AggregateEffect.CALENDAR, String.valueOf(t), sample, cells, which));
      }
    }
    List<LinearEstimand> out = new ArrayList<>(perPeriod);
    if (!perPeriod.isEmpty()) {
      out.add(combine(AggregateEffect.CALENDAR, perPeriod, equalWeights(perPeriod.size()), null));
    }
    return out;
  }

  /**
   * Cells weighted by their cohort's share of all units (R's {@code pg / sum(pg)}), with the
   * influence-function term for having estimated those shares.
   */
  private static LinearEstimand shareWeighted(
      String aggregation,
      String key,
      EstimationSample sample,
      List<GroupTimeCell> cells,
      int[] which) {
    int m = which.length;
    int[] classes = new int[m];
    double[] shares = new double[m];
    double[] atts = new double[m];
    for (int j = 0; j < m; j++) {
      GroupTimeCell cell = cells.get(which[j]);
      classes[j] = cell.treatedClass();
      shares[j] = sample.share(classes[j]);
      atts[j] = cell.att();
    }
    double total = Arrays.stream(shares).sum();
    double[] weights = new double[m];
    double estimate = 0;
    for (int j = 0; j < m; j++) {
      weights[j] = shares[j] / total;
      estimate += weights[j] * atts[j];
    }
    return new LinearEstimand(
        aggregation,
        key,
        estimate,
        which,
        weights,
        weightInfluence(sample.classCount(), classes, shares, atts));
  }

  /**
   * R's {@code wif(keepers, pg, ...) %*% att[keepers]} evaluated per class: {@code if1[i,k] =
   * (1{G_i = g_k} - pg_k) / S}, {@code if2[i,k] = sum_k'(1{G_i = g_k'} - pg_k') * pg_k / S^2}, with
   * {@code S = sum pg_k}.
   */
  static double[] weightInfluence(
      int classCount, int[] keeperClass, double[] keeperShare, double[] keeperAtt) {
    double total = Arrays.stream(keeperShare).sum();
    double shareWeightedAtt = 0;
    for (int k = 0; k < keeperClass.length; k++) {
      shareWeightedAtt += keeperShare[k] * keeperAtt[k];
    }
    double[] term = new double[classCount];
    for (int c = 0; c < classCount; c++) {
      double deviationSum = 0;
      double numerator = 0;
      for (int k = 0; k < keeperClass.length; k++) {
        double deviation = (keeperClass[k] == c ? 1.0 : 0.0) - keeperShare[k];
        deviationSum += deviation;
        numerator += keeperAtt[k] * deviation;
      }
      term[c] = numerator / total - deviationSum * shareWeightedAtt / (total * total);
    }
    return term;
  }

  /** {@code sum_j weights[j] * parts[j] + extraClassTerm}, flattened back onto cells. */
  private static LinearEstimand combine(
      String aggregation, List<LinearEstimand> parts, double[] weights, double[] extraClassTerm) {
    TreeMap<Integer, Double> cellWeights = new TreeMap<>();
    double[] classTerm = extraClassTerm == null ? null : extraClassTerm.clone();
    double estimate = 0;
    for (int j = 0; j < parts.size(); j++) {
      LinearEstimand part = parts.get(j);
      estimate += weights[j] * part.estimate();
      for (int k = 0; k < part.cells().length; k++) {
        cellWeights.merge(part.cells()[k], weights[j] * part.cellWeights()[k], Double::sum);
      }
      if (part.classTerm() != null) {
        if (classTerm == null) {
          classTerm = new double[part.classTerm().length];
        }
        for (int c = 0; c < classTerm.length; c++) {
          classTerm[c] += weights[j] * part.classTerm()[c];
        }
      }
    }
    int[] cells = cellWeights.keySet().stream().mapToInt(Integer::intValue).toArray();
    double[] w = cellWeights.values().stream().mapToDouble(Double::doubleValue).toArray();
    return new LinearEstimand(aggregation, AggregateEffect.OVERALL, estimate, cells, w, classTerm);
  }

  private static double[] equalWeights(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0 / n);
    return w;
  }

  private static int[] select(List<GroupTimeCell> cells, IntPredicate keep) {
    return java.util.stream.IntStream.range(0, cells.size())
        .filter(k -> cells.get(k).isValid() && keep.test(k))
        .toArray();
  }
}
