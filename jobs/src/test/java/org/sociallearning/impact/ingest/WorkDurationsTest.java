package org.sociallearning.impact.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.TestSpark;

class WorkDurationsTest {

  private final WorkDurations.ServiceNowDuration serviceNow =
      new WorkDurations.ServiceNowDuration();

  /** The display values of a list export, as GlideDuration writes them (calendar days). */
  @Test
  void serviceNowDisplayValues() {
    assertEquals(9_000L, serviceNow.call("2 Hours 30 Minutes"));
    assertEquals(93_600L, serviceNow.call("1 Day 2 Hours"));
    assertEquals(45L, serviceNow.call("45 Seconds"));
    assertEquals(302_400L, serviceNow.call("3 Days 12 Hours"));
    assertEquals(211_000L, serviceNow.call(" 2 Days 10 Hours 36 Minutes 40 Seconds "));
    assertEquals(3_660L, serviceNow.call("1 Hour 1 Minute"));
    assertEquals(0L, serviceNow.call("0 Seconds"));
  }

  /** Raw values: the date-time a duration is stored as, counted from 1970-01-01 00:00:00. */
  @Test
  void serviceNowRawAndDurationValues() {
    assertEquals(9_000L, serviceNow.call("1970-01-01 02:30:00"));
    assertEquals(375_840L, serviceNow.call("1970-01-05 08:24:00"));
    assertEquals(
        -3_600L, serviceNow.call("1969-12-31 23:00:00"), "negative: left to the min check");
    assertEquals(9_000L, serviceNow.call("02:30:00"));
    assertEquals(302_400L, serviceNow.call("3 12:00:00"));
  }

  @Test
  void serviceNowShapesItDoesNotKnowAreNotGuessed() {
    for (String value :
        List.of(
            "2 Stunden 30 Minuten",
            "2h 30m",
            "2.5",
            "150",
            "Hours 2",
            "30 Minutes 2 Hours",
            "2 Hours 2 Hours",
            "1970-02-30 00:00:00",
            "1970-01-01 25:00:00",
            "-2 Hours",
            "99999999999 Days",
            "1 Weeks",
            "2 Hours and 30 Minutes")) {
      assertNull(serviceNow.call(value), value);
    }
    assertNull(serviceNow.call("  "));
    assertNull(serviceNow.call(null));
  }

  /** Whole seconds into hours; blanks are missing, everything else is a named problem. */
  @Test
  void wholeSecondsBecomeHoursWithAProblemForAnythingElse() {
    StructType schema = new StructType().add("raw", DataTypes.StringType);
    List<String> values =
        Arrays.asList(
            "5400", " 1200 ", "-3600", "0", null, " ", "1h 30m", "12.5", "99999999999999999999");
    List<Row> rows = new ArrayList<>();
    values.forEach(v -> rows.add(RowFactory.create(v)));
    FieldParsers.Parsed parsed = WorkDurations.seconds("Time Spent", col("raw"));
    List<Row> out =
        TestSpark.session()
            .createDataFrame(rows, schema)
            .select(parsed.value().as("hours"), parsed.problem().getField("reason").as("reason"))
            .collectAsList();
    assertEquals(
        List.of(1.5, 1200 / 3600.0, -1.0, 0.0),
        out.subList(0, 4).stream().map(r -> r.getDouble(0)).toList());
    for (Row r : out.subList(0, 6)) {
      assertNull(r.get(1), r.toString());
    }
    assertNull(out.get(4).get(0));
    assertNull(out.get(5).get(0), "blank is missing, not a problem");
    for (Row r : out.subList(6, 9)) {
      assertNull(r.get(0));
      assertEquals("Time Spent: not a whole number of seconds", r.getString(1));
    }
  }
}
