package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.estimation.Covariates;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.EstimationMethod;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.estimation.StaggeredDid;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * New hires: a learning curve is not the community's effect. A third of the people are hired during
 * the window and get faster anyway (ln(duration) +{@value #CURVE} in the hire month, declining
 * linearly to 0 over six months); most of them join a community in their first one or two months,
 * few tenured people do; joining changes nothing. The unadjusted estimate is a spurious speed-up;
 * adjusted for tenure ({@code covariates: [tenure_bands]}, doubly robust) it covers 0.
 */
class TenureAdjustmentPlantedTest {

  private static final double CURVE = 0.5;
  private static final int UNITS = 1500;
  private static final int MONTHS = 18;

  private record Generated(Panel panel, Map<String, Integer> hireMonth) {}

  @Test
  void theLearningCurveBiasesTheUnadjustedEstimateAndTenureAdjustmentRemovesIt() {
    Generated data = generate(20261204L);
    DidOptions options = DidOptions.defaults().withReplicates(199);
    AggregateEffect unadjusted = headline(StaggeredDid.estimate(data.panel(), options));
    assertTrue(
        unadjusted.att() < -0.1 && unadjusted.ciHigh() < 0,
        "the learning curve should look like a speed-up: " + unadjusted);
    DidResult result =
        StaggeredDid.estimate(
            data.panel(),
            options.withCovariates(tenure(data)).withMethod(EstimationMethod.DOUBLY_ROBUST));
    AggregateEffect adjusted = headline(result);
    assertTrue(
        adjusted.ciLow() <= 0 && 0 <= adjusted.ciHigh(),
        "tenure-adjusted interval should cover 0: "
            + adjusted
            + ", unadjusted "
            + unadjusted
            + result.warnings().subList(0, Math.min(8, result.warnings().size())));
    assertEquals(0, adjusted.att(), 0.05, adjusted.toString());
  }

  /**
   * Leaving out each person's first six months (exclude_months_after_hire: 6) removes the learning
   * curve too, at a price: new hires who joined then have no month before joining left, so the
   * estimate rests on the few tenured joiners.
   */
  @Test
  void excludingTheMonthsAfterHiringAlsoRemovesTheBias() {
    Generated data = generate(20261204L);
    Panel full = data.panel();
    double[][] kept = new double[full.unitCount()][];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = full.outcome()[i].clone();
      for (int t = 0; t < kept[i].length; t++) {
        if (full.periods()[t] - data.hireMonth().get(full.unitIds()[i]) < 6) {
          kept[i][t] = Double.NaN;
        }
      }
    }
    Panel excluded = new Panel(full.periods(), full.unitGroup(), kept, full.unitIds());
    AggregateEffect effect =
        headline(StaggeredDid.estimate(excluded, DidOptions.defaults().withReplicates(199)));
    assertTrue(effect.ciLow() <= 0 && 0 <= effect.ciHigh(), effect.toString());
  }

  @Test
  void thePublishedMethodTextSaysTenureAdjustmentIsOn() {
    Generated data = generate(1L);
    MetricEstimate published =
        MetricEstimation.estimate(
            MetricDefinition.named("time_to_resolve_hours"),
            data.panel(),
            DidOptions.defaults()
                .withReplicates(99)
                .withCovariates(tenure(data))
                .withMethod(EstimationMethod.DOUBLY_ROBUST),
            5);
    assertTrue(
        published
            .method()
            .contains(
                "doubly robust adjustment for tenure (months since hire at the base month, in"
                    + " bands 0, 1, 2, 3-5, 6-11, 12-23 and 24+)"),
        published.method());
  }

  private static AggregateEffect headline(DidResult result) {
    return result.byAggregation(AggregateEffect.GROUP).stream()
        .filter(AggregateEffect::isOverall)
        .findFirst()
        .orElseThrow();
  }

  private static Covariates tenure(Generated data) {
    return RosterCovariates.withTenureBands(
        Covariates.none(),
        (id, period) -> {
          int hired = data.hireMonth().get(id);
          return period < hired ? Double.NaN : period - hired;
        });
  }

  /**
   * Months 1..18. A third are hired in months 2..12 (nothing observed before), 80% of them join in
   * the month after hiring or the one after; of the tenured (hired 2 to 60 months before month 1),
   * 5% join in a random month 4..14. {@code Y_it = a_i + learning curve + noise}: no effect.
   */
  private static Generated generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] periods = new int[MONTHS];
    for (int t = 0; t < MONTHS; t++) {
      periods[t] = t + 1;
    }
    int[] group = new int[UNITS];
    double[][] outcome = new double[UNITS][MONTHS];
    String[] ids = new String[UNITS];
    Map<String, Integer> hireMonth = new HashMap<>();
    for (int i = 0; i < UNITS; i++) {
      ids[i] = "E" + i;
      boolean newHire = random.nextDouble() < 1.0 / 3;
      int hired = newHire ? 2 + random.nextInt(11) : 1 - 2 - random.nextInt(59);
      if (newHire) {
        group[i] = random.nextDouble() < 0.8 ? hired + 1 + random.nextInt(2) : 0;
      } else {
        group[i] = random.nextDouble() < 0.05 ? 4 + random.nextInt(11) : 0;
      }
      double level = 0.5 * gaussian(random);
      for (int t = 0; t < MONTHS; t++) {
        int k = periods[t] - hired;
        double curve = k >= 0 && k < 6 ? CURVE * (1 - k / 6.0) : 0;
        outcome[i][t] = k < 0 ? Double.NaN : level + curve + 0.2 * gaussian(random);
      }
      hireMonth.put(ids[i], hired);
    }
    return new Generated(new Panel(periods, group, outcome, ids), hireMonth);
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
