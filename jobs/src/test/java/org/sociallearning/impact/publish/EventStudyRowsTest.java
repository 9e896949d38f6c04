package org.sociallearning.impact.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.effects.EventTimeEffect;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.schemas.ColumnContract;
import org.sociallearning.impact.schemas.MetricDefinition;
import org.sociallearning.impact.schemas.TableContract;

/** Event-study rows fill the contract's columns in its order, the simultaneous band included. */
class EventStudyRowsTest {

  @Test
  void theBandFollowsThePointwiseIntervalInTheContractsOrder() {
    List<EventTimeEffect> points =
        List.of(
            new EventTimeEffect(
                -1, 0.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 40),
            new EventTimeEffect(2, -0.2, 0.05, -0.298, -0.102, -0.33, -0.07, 35));
    MetricEstimate estimate =
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
            "m",
            0.001,
            0.002,
            0.4,
            5,
            "event_time",
            List.of(),
            points,
            false,
            List.of());
    List<Row> rows = ResultTables.eventStudyRows(List.of(estimate));
    List<String> columns =
        TableContract.load("impact_event_study").columns().stream()
            .map(ColumnContract::name)
            .toList();
    Row base = rows.get(0);
    Row two = rows.get(1);
    assertEquals(columns.size(), two.size());
    assertEquals(2, two.get(columns.indexOf("event_time")));
    assertEquals(-0.298, two.get(columns.indexOf("ci_low")));
    assertEquals(-0.33, two.get(columns.indexOf("band_low")));
    assertEquals(-0.07, two.get(columns.indexOf("band_high")));
    assertEquals(35L, two.get(columns.indexOf("n_treated")));
    assertNull(base.get(columns.indexOf("band_low")), "no band where there is no se");
  }
}
