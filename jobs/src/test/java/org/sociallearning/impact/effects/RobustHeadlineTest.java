package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.BasePeriod;
import org.sociallearning.impact.estimation.Covariates;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.EstimationMethod;
import org.sociallearning.impact.publish.EstimateRows;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * The robust analysis from an unreliable main estimate to the published row: when it runs, with
 * which settings, and how it becomes the headline (no Spark, no estimator run).
 */
class RobustHeadlineTest {

  /** Position of the analysis column in impact_estimates. */
  private static final int ANALYSIS =
      org.sociallearning.impact.schemas.TableContract.load("impact_estimates")
          .columnNames()
          .indexOf("analysis");

  static MetricEstimate estimate(
      String segment, double estimate, double preTrend, boolean dip, String method) {
    return new MetricEstimate(
        MetricDefinition.named("time_to_resolve_hours"),
        segment,
        estimate,
        estimate - 0.1,
        estimate + 0.1,
        Math.expm1(estimate),
        Math.expm1(estimate - 0.1),
        Math.expm1(estimate + 0.1),
        40,
        60,
        method,
        0.001,
        0.004,
        preTrend,
        3,
        "group_time",
        List.of(),
        List.of(),
        false,
        List.of(),
        List.of(),
        "group",
        estimate,
        estimate - 0.1,
        estimate + 0.1,
        MetricEstimate.MeanEffect.NONE,
        new EstimateBasis(0.05, 400, Double.NaN, dip),
        ParallelTrendsSensitivity.NONE);
  }

  /** Participants joined after a bad month: the main estimate fires the dip check. */
  private static final MetricEstimate DIPPED = estimate("all", -0.35, 0.40, true, "main");

  /** Measured from a month before the dip, it passes. */
  private static final MetricEstimate ROBUST = estimate("all", -0.15, 0.60, false, "robust");

  @Test
  void onlyAnUnreliableOverallEstimateNeedsTheRobustAnalysis() {
    assertTrue(RobustAnalysis.neededFor(DIPPED));
    assertTrue(RobustAnalysis.neededFor(estimate("all", -0.2, 0.001, false, "m")));
    assertFalse(RobustAnalysis.neededFor(ROBUST), "a reliable estimate keeps its headline");
    assertFalse(
        RobustAnalysis.neededFor(estimate("department=Support", -0.35, 0.40, true, "m")),
        "segments are not re-estimated");
  }

  @Test
  void theRobustAnalysisMeasuresFromFurtherBackAndFitsCovariatesDoublyRobust() {
    DidOptions configured = DidOptions.defaults().withReplicates(199);
    DidOptions plain = RobustAnalysis.options(configured, Covariates.none());
    assertEquals(1, plain.anticipation());
    assertEquals(BasePeriod.UNIVERSAL, plain.basePeriod());
    assertEquals(199, plain.bootstrapReplicates(), "as cheap as the main estimate");
    assertFalse(plain.hasCovariates());
    DidOptions adjusted =
        RobustAnalysis.options(
            configured.withMethod(EstimationMethod.OUTCOME_REGRESSION),
            Covariates.none().withCategorical("department", Map.of("e1", "Support")));
    assertEquals(EstimationMethod.DOUBLY_ROBUST, adjusted.method());
    assertEquals(List.of("department"), adjusted.covariates().names());
    assertEquals(
        2,
        RobustAnalysis.options(configured.withAnticipation(2), Covariates.none()).anticipation(),
        "a longer configured anticipation is kept");
  }

  @Test
  void aRobustAnalysisThatPassesIsThePublishedHeadlineOfTheOverallRowOnly() {
    MetricEstimate segment = estimate("department=Support", -0.35, 0.40, true, "main");
    List<GradedEstimate> graded =
        GradedEstimate.of(List.of(DIPPED, segment), Map.of("time_to_resolve_hours", ROBUST), -0.10);

    GradedEstimate overall = graded.get(0);
    assertTrue(overall.robustHeadline());
    assertEquals("moderate", overall.evidence());
    assertEquals(ROBUST.estimate(), overall.estimate().estimate(), 0.0);
    assertTrue(overall.estimate().warnings().contains(HeadlineChoice.ROBUST_NOTE));
    assertFalse(graded.get(1).robustHeadline(), "a segment keeps its own estimate");
    assertEquals("unreliable", graded.get(1).evidence());

    List<Row> rows = EstimateRows.estimates(graded, java.util.Map.of());
    Row published = rows.get(0);
    assertEquals("robust", published.get(ANALYSIS));
    assertEquals("robust", published.get(10), "method names the robust analysis");
    assertEquals(-0.15, (double) published.get(2), 0.0);
    assertEquals("main", rows.get(1).get(ANALYSIS));
  }

  @Test
  void aRobustAnalysisThatFailsTooLeavesTheMainEstimateUnreliableAndPublished() {
    MetricEstimate alsoDipped = estimate("all", -0.30, 0.40, true, "robust");
    GradedEstimate g =
        GradedEstimate.of(List.of(DIPPED), Map.of("time_to_resolve_hours", alsoDipped), -0.10)
            .get(0);
    assertFalse(g.robustHeadline());
    assertSame(DIPPED, g.estimate());
    assertEquals("unreliable", g.evidence());
    Row published = EstimateRows.estimates(List.of(g), java.util.Map.of()).get(0);
    assertEquals("main", published.get(ANALYSIS), "the analysis column");
  }

  @Test
  void moneyIsNeverComputedFromAnUnreliableHeadline() {
    List<GradedEstimate> unreliable = GradedEstimate.of(List.of(DIPPED), Map.of(), -0.10);
    assertEquals("unreliable", unreliable.get(0).evidence());
    assertEquals(List.of(), GradedEstimate.valued(unreliable));
    List<GradedEstimate> promoted =
        GradedEstimate.of(List.of(DIPPED), Map.of("time_to_resolve_hours", ROBUST), -0.10);
    assertEquals(
        List.of(promoted.get(0).estimate()),
        GradedEstimate.valued(promoted),
        "the robust headline that passed its checks is valued");
  }
}
