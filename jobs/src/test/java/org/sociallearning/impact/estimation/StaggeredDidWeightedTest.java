package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Item-weighted estimation ({@link Panel#weight()}): each side of an ATT(g,t) is the mean change
 * weighted by the items behind the month measured. Weights of 1 are the unweighted estimator to the
 * bit; a cell and its standard error match a direct computation; and when people with more items
 * gain more, the weighted estimate finds the item-weighted effect while the unweighted one finds
 * the per-person effect.
 */
class StaggeredDidWeightedTest {

  @Test
  void weightsOfOneAreTheUnweightedEstimatorExactly() {
    List<Panel> panels =
        List.of(
            MpdtaReference.panel(),
            SyntheticPanels.selectedOnLevels(
                SyntheticPanels.Spec.of(900, 8, 4, 0.3, 5).withMissingShare(0.2)));
    DidOptions analytic = DidOptions.defaults().withReplicates(0);
    for (Panel panel : panels) {
      Panel ones = withWeights(panel, (i, t) -> 1.0);
      String[] strata = randomStrata(panel.unitCount(), 3, 9);
      for (String[] s : Arrays.asList(null, strata)) {
        for (DidOptions options :
            List.of(analytic, analytic.withControl(ControlGroup.NOT_YET_TREATED))) {
          DidResult plain = StaggeredDid.estimate(panel, options, s);
          DidResult weighted = StaggeredDid.estimate(ones, options, s);
          // Record equality compares doubles bit by bit.
          assertEquals(plain.groupTime(), weighted.groupTime());
          assertEquals(plain.aggregates(), weighted.aggregates());
          assertEquals(plain.preTrend(), weighted.preTrend());
          assertEquals(plain.warnings(), weighted.warnings());
          assertEquals(plain.treatedUnits(), weighted.treatedUnits());
        }
      }
    }
  }

  @Test
  void weightedPanelsGetAnalyticErrorsWithANoteWhenTheBootstrapWasAskedFor() {
    Panel panel = withWeights(MpdtaReference.panel(), (i, t) -> 1 + (i + t) % 4);
    DidResult asked = StaggeredDid.estimate(panel, DidOptions.defaults());
    DidResult analytic = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
    assertEquals(analytic.aggregates(), asked.aggregates());
    assertTrue(
        asked.warnings().contains(StaggeredDid.WEIGHTED_ANALYTIC_ERRORS),
        asked.warnings().toString());
    assertFalse(analytic.warnings().contains(StaggeredDid.WEIGHTED_ANALYTIC_ERRORS));
    List<String> warnings = new ArrayList<>();
    EstimationSample sample = EstimationSample.prepare(panel, warnings);
    List<GroupTimeCell> cells =
        GroupTimeEstimator.estimate(sample, ControlGroup.NEVER_TREATED, warnings).cells();
    assertThrows(IllegalArgumentException.class, () -> new BootstrapLayout(sample, cells));
  }

  @Test
  void cellAndStandardErrorMatchADirectComputation() {
    Panel panel = randomlyWeighted(400, 3);
    DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
    int checked = 0;
    for (GroupTimeEffect cell : result.groupTime()) {
      double[] expected = directCell(panel, null, cell.group(), cell.time());
      assertEquals(expected[0], cell.att(), 1e-12, "ATT(" + cell.group() + "," + cell.time() + ")");
      assertEquals(
          expected[1], cell.se(), 1e-12, "se ATT(" + cell.group() + "," + cell.time() + ")");
      checked++;
    }
    assertEquals(3 * 5, checked);
  }

  @Test
  void stratifiedCellAndStandardErrorMatchADirectComputation() {
    Panel panel = randomlyWeighted(600, 4);
    String[] strata = randomStrata(panel.unitCount(), 2, 8);
    DidResult result =
        StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0), strata);
    for (GroupTimeEffect cell : result.groupTime()) {
      double[] expected = directCell(panel, strata, cell.group(), cell.time());
      assertEquals(expected[0], cell.att(), 1e-12, "ATT(" + cell.group() + "," + cell.time() + ")");
      assertEquals(
          expected[1], cell.se(), 1e-12, "se ATT(" + cell.group() + "," + cell.time() + ")");
    }
  }

  @Test
  void peopleWithMoreItemsGainingMoreSeparateItemAndPersonWeightedEffects() {
    ItemPanel data = effectGrowingWithItems(6000, 12);
    AggregateEffect byItem =
        StaggeredDid.estimate(data.weighted, DidOptions.defaults().withReplicates(0))
            .overall(AggregateEffect.GROUP);
    AggregateEffect byPerson =
        StaggeredDid.estimate(data.unweighted, DidOptions.defaults().withReplicates(0))
            .overall(AggregateEffect.GROUP);
    System.out.printf(
        "item-weighted truth %.4f, estimate %.4f [%.4f, %.4f]; person-weighted truth %.4f,"
            + " estimate %.4f [%.4f, %.4f]%n",
        data.itemTruth,
        byItem.att(),
        byItem.ciLow(),
        byItem.ciHigh(),
        data.personTruth,
        byPerson.att(),
        byPerson.ciLow(),
        byPerson.ciHigh());
    assertTrue(
        byItem.ciLow() <= data.itemTruth && data.itemTruth <= byItem.ciHigh(), byItem.toString());
    assertTrue(
        byPerson.ciLow() <= data.personTruth && data.personTruth <= byPerson.ciHigh(),
        byPerson.toString());
    assertTrue(
        byItem.ciLow() > data.personTruth,
        "the item-weighted interval excludes the per-person effect");
    assertTrue(
        byPerson.ciHigh() < data.itemTruth,
        "the per-person interval excludes the item-weighted effect");
  }

  @Test
  void weightsAreRequiredWhereOutcomesAreObserved() {
    Panel panel = MpdtaReference.panel();
    IllegalArgumentException zero =
        assertThrows(
            IllegalArgumentException.class,
            () -> withWeights(panel, (i, t) -> i == 3 && t == 2 ? 0.0 : 1.0));
    assertTrue(zero.getMessage().contains("weight 0.0 in period 2005"), zero.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> withWeights(panel, (i, t) -> i == 0 ? Double.NaN : 1.0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Panel.weighted(
                panel.periods(),
                panel.unitGroup(),
                panel.outcome(),
                panel.unitIds(),
                new double[panel.unitCount() - 1][panel.periodCount()]));
    double[][] outcome = {{1, Double.NaN}, {2, 3}};
    Panel missing =
        Panel.weighted(
            new int[] {1, 2},
            new int[] {0, 0},
            outcome,
            new String[] {"a", "b"},
            new double[][] {{2, 0}, {1, 1}});
    assertTrue(missing.isWeighted(), "no weight is needed where the outcome is missing");
  }

  /**
   * ATT(g,t) and its standard error from the formulas, with never-treated comparison units, base
   * period g - 1 after joining and t - 1 before; with strata, per stratum, weighted by the
   * participants' weight in each. Returns {att, se}.
   */
  private static double[] directCell(Panel panel, String[] strata, int g, int t) {
    int ti = Arrays.binarySearch(panel.periods(), t);
    int bi = Arrays.binarySearch(panel.periods(), t >= g ? g - 1 : t - 1);
    List<String> names =
        strata == null ? List.of("") : Arrays.stream(strata).distinct().sorted().toList();
    int k = names.size();
    double[] treatedWeight = new double[k];
    double[] treatedSum = new double[k];
    double[] controlWeight = new double[k];
    double[] controlSum = new double[k];
    int n = panel.unitCount();
    for (int i = 0; i < n; i++) {
      double change = panel.outcome()[i][ti] - panel.outcome()[i][bi];
      if (Double.isNaN(change)) {
        continue;
      }
      int s = strata == null ? 0 : names.indexOf(strata[i]);
      double w = panel.weight()[i][ti];
      if (panel.unitGroup()[i] == g) {
        treatedWeight[s] += w;
        treatedSum[s] += w * change;
      } else if (panel.unitGroup()[i] == 0) {
        controlWeight[s] += w;
        controlSum[s] += w * change;
      }
    }
    double totalTreated = Arrays.stream(treatedWeight).sum();
    double att = 0;
    for (int s = 0; s < k; s++) {
      att +=
          treatedWeight[s]
              / totalTreated
              * (treatedSum[s] / treatedWeight[s] - controlSum[s] / controlWeight[s]);
    }
    double sumSquares = 0;
    for (int i = 0; i < n; i++) {
      double change = panel.outcome()[i][ti] - panel.outcome()[i][bi];
      if (Double.isNaN(change)) {
        continue;
      }
      int s = strata == null ? 0 : names.indexOf(strata[i]);
      double w = panel.weight()[i][ti];
      double controlMean = controlSum[s] / controlWeight[s];
      double psi = 0;
      if (panel.unitGroup()[i] == g) {
        psi = n * w / totalTreated * (change - controlMean - att);
      } else if (panel.unitGroup()[i] == 0) {
        psi =
            -n * (treatedWeight[s] / totalTreated) * w / controlWeight[s] * (change - controlMean);
      }
      sumSquares += psi * psi;
    }
    return new double[] {att, Math.sqrt(sumSquares) / n};
  }

  private interface WeightOf {
    double at(int unit, int period);
  }

  private static Panel withWeights(Panel panel, WeightOf weightOf) {
    double[][] weight = new double[panel.unitCount()][panel.periodCount()];
    for (int i = 0; i < weight.length; i++) {
      for (int t = 0; t < weight[i].length; t++) {
        weight[i][t] = weightOf.at(i, t);
      }
    }
    return Panel.weighted(
        panel.periods(), panel.unitGroup(), panel.outcome(), panel.unitIds(), weight);
  }

  private static String[] randomStrata(int units, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] strata = new String[units];
    for (int i = 0; i < units; i++) {
      strata[i] = "s" + random.nextInt(count);
    }
    return strata;
  }

  /** Periods 1..6, cohorts 3, 4 and 5, 1 to 12 items per person-month, 10% of months unobserved. */
  private static Panel randomlyWeighted(int units, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] periods = {1, 2, 3, 4, 5, 6};
    int[] group = new int[units];
    double[][] outcome = new double[units][periods.length];
    double[][] weight = new double[units][periods.length];
    String[] ids = new String[units];
    for (int i = 0; i < units; i++) {
      ids[i] = "u" + i;
      group[i] = random.nextDouble() < 0.5 ? 0 : 3 + random.nextInt(3);
      double level = random.nextGaussian();
      for (int t = 0; t < periods.length; t++) {
        weight[i][t] = 1 + random.nextInt(12);
        double y = level + 0.2 * t + random.nextGaussian() / Math.sqrt(weight[i][t]);
        outcome[i][t] =
            random.nextDouble() < 0.1
                ? Double.NaN
                : group[i] != 0 && periods[t] >= group[i] ? y + 0.5 : y;
      }
    }
    return Panel.weighted(periods, group, outcome, ids, weight);
  }

  private record ItemPanel(
      Panel weighted, Panel unweighted, double itemTruth, double personTruth) {}

  /**
   * Each person handles a steady number of items a month (1 to 20) and gains 0.1 per item-per-month
   * from joining, so busy people gain most: the item-weighted effect is well above the per-person
   * one. Truths are those of the sample's participants, weighted by cohort size as the group
   * aggregation is. Periods 1..6, cohorts 3 and 5.
   */
  private static ItemPanel effectGrowingWithItems(int units, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] periods = {1, 2, 3, 4, 5, 6};
    int[] cohorts = {3, 5};
    int[] group = new int[units];
    double[][] outcome = new double[units][periods.length];
    double[][] weight = new double[units][periods.length];
    String[] ids = new String[units];
    double[] items = new double[cohorts.length];
    double[] itemEffect = new double[cohorts.length];
    double[] personEffect = new double[cohorts.length];
    int[] size = new int[cohorts.length];
    for (int i = 0; i < units; i++) {
      ids[i] = "e" + i;
      int perMonth = 1 + random.nextInt(20);
      double effect = 0.1 * perMonth;
      int c = random.nextInt(cohorts.length);
      if (random.nextDouble() < 0.4) {
        group[i] = cohorts[c];
        items[c] += perMonth;
        itemEffect[c] += perMonth * effect;
        personEffect[c] += effect;
        size[c]++;
      }
      double level = 3 + random.nextGaussian();
      for (int t = 0; t < periods.length; t++) {
        weight[i][t] = perMonth;
        double y = level + 0.1 * t + 0.5 * random.nextGaussian() / Math.sqrt(perMonth);
        outcome[i][t] = group[i] != 0 && periods[t] >= group[i] ? y + effect : y;
      }
    }
    double itemTruth = 0;
    double personTruth = 0;
    int participants = size[0] + size[1];
    for (int c = 0; c < cohorts.length; c++) {
      itemTruth += size[c] / (double) participants * itemEffect[c] / items[c];
      personTruth += size[c] / (double) participants * personEffect[c] / size[c];
    }
    return new ItemPanel(
        Panel.weighted(periods, group, outcome, ids, weight),
        new Panel(periods, group, outcome, ids),
        itemTruth,
        personTruth);
  }
}
