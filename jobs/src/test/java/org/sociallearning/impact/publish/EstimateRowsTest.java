package org.sociallearning.impact.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.effects.EstimateBasis;
import org.sociallearning.impact.effects.EstimateNote;
import org.sociallearning.impact.effects.GradedEstimate;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.effects.ParallelTrendsSensitivity;
import org.sociallearning.impact.schemas.MetricDefinition;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

/** The estimate rows fit the published contract, column by column, without a pipeline run. */
class EstimateRowsTest {

  @Test
  void everyColumnOfTheContractIsFilledInItsOrderAndType() {
    MetricEstimate ttr =
        new MetricEstimate(
            MetricDefinition.named("time_to_resolve_hours"),
            "all",
            -0.2,
            -0.3,
            -0.1,
            Math.expm1(-0.2),
            Math.expm1(-0.3),
            Math.expm1(-0.1),
            40,
            60,
            "test method",
            0.001,
            0.002,
            0.4,
            5,
            "event_time",
            List.of("a; b", "c"),
            List.of(),
            false,
            List.of(),
            List.of(),
            "group",
            -0.25,
            -0.35,
            -0.15,
            new MetricEstimate.MeanEffect(-6.5, -9.0, -4.0),
            new EstimateBasis(0.05, 400, Double.NaN, false),
            new ParallelTrendsSensitivity(1.7, -0.4, 0.05, Math.expm1(-0.4), Math.expm1(0.05)));
    MetricEstimate suppressed =
        new MetricEstimate(
            MetricDefinition.named("win_rate"),
            "all",
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            3,
            60,
            "m",
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0,
            "",
            List.of("suppressed"),
            List.of(),
            true,
            List.of());
    List<Row> rows =
        EstimateRows.estimates(
            GradedEstimate.of(List.of(ttr, suppressed), -0.10), java.util.Map.of());
    List<Row> read =
        TestSpark.session()
            .createDataFrame(rows, SparkSchemas.of(TableContract.load("impact_estimates")))
            .collectAsList();
    Row r = read.get(0);
    assertEquals("time_to_resolve_hours", r.getAs("metric"));
    assertEquals("a, b; c", r.getAs("warnings"));
    assertEquals("group", r.getAs("aggregation"));
    assertEquals(-0.25, (double) r.getAs("simple_estimate"), 0.0);
    assertEquals(-0.15, (double) r.getAs("simple_ci_high"), 0.0);
    assertEquals(-6.5, (double) r.getAs("mean_effect"), 0.0);
    assertEquals(-9.0, (double) r.getAs("mean_effect_ci_low"), 0.0);
    assertEquals(0.4, (double) r.getAs("pretrend_p_value"), 0.0);
    assertEquals(1.7, (double) r.getAs("breakdown_mbar"), 0.0);
    assertEquals(-0.4, (double) r.getAs("robust_ci_low"), 0.0);
    assertEquals(0.05, (double) r.getAs("robust_ci_high"), 0.0);
    assertEquals(Math.expm1(-0.4), (double) r.getAs("robust_relative_ci_low"), 0.0);
    assertEquals(Math.expm1(0.05), (double) r.getAs("robust_relative_ci_high"), 0.0);
    Row s = read.get(1);
    assertNull(s.getAs("estimate"));
    assertNull(s.getAs("aggregation"), "no aggregation behind a suppressed number");
    assertNull(s.getAs("mean_effect"));
    assertNull(s.getAs("pretrend_method"));
    assertNull(s.getAs("breakdown_mbar"));
    assertNull(s.getAs("robust_ci_low"));
    assertEquals(
        "strong", r.getAs("evidence"), "adjusted interval excludes 0, breakdown 1.7, 40 people");
    assertNull(s.getAs("evidence"), "no grade for a suppressed number");
    assertNull(s.getAs("participant_months"));
    assertNull(s.getAs("participant_months_needed"));
    assertEquals("main", r.getAs("analysis"));
    assertEquals("main", s.getAs("analysis"), "a suppressed row still names its analysis");
  }

  @Test
  void noteRowsFitTheirContract() {
    List<Row> rows =
        EstimateRows.notes(
            List.of(
                new EstimateNote("*", "all", "breakdown_unknown", "info", "plain", "technical"),
                new EstimateNote("win_rate", "all", "suppressed", "error", "plain", "suppressed")));
    List<Row> read =
        TestSpark.session()
            .createDataFrame(rows, SparkSchemas.of(TableContract.load("estimate_notes")))
            .collectAsList();
    assertEquals("*", read.get(0).getAs("metric"));
    assertEquals("breakdown_unknown", read.get(0).getAs("code"));
    assertEquals("technical", read.get(0).getAs("technical_text"));
    assertEquals("error", read.get(1).getAs("severity"));
  }
}
