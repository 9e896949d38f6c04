package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Covariate-adjusted ATT(g,t) on mpdta against R {@code did}: {@code att_gt(yname = "lemp", tname =
 * "year", idname = "countyreal", gname = "first.treat", xformla = ~lpop, control_group =
 * "nevertreated", base_period = "varying")}, whose printed estimates are rounded to 4 decimals.
 */
class StaggeredDidCovariatesMpdtaTest {

  /** Half a unit in the fourth decimal: R prints 4 decimals. */
  private static final double PRINTED = 0.5e-4;

  /** Cohort 2004: R's doubly robust ATT(2004, t) for t = 2004..2007, and its standard errors. */
  private static final double[] DR_ATT = {-0.0145, -0.0764, -0.1404, -0.1069};

  private static final double[] DR_SE = {0.0233, 0.0297, 0.0348, 0.0340};

  private static Panel panel;
  private static Covariates lpop;

  @BeforeAll
  static void read() {
    panel = MpdtaReference.panel();
    lpop =
        CovariateCsv.read(MpdtaReference.file(), "countyreal", "year", List.of("lpop"), Set.of());
  }

  @Test
  void doublyRobustMatchesR() {
    DidResult result = estimate(EstimationMethod.DOUBLY_ROBUST, 999);
    DidResult analytic = estimate(EstimationMethod.DOUBLY_ROBUST, 0);
    for (int t = 0; t < DR_ATT.length; t++) {
      GroupTimeEffect cell = cell(result, 2004, 2004 + t);
      String what = "dr ATT(2004," + (2004 + t) + ")";
      assertEquals(DR_ATT[t], cell.att(), PRINTED, what);
      assertEquals(DR_SE[t], cell.se(), 0.2 * DR_SE[t], what + " bootstrap se");
      assertEquals(
          DR_SE[t], cell(analytic, 2004, 2004 + t).se(), 0.2 * DR_SE[t], what + " analytic se");
    }
    assertTrue(result.warnings().isEmpty(), "no warnings expected: " + result.warnings());
  }

  @Test
  void outcomeRegressionAndWeightingAgreeWithDoublyRobustOnMpdta() {
    // R's reg gives ATT(2004,2004) = -0.0149 and ipw about -0.0145: on mpdta lpop barely
    // confounds, so all three land within a few thousandths of one another.
    assertEquals(
        -0.0149, cell(estimate(EstimationMethod.OUTCOME_REGRESSION, 0), 2004, 2004).att(), PRINTED);
    assertEquals(
        -0.0145, cell(estimate(EstimationMethod.INVERSE_PROBABILITY, 0), 2004, 2004).att(), 5e-4);
    DidResult dr = estimate(EstimationMethod.DOUBLY_ROBUST, 0);
    for (EstimationMethod method :
        List.of(EstimationMethod.OUTCOME_REGRESSION, EstimationMethod.INVERSE_PROBABILITY)) {
      DidResult other = estimate(method, 0);
      for (int k = 0; k < dr.groupTime().size(); k++) {
        assertEquals(
            dr.groupTime().get(k).att(), other.groupTime().get(k).att(), 3e-3, method + " " + k);
      }
    }
  }

  @Test
  void aConstantCovariateGivesTheUnadjustedEstimator() {
    // Intercept-only models: every method is the difference of mean changes, with the same
    // influence function, so point estimates and analytic standard errors coincide.
    Map<String, Double> one = new HashMap<>();
    for (String id : panel.unitIds()) {
      one.put(id, 1.0);
    }
    DidOptions plain = DidOptions.defaults().withReplicates(0);
    DidResult unadjusted = StaggeredDid.estimate(panel, plain);
    for (EstimationMethod method : EstimationMethod.values()) {
      DidResult adjusted =
          StaggeredDid.estimate(
              panel,
              plain
                  .withCovariates(Covariates.none().withContinuous("one", one))
                  .withMethod(method));
      for (int k = 0; k < unadjusted.groupTime().size(); k++) {
        GroupTimeEffect expected = unadjusted.groupTime().get(k);
        GroupTimeEffect actual = adjusted.groupTime().get(k);
        assertEquals(expected.att(), actual.att(), 1e-12, method + " att " + k);
        assertEquals(expected.se(), actual.se(), 1e-10, method + " se " + k);
      }
    }
  }

  @Test
  void aTwoLevelCategoryEqualsItsIndicatorAsContinuous() {
    Map<String, Double> indicator = new HashMap<>();
    Map<String, String> level = new HashMap<>();
    for (int i = 0; i < panel.unitCount(); i++) {
      boolean large = i % 3 == 0;
      indicator.put(panel.unitIds()[i], large ? 1.0 : 0.0);
      level.put(panel.unitIds()[i], large ? "large" : "small");
    }
    DidOptions base = DidOptions.defaults().withReplicates(0);
    for (EstimationMethod method : EstimationMethod.values()) {
      DidResult continuous =
          StaggeredDid.estimate(
              panel,
              base.withMethod(method).withCovariates(lpop.withContinuous("large", indicator)));
      DidResult categorical =
          StaggeredDid.estimate(
              panel, base.withMethod(method).withCovariates(lpop.withCategorical("size", level)));
      for (int k = 0; k < continuous.groupTime().size(); k++) {
        assertEquals(
            continuous.groupTime().get(k).att(),
            categorical.groupTime().get(k).att(),
            1e-10,
            method + " att " + k);
        assertEquals(
            continuous.groupTime().get(k).se(),
            categorical.groupTime().get(k).se(),
            1e-10,
            method + " se " + k);
      }
    }
  }

  private static DidResult estimate(EstimationMethod method, int replicates) {
    return StaggeredDid.estimate(
        panel,
        DidOptions.defaults().withReplicates(replicates).withCovariates(lpop).withMethod(method));
  }

  private static GroupTimeEffect cell(DidResult result, int group, int time) {
    return result.groupTime().stream()
        .filter(c -> c.group() == group && c.time() == time)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ATT(" + group + "," + time + ")"));
  }
}
