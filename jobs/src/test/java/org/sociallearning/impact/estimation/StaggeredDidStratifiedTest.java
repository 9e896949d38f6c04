package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Conditional parallel trends by exact stratification ({@link StratumMatching}): a single stratum
 * is the unstratified estimator to the last bit, and on departments with different trends and
 * different participation rates stratifying removes the bias that pooling creates.
 */
class StaggeredDidStratifiedTest {

  private static final double EFFECT = 0.5;

  @Test
  void oneStratumForEveryoneIsTheUnstratifiedEstimatorExactly() {
    Panel panel = MpdtaReference.panel();
    String[] everyone = new String[panel.unitCount()];
    Arrays.fill(everyone, "all");
    for (DidOptions options :
        List.of(
            DidOptions.defaults(),
            DidOptions.defaults().withReplicates(0),
            DidOptions.defaults().withControl(ControlGroup.NOT_YET_TREATED))) {
      DidResult plain = StaggeredDid.estimate(panel, options);
      DidResult stratified = StaggeredDid.estimate(panel, options, everyone);
      // Record equality compares doubles bit by bit: estimates, standard errors and intervals.
      assertEquals(plain.groupTime(), stratified.groupTime(), options.toString());
      assertEquals(plain.aggregates(), stratified.aggregates(), options.toString());
      assertEquals(plain.preTrend(), stratified.preTrend(), options.toString());
      assertEquals(plain.warnings(), stratified.warnings());
      assertEquals(plain.treatedUnits(), stratified.treatedUnits());
      assertEquals(plain.controlUnits(), stratified.controlUnits());
    }
  }

  @Test
  void stratifyingByDepartmentRemovesTheBiasOfDepartmentTrends() {
    DepartmentPanel data = departmentsWithOwnTrends(4000, 11);
    DidOptions options = DidOptions.defaults();
    AggregateEffect pooled = StaggeredDid.estimate(data.panel, options).simple();
    AggregateEffect matched = StaggeredDid.estimate(data.panel, options, data.department).simple();
    System.out.printf(
        "planted %.3f, unstratified %.4f [%.4f, %.4f], stratified %.4f [%.4f, %.4f]%n",
        EFFECT,
        pooled.att(),
        pooled.ciLow(),
        pooled.ciHigh(),
        matched.att(),
        matched.ciLow(),
        matched.ciHigh());
    assertTrue(
        pooled.ciLow() > EFFECT + 0.1, "pooled comparison picks up the sales trend: " + pooled);
    assertTrue(matched.ciLow() <= EFFECT && EFFECT <= matched.ciHigh(), "stratified: " + matched);
  }

  @Test
  void participantsWithoutAColleagueInTheirStratumAreDroppedWithAWarning() {
    DepartmentPanel data = departmentsWithOwnTrends(1500, 5);
    String[] strata = data.department.clone();
    int cohort = data.panel.unitGroup()[firstTreated(data.panel)];
    int loneParticipants = 0;
    int keptInCohort = 0;
    for (int i = 0; i < strata.length; i++) {
      if (data.panel.unitGroup()[i] == cohort && loneParticipants < 7) {
        strata[i] = "legal"; // a department where everyone joined
        loneParticipants++;
      } else if (data.panel.unitGroup()[i] == cohort) {
        keptInCohort++;
      }
    }
    DidResult result =
        StaggeredDid.estimate(data.panel, DidOptions.defaults().withReplicates(0), strata);
    assertTrue(
        result
            .warnings()
            .contains(
                loneParticipants
                    + " participants had fewer than 2 fellow participants or comparison colleagues in their stratum"
                    + " in some periods and were left out of those comparisons"),
        result.warnings().toString());
    assertEquals(keptInCohort, result.cell(cohort, cohort).nTreated());
    assertTrue(result.treatedUnits() < countTreated(data.panel));
  }

