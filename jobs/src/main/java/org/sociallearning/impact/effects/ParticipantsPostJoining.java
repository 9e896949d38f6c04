package org.sociallearning.impact.effects;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.GroupTimeEffect;
import org.sociallearning.impact.estimation.Panel;

/**
 * Estimation step: the participants' observations in the post-joining cells an estimate used (a
 * participant observed in the month and in the month before joining): their mean outcome, weighted
 * as the {@code group} aggregate weighs the cells, and how many participant-months there are.
 *
 * @param mean within a cohort every post-joining cell counts the same and cohorts count by their
 *     size; each cell's mean is over its people, weighted by their items on a weighted panel; NaN
 *     when there is no such cell
 * @param participantMonths participant-months in those cells
 */
public record ParticipantsPostJoining(double mean, long participantMonths) {

  public static ParticipantsPostJoining of(Panel panel, DidResult result) {
    Map<Integer, Integer> periodIndex = new HashMap<>();
    for (int i = 0; i < panel.periodCount(); i++) {
      periodIndex.put(panel.periods()[i], i);
    }
    Map<Integer, Integer> cohortSize = new HashMap<>();
    for (int g : panel.unitGroup()) {
      cohortSize.merge(g, 1, Integer::sum);
    }
    // Per cohort: the sum of its cells' means and how many cells.
    Map<Integer, double[]> cellMeans = new TreeMap<>();
    long participantMonths = 0;
    for (GroupTimeEffect cell : result.groupTime()) {
      Integer t = periodIndex.get(cell.time());
      int base = lastIndexBefore(panel.periods(), cell.group());
      if (!cell.isPostTreatment() || Double.isNaN(cell.att()) || t == null || base < 0) {
        continue;
      }
      double sum = 0;
      double weight = 0;
      for (int u = 0; u < panel.unitCount(); u++) {
        double y = panel.outcome()[u][t];
        if (panel.unitGroup()[u] == cell.group()
            && !Double.isNaN(y)
            && !Double.isNaN(panel.outcome()[u][base])) {
          double w = panel.isWeighted() ? panel.weight()[u][t] : 1.0;
          sum += w * y;
          weight += w;
          participantMonths++;
        }
      }
      if (weight > 0) {
        double[] cohort = cellMeans.computeIfAbsent(cell.group(), g -> new double[2]);
        cohort[0] += sum / weight;
        cohort[1]++;
      }
    }
    double weighted = 0;
    double weights = 0;
    for (Map.Entry<Integer, double[]> cohort : cellMeans.entrySet()) {
      double size = cohortSize.get(cohort.getKey());
      weighted += size * cohort.getValue()[0] / cohort.getValue()[1];
      weights += size;
    }
    return new ParticipantsPostJoining(
        weights == 0 ? Double.NaN : weighted / weights, participantMonths);
  }

  /** The index of the last period before {@code group}, -1 when there is none. */
  static int lastIndexBefore(int[] periods, int group) {
    int index = -1;
    for (int i = 0; i < periods.length && periods[i] < group; i++) {
      index = i;
    }
    return index;
  }
}
