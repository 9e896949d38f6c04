package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Simultaneous bands on mpdta against R {@code did}'s README, whose {@code att_gt} and {@code
 * aggte(type = "dynamic")} summaries print "[95% Simult. Conf. Band]" ({@code cband = TRUE}, the
 * default, 1000 bootstrap draws). Two versions of that README give, as (band end - att) / se:
 *
 * <ul>
 *   <li>the event study: 2.65 (event time -3: att 0.0305, se 0.0153, band -0.0101 to 0.0712) and
 *       2.53 (the same point, se 0.0153, band -0.0082 to 0.0692);
 *   <li>the group-time effects: 2.73 (2007/2004: att 0.0305, se 0.0162, band -0.0138 to 0.0748) and
 *       2.67 (2004/2006: att -0.1373, se 0.0380, band -0.2389 to -0.0357).
 * </ul>
 *
 * Both are random (other draws, other generator, Rademacher weights there and Mammen here), so ours
 * must lie between the pointwise 1.96 and Bonferroni over the family, and in a loose range around
 * R's.
 */
class StaggeredDidSimultaneousBandTest {

  private static final double Z = 1.959963984540054;

  private static DidResult result;
  private static DidResult analytic;

  @BeforeAll
  static void estimate() {
    Panel panel = MpdtaReference.panel();
    result = StaggeredDid.estimate(panel, DidOptions.defaults());
    analytic = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
  }

  @Test
  void eventStudyBandCoversEveryEventTimeAsR() {
    SimultaneousBand band = result.eventStudyBand();
    System.out.println("mpdta dynamic band critical value " + band.criticalValue());
    assertEquals(SimultaneousBand.Source.MULTIPLIER_BOOTSTRAP, band.source());
    assertEquals(7, band.effects(), "event times -3..3, as R's band");
    assertBetweenPointwiseAndBonferroni(band);
    assertEquals(2.59, band.criticalValue(), 0.16, "R's README prints att +- 2.53 to 2.65 se");
  }

  @Test
  void groupTimeBandCoversEveryCellAsR() {
    SimultaneousBand band = result.groupTimeBand();
    System.out.println("mpdta group-time band critical value " + band.criticalValue());
    assertEquals(12, band.effects());
    assertBetweenPointwiseAndBonferroni(band);
    assertEquals(2.70, band.criticalValue(), 0.16, "R's README prints att +- 2.67 to 2.73 se");
    GroupTimeEffect cell = result.cell(2004, 2006);
    assertEquals(
        cell.att() - band.criticalValue() * cell.se(), band.low(cell.att(), cell.se()), 1e-15);
    assertTrue(band.low(cell.att(), cell.se()) < cell.ciLow());
  }

  @Test
  void analyticErrorsSimulateTheBandFromTheInfluenceFunctions() {
    for (SimultaneousBand band :
        new SimultaneousBand[] {analytic.eventStudyBand(), analytic.groupTimeBand()}) {
      System.out.println("mpdta analytic band critical value " + band.criticalValue());
      assertEquals(SimultaneousBand.Source.NORMAL_SIMULATION, band.source());
      assertBetweenPointwiseAndBonferroni(band);
    }
    assertEquals(
        result.eventStudyBand().criticalValue(),
        analytic.eventStudyBand().criticalValue(),
        0.12,
        "the same correlation, simulated instead of bootstrapped");
  }

  @Test
  void aUniversalBaseLeavesItsZeroOutOfTheBand() {
    DidResult universal =
        StaggeredDid.estimate(
            MpdtaReference.panel(), DidOptions.defaults().withBasePeriod(BasePeriod.UNIVERSAL));
    // From the first period on: event times -4..3 and 15 cells, the base of each cohort among them.
    assertEquals(8, universal.byAggregation(AggregateEffect.DYNAMIC).size() - 1);
    assertEquals(7, universal.eventStudyBand().effects(), "event time -1 has no standard error");
    assertEquals(15, universal.groupTime().size());
    assertEquals(12, universal.groupTimeBand().effects(), "the three bases have none");
    AggregateEffect base = universal.find(AggregateEffect.DYNAMIC, "-1");
    assertFalse(Double.isFinite(universal.eventStudyBand().low(base.att(), base.se())));
  }

  private static void assertBetweenPointwiseAndBonferroni(SimultaneousBand band) {
    double bonferroni = StandardNormal.quantile(1 - 0.05 / (2 * band.effects()));
    assertTrue(
        band.criticalValue() > Z && band.criticalValue() < bonferroni,
        band.criticalValue() + " not between " + Z + " and Bonferroni " + bonferroni);
  }
}