  @Test
  void aStratumWithOnePersonOnEitherSideIsLeftOutOfTheComparison() {
    DepartmentPanel data = departmentsWithOwnTrends(1500, 5);
    String[] strata = data.department.clone();
    int cohort = data.panel.unitGroup()[firstTreated(data.panel)];
    int[] placed =
        new int[4]; // lone participant, its 5 colleagues, 4 participants, their lone colleague
    for (int i = 0; i < strata.length; i++) {
      int g = data.panel.unitGroup()[i];
      if (g == cohort && placed[0] < 1) {
        strata[i] = "legal";
        placed[0]++;
      } else if (g == 0 && placed[1] < 5) {
        strata[i] = "legal";
        placed[1]++;
      } else if (g == cohort && placed[2] < 4) {
        strata[i] = "finance";
        placed[2]++;
      } else if (g == 0 && placed[3] < 1) {
        strata[i] = "finance";
        placed[3]++;
      }
    }
    DidResult result =
        StaggeredDid.estimate(data.panel, DidOptions.defaults().withReplicates(0), strata);
    assertTrue(
        result
            .warnings()
            .contains(
                "5 participants had fewer than 2 fellow participants or comparison"
                    + " colleagues in their stratum in some periods and were left out of those comparisons"),
        result.warnings().toString());

    // Leaving the two strata out is the same as not having those people at all.
    String[] without = strata.clone();
    for (int i = 0; i < without.length; i++) {
      if ("legal".equals(without[i]) || "finance".equals(without[i])) {
        without[i] = null;
      }
    }
    DidResult reference =
        StaggeredDid.estimate(data.panel, DidOptions.defaults().withReplicates(0), without);
    for (GroupTimeEffect cell : reference.groupTime()) {
      GroupTimeEffect same = result.cell(cell.group(), cell.time());
      assertEquals(cell.att(), same.att(), "ATT(" + cell.group() + "," + cell.time() + ")");
      assertEquals(cell.se(), same.se());
      assertEquals(cell.nTreated(), same.nTreated());
      assertEquals(cell.nControl(), same.nControl());
    }
    assertEquals(reference.treatedUnits(), result.treatedUnits());
    assertEquals(reference.controlUnits(), result.controlUnits());
  }

  @Test
  void unitsOfUnknownStratumAreDroppedAndWrongLengthsRejected() {
    DepartmentPanel data = departmentsWithOwnTrends(800, 3);
    String[] strata = data.department.clone();
    strata[0] = null;
    strata[1] = null;
    DidResult result =
        StaggeredDid.estimate(data.panel, DidOptions.defaults().withReplicates(0), strata);
    assertTrue(
        result.warnings().stream()
            .anyMatch(w -> w.startsWith("2 unit(s) without a stratum, dropped")),
        result.warnings().toString());
    assertThrows(
        IllegalArgumentException.class,
        () -> StaggeredDid.estimate(data.panel, DidOptions.defaults(), new String[] {"a"}));
  }

  @Test
  void bootstrapErrorsAgreeWithAnalyticErrorsWhenStratified() {
    DepartmentPanel data = departmentsWithOwnTrends(3000, 17);
    DidResult boot = StaggeredDid.estimate(data.panel, DidOptions.defaults(), data.department);
    DidResult analytic =
        StaggeredDid.estimate(data.panel, DidOptions.defaults().withReplicates(0), data.department);
    System.out.printf(
        "stratified simple ATT se: analytic %.5f, bootstrap %.5f%n",
        analytic.simple().se(), boot.simple().se());
    assertNotEquals(boot.simple().se(), analytic.simple().se());
    assertRelativelyClose(analytic.simple().se(), boot.simple().se(), "simple");
    for (GroupTimeEffect cell : analytic.groupTime()) {
      if (cell.time() >= cell.group()) {
        assertRelativelyClose(
            cell.se(),
            boot.cell(cell.group(), cell.time()).se(),
            "ATT(" + cell.group() + "," + cell.time() + ")");
      }
    }
  }

