package org.sociallearning.impact.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.TestSpark;

class TimeToResolveTest {

  static final StructType TICKETS =
      new StructType()
          .add("ticket", DataTypes.StringType)
          .add("employee_id", DataTypes.StringType)
          .add("opened_at", DataTypes.TimestampType)
          .add("resolved_at", DataTypes.TimestampType)
          .add("closed_at", DataTypes.TimestampType);

  static Timestamp at(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }

  /** as_of 2026-10-31, 30-day horizon: items followed until 2026-11-01T00:00Z. */
  final OutcomeWindow window = new OutcomeWindow(LocalDate.of(2026, 10, 31), 30);

  Map<String, Row> items(Object[]... tickets) {
    List<Row> rows = new ArrayList<>();
    for (Object[] t : tickets) {
      rows.add(RowFactory.create(t));
    }
    Dataset<Row> frame = TestSpark.session().createDataFrame(rows, TICKETS);
    // Each assigned ticket gets its own assignee named after it, so each case is checked by name.
    Dataset<Row> named =
        frame.withColumn(
            "employee_id",
            org.apache.spark.sql.functions.when(
                frame.col("employee_id").isNotNull(), frame.col("ticket")));
    Map<String, Row> out = new TreeMap<>();
    for (Row r : TimeToResolve.items(named, window).collectAsList()) {
      out.put(r.getAs("employee_id"), r);
    }
    return out;
  }

  @Test
  void durationsAreFollowedForTheHorizonAndOnlyWholeObservableMonthsCount() {
    Map<String, Row> out =
        items(
            new Object[] {
              "resolved", "E1", at("2026-09-10T10:00:00Z"), at("2026-09-10T14:00:00Z"), null
            },
            new Object[] {
              "slow", "E1", at("2026-09-01T00:00:00Z"), at("2026-10-15T00:00:00Z"), null
            },
            new Object[] {"still-open", "E1", at("2026-09-20T00:00:00Z"), null, null},
            new Object[] {
              "resolved-after-as-of",
              "E1",
              at("2026-09-25T00:00:00Z"),
              at("2026-11-05T00:00:00Z"),
              null
            },
            new Object[] {
              "instant", "E1", at("2026-09-02T00:00:00Z"), at("2026-09-02T00:00:00Z"), null
            },
            new Object[] {
              "cancelled", "E1", at("2026-09-03T00:00:00Z"), null, at("2026-09-04T00:00:00Z")
            },
            // Closed unresolved only after the horizon: at the horizon it was an open ticket.
            new Object[] {
              "closed-late", "E1", at("2026-09-01T00:00:00Z"), null, at("2026-10-20T00:00:00Z")
            },
            new Object[] {
              "too-recent", "E1", at("2026-10-01T00:00:00Z"), at("2026-10-01T01:00:00Z"), null
            },
            new Object[] {
              "unassigned", null, at("2026-09-10T10:00:00Z"), at("2026-09-10T11:00:00Z"), null
            });
    double horizon = Math.log(30 * 24.0);
    assertEquals(Math.log(4), out.get("resolved").getDouble(2), 1e-9);
    assertEquals(
        horizon, out.get("slow").getDouble(2), 1e-9, "longer than the horizon counts as it");
    assertEquals(
        horizon,
        out.get("still-open").getDouble(2),
        1e-9,
        "open at as_of: censored at the horizon");
    assertEquals(
        horizon,
        out.get("resolved-after-as-of").getDouble(2),
        1e-9,
        "what happens after as_of is not known yet");
    assertEquals(
        Math.log(1.0 / 60), out.get("instant").getDouble(2), 1e-9, "floored at one minute");
    assertEquals(java.sql.Date.valueOf("2026-09-01"), out.get("resolved").getDate(1));
    assertEquals(
        horizon,
        out.get("closed-late").getDouble(2),
        1e-9,
        "how a ticket ends after the horizon cannot take it out of the sample");
    assertEquals(
        6,
        out.size(),
        "cancelled (closed unresolved), too-recent and unassigned are out: " + out.keySet());
  }

  @Test
  void theLastObservableMonthIsAWholeMonth() {
    // as_of 2026-10-31 and 30 days: items from 2026-10-02 on cannot be followed, so October is
    // left out entirely rather than represented by its first day.
    assertEquals(at("2026-10-01T00:00:00Z"), window.latestObservableStart());
    assertEquals(
        at("2026-10-01T00:00:00Z"),
        new OutcomeWindow(LocalDate.of(2026, 10, 30), 30).latestObservableStart());
    assertEquals(
        at("2026-09-01T00:00:00Z"),
        new OutcomeWindow(LocalDate.of(2026, 10, 29), 30).latestObservableStart());
  }
}
