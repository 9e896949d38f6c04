package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A planted effect behind a confounding covariate: units with a higher {@code x} (and units of the
 * "field" department) join more often and also trend upwards faster, so parallel trends hold only
 * conditional on the covariates. The unadjusted estimator is biased; each covariate-adjusted method
 * recovers the effect. Inverse probability weighting alone is the noisiest of the three here (its
 * weights {@code p / (1 - p)} are heavy-tailed in {@code x} and no outcome model absorbs the
 * covariate's trend): over seeds it centres on the effect, but it is only held to its own interval.
 */
class StaggeredDidCovariatesPlantedTest {

  private static final double EFFECT = -0.2;
  private static final int UNITS = 3000;
  private static final int[] PERIODS = {1, 2, 3, 4, 5, 6};

  /** Trend per period per unit of {@code x}, and extra trend of the field department. */
  private static final double X_TREND = 0.15;

  private static final double FIELD_TREND = 0.1;

  private record Generated(Panel panel, Covariates covariates) {}

  @Test
  void adjustmentRemovesTheBiasOfAConfoundedTrend() {
    Generated data = generate(20240611L);
    DidOptions options = DidOptions.defaults().withReplicates(199);
    AggregateEffect unadjusted = StaggeredDid.estimate(data.panel(), options).simple();
    assertTrue(
        unadjusted.att() - EFFECT > 0.1 && unadjusted.ciLow() > EFFECT,
        "confounding should bias the unadjusted estimate upwards: " + unadjusted);
    for (EstimationMethod method : EstimationMethod.values()) {
      DidResult adjusted =
          StaggeredDid.estimate(
              data.panel(), options.withCovariates(data.covariates()).withMethod(method));
      AggregateEffect simple = adjusted.simple();
      double tolerance =
          method == EstimationMethod.INVERSE_PROBABILITY ? Math.max(0.03, 3 * simple.se()) : 0.015;
      assertEquals(EFFECT, simple.att(), tolerance, method + ": " + simple);
      assertTrue(
          simple.ciLow() <= EFFECT && EFFECT <= simple.ciHigh(),
          method + " interval should cover " + EFFECT + ": " + simple);
      for (GroupTimeEffect cell : adjusted.groupTime()) {
        double truth = cell.isPostTreatment() ? EFFECT : 0.0;
        assertEquals(
            truth,
            cell.att(),
            5 * cell.se(),
            method + " ATT(" + cell.group() + "," + cell.time() + ")");
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameEstimates() {
    Generated data = generate(7L);
    DidOptions options = DidOptions.defaults().withReplicates(99).withCovariates(data.covariates());
    DidResult first = StaggeredDid.estimate(data.panel(), options);
    DidResult second = StaggeredDid.estimate(generate(7L).panel(), options);
    assertEquals(first.groupTime(), second.groupTime());
    assertEquals(first.simple(), second.simple());
  }

  /**
   * Cohorts joining in periods 3 and 5, never-participants otherwise. {@code P(join) =
   * logistic(-0.5 + 0.8 x + 0.8 field)}; {@code Y_it = a_i + (X_TREND x + FIELD_TREND field) t +
   * EFFECT [t >= g] + noise}.
   */
  private static Generated generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] group = new int[UNITS];
    double[][] outcome = new double[UNITS][PERIODS.length];
    String[] ids = new String[UNITS];
    Map<String, Double> x = new HashMap<>();
    Map<String, String> department = new HashMap<>();
    String[] departments = {"desk", "field", "remote"};
    for (int i = 0; i < UNITS; i++) {
      ids[i] = "u" + i;
      double xi = gaussian(random);
      String dept = departments[random.nextInt(departments.length)];
      double field = dept.equals("field") ? 1.0 : 0.0;
      double joins = 1 / (1 + Math.exp(0.5 - 0.8 * xi - 0.8 * field));
      group[i] = random.nextDouble() < joins ? (random.nextBoolean() ? 3 : 5) : 0;
      double level = 2 * gaussian(random) + 0.5 * xi;
      for (int t = 0; t < PERIODS.length; t++) {
        int period = PERIODS[t];
        double treated = group[i] != 0 && period >= group[i] ? EFFECT : 0.0;
        outcome[i][t] =
            level
                + (X_TREND * xi + FIELD_TREND * field) * period
                + treated
                + 0.1 * gaussian(random);
      }
      x.put(ids[i], xi);
      department.put(ids[i], dept);
    }
    Covariates covariates =
        Covariates.none().withContinuous("x", x).withCategorical("department", department);
    return new Generated(new Panel(PERIODS, group, outcome, ids), covariates);
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