  /** The bootstrap's per-stratum sums must equal the definition mean_i(V_i psi_i). */
  @Test
  void stratifiedBootstrapDrawsEqualMeanOfWeightedInfluenceFunctions() {
    DepartmentPanel data = departmentsWithOwnTrends(600, 23);
    List<String> warnings = new ArrayList<>();
    EstimationSample sample = EstimationSample.prepare(data.panel, 0, data.department, warnings);
    List<GroupTimeCell> cells =
        GroupTimeEstimator.estimate(sample, ControlGroup.NOT_YET_TREATED, warnings).cells();
    List<LinearEstimand> estimands = new ArrayList<>();
    for (int k = 0; k < cells.size(); k++) {
      estimands.add(LinearEstimand.ofCell(k, cells.get(k)));
    }
    estimands.addAll(Aggregator.aggregate(sample, cells));
    double[][] draws =
        MultiplierBootstrap.draws(new BootstrapLayout(sample, cells), estimands, 3, 5);
    long[] seeds = MultiplierBootstrap.replicateSeeds(5, 3);
    double[] weights = new double[sample.unitCount];
    for (int e = 0; e < estimands.size(); e++) {
      double[] psi = InfluenceFunctions.dense(sample, cells, estimands.get(e));
      for (int r = 0; r < 3; r++) {
        MultiplierBootstrap.mammenWeights(seeds[r], weights);
        double expected = 0;
        for (int i = 0; i < psi.length; i++) {
          expected += weights[i] * psi[i];
        }
        expected /= sample.unitCount;
        assertEquals(
            expected, draws[e][r], 1e-12 * (1 + Math.abs(expected)), estimands.get(e).key());
      }
    }
  }

  private static void assertRelativelyClose(double expected, double actual, String what) {
    assertTrue(
        Math.abs(actual - expected) <= 0.15 * expected,
        what + ": analytic " + expected + ", bootstrap " + actual);
  }

  /** A panel, and per unit its department. */
  private record DepartmentPanel(Panel panel, String[] department) {}

  /**
   * Two departments whose outcomes trend differently (sales drifts up by 0.4 a period, support is
   * flat) and whose people join at different rates (70% vs 20%), so pooled comparisons mistake the
   * sales trend for an effect; within a department trends are parallel and the effect is {@link
   * #EFFECT} from joining on. Periods 1..8, cohorts 3, 5 and 7.
   */
  private static DepartmentPanel departmentsWithOwnTrends(int units, long seed) {
    Random random = new Random(seed);
    int[] periods = {1, 2, 3, 4, 5, 6, 7, 8};
    int[] cohorts = {3, 5, 7};
    double[] shock = new double[periods.length];
    for (int t = 1; t < periods.length; t++) {
      shock[t] = shock[t - 1] + 0.5 * random.nextGaussian();
    }
    int[] group = new int[units];
    double[][] outcome = new double[units][periods.length];
    String[] ids = new String[units];
    String[] department = new String[units];
    for (int i = 0; i < units; i++) {
      ids[i] = "e" + i;
      boolean sales = random.nextBoolean();
      department[i] = sales ? "sales" : "support";
      if (random.nextDouble() < (sales ? 0.7 : 0.2)) {
        group[i] = cohorts[random.nextInt(cohorts.length)];
      }
      double level = 5 + random.nextGaussian();
      for (int t = 0; t < periods.length; t++) {
        double trend = sales ? 0.4 * periods[t] : 0.0;
        double y = level + trend + shock[t] + 0.3 * random.nextGaussian();
        outcome[i][t] = group[i] != 0 && periods[t] >= group[i] ? y + EFFECT : y;
      }
    }
    return new DepartmentPanel(new Panel(periods, group, outcome, ids), department);
  }

  private static int firstTreated(Panel panel) {
    for (int i = 0; i < panel.unitCount(); i++) {
      if (panel.unitGroup()[i] != 0) {
        return i;
      }
    }
    throw new IllegalStateException("no treated unit");
  }

  private static int countTreated(Panel panel) {
    return (int) Arrays.stream(panel.unitGroup()).filter(g -> g != 0).count();
  }
}
