package org.sociallearning.impact.bi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.privacy.Pseudonyms;
import org.sociallearning.impact.schemas.MetricDefinition;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

class BiTablesTest {

  static final int K = 3;
  static final Pseudonyms KEYS = new Pseudonyms("a-test-key-of-16-bytes".getBytes());

  static Dataset<Row> frame(StructType schema, List<Row> rows) {
    return TestSpark.session().createDataFrame(rows, schema);
  }

  static final StructType ROSTER =
      new StructType()
          .add("employee_id", DataTypes.StringType)
          .add("department", DataTypes.StringType)
          .add("job_title", DataTypes.StringType)
          .add("location", DataTypes.StringType)
          .add("hire_date", DataTypes.DateType);
  static final StructType PARTICIPANTS =
      new StructType()
          .add("employee_id", DataTypes.StringType)
          .add("cohort_month", DataTypes.DateType)
          .add("intensity", DataTypes.StringType);

  /** Four in Support, three in Sales, one alone in Legal; E1, E2, E5 joined in March 2026. */
  static Dataset<Row> roster() {
    List<Row> rows = new ArrayList<>();
    String[] depts = {
      "Support", "Support", "Support", "Support", "Sales", "Sales", "Sales", "Legal"
    };
    for (int i = 0; i < depts.length; i++) {
      rows.add(
          RowFactory.create(
              "E" + (i + 1),
              depts[i],
              i == 7 ? "General Counsel" : "Agent",
              "Berlin",
              Date.valueOf(LocalDate.of(2026, 10, 1).minusMonths(i * 14L))));
    }
    return frame(ROSTER, rows);
  }

  static Dataset<Row> participants() {
    Date march = Date.valueOf("2026-03-01");
    return frame(
        PARTICIPANTS,
        List.of(
            RowFactory.create("E1", march, "heavy"),
            RowFactory.create("E2", march, "light"),
            RowFactory.create("E5", march, "regular")));
  }

  @Test
  void dimEmployeeIsPseudonymousAndGeneralisesRareValues() {
    List<Row> rows =
        DimEmployee.of(roster(), participants(), LocalDate.of(2026, 11, 1), KEYS, K)
            .collectAsList();
    assertEquals(8, rows.size());
    assertEquals(
        TableContract.load("dim_employee").columnNames(),
        List.of(rows.get(0).schema().fieldNames()));
    Map<String, Row> byKey = new java.util.HashMap<>();
    rows.forEach(r -> byKey.put(r.getString(0), r));
    Row e1 = byKey.get(KEYS.of("E1"));
    assertEquals("Support", e1.getAs("department"));
    assertEquals("<1y", e1.getAs("tenure_band"));
    assertEquals(true, e1.getAs("participant"));
    assertEquals("2026-03", e1.getAs("joined_month"));
    Row legal = byKey.get(KEYS.of("E8"));
    assertEquals(DimEmployee.GENERALISED, legal.getAs("department"), "one person in Legal");
    assertEquals(DimEmployee.GENERALISED, legal.getAs("job_title"), "one General Counsel");
    assertEquals(
        DimEmployee.GENERALISED,
        byKey.get(KEYS.of("E5")).getAs("department"),
        "(other) with Legal alone would still be the one lawyer: the next smallest department,"
            + " Sales, joins it");
    assertEquals(4, rows.stream().filter(r -> "Support".equals(r.getAs("department"))).count());
    assertEquals("5y+", legal.getAs("tenure_band"));
    assertEquals(false, legal.getAs("participant"));
    assertNull(legal.getAs("joined_month"));
    assertTrue(rows.stream().noneMatch(r -> r.toString().contains("E1,")), "no HR ids");
  }

  @Test
  void outcomeFactsSplitByStatusUseGeometricMeansForDurationsAndSuppressSmallCells() {
    StructType itemSchema =
        new StructType()
            .add("employee_id", DataTypes.StringType)
            .add("month", DataTypes.DateType)
            .add("value", DataTypes.DoubleType);
    Date feb = Date.valueOf("2026-02-01");
    Date apr = Date.valueOf("2026-04-01");
    List<Row> items = new ArrayList<>();
    // April, Support: E1, E2 have joined, E3, E4 never: two people per status, below K = 3.
    // February, Support: E1, E2 (not yet), E3, E4 (never); then Sales: E5 (not yet), E6, E7.
    for (String e : List.of("E1", "E2", "E3", "E4")) {
      items.add(RowFactory.create(e, apr, Math.log(10)));
      items.add(RowFactory.create(e, feb, Math.log(e.equals("E1") ? 40 : 10)));
    }
    for (String e : List.of("E5", "E6", "E7")) {
      items.add(RowFactory.create(e, feb, Math.log(20)));
    }
    MetricDefinition ttr =
        MetricDefinition.all().stream()
            .filter(m -> m.name().equals("time_to_resolve_hours"))
            .findFirst()
            .orElseThrow();
    // E7 posted once: below the participation rule, so neither participant nor never.
    Dataset<Row> triedIt =
        frame(
            new StructType().add("employee_id", DataTypes.StringType),
            List.of(RowFactory.create("E7")));
    List<Row> rows =
        OutcomesMonthly.of(ttr, frame(itemSchema, items), roster(), participants(), triedIt, 2)
            .orderBy("month", "department", "participation_status")
            .collectAsList();
    assertEquals(
        TableContract.load("fact_service_outcomes_monthly").columnNames().size(),
        rows.get(0).size(),
        "every contract column");
    Row febSupportNotYet =
        rows.stream()
            .filter(
                r ->
                    r.getAs("month").equals("2026-02")
                        && r.getAs("department").equals("Support")
                        && r.getAs("participation_status").equals("not_yet"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        20.0,
        (double) febSupportNotYet.getAs("typical_value"),
        1e-9,
        "geometric mean of 40 and 10");
    assertEquals("geometric mean", febSupportNotYet.getAs("statistic"));
    assertEquals(2L, (long) febSupportNotYet.getAs("people"));
    Row febSalesNotYet =
        rows.stream()
            .filter(
                r ->
                    r.getAs("month").equals("2026-02")
                        && r.getAs("department").equals("Sales")
                        && r.getAs("participation_status").equals("not_yet"))
            .findFirst()
            .orElseThrow();
    assertEquals(true, febSalesNotYet.getAs("suppressed"), "E5 alone");
    assertNull(febSalesNotYet.getAs("typical_value"));
    assertNull(febSalesNotYet.getAs("people"));
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.getAs("month").equals("2026-04")
                        && r.getAs("participation_status").equals("participant")),
        "joined by April");
    Row febSalesTried =
        rows.stream()
            .filter(
                r ->
                    r.getAs("month").equals("2026-02")
                        && r.getAs("department").equals("Sales")
                        && r.getAs("participation_status").equals("tried_it"))
            .findFirst()
            .orElseThrow();
    assertEquals(true, febSalesTried.getAs("suppressed"), "E7 alone");
    Row febSalesNever =
        rows.stream()
            .filter(
                r ->
                    r.getAs("month").equals("2026-02")
                        && r.getAs("department").equals("Sales")
                        && r.getAs("participation_status").equals("never"))
            .findFirst()
            .orElseThrow();
    assertEquals(true, febSalesNever.getAs("suppressed"), "E6 alone once E7 tried it");
  }

  @Test
  void participationFactCountsActivePeopleAndNewParticipants() {
    StructType schema =
        new StructType()
            .add("employee_id", DataTypes.StringType)
            .add("occurred_at", DataTypes.TimestampType)
            .add("community", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (String e : List.of("E1", "E2", "E3", "E5")) {
      rows.add(RowFactory.create(e, Timestamp.valueOf("2026-03-10 10:00:00"), "ask-it"));
      rows.add(RowFactory.create(e, Timestamp.valueOf("2026-03-11 10:00:00"), "ask-it"));
    }
    rows.add(RowFactory.create("E1", Timestamp.valueOf("2026-03-12 10:00:00"), "cop-sales"));
    List<Row> out =
        ParticipationMonthly.of(frame(schema, rows), participants(), K)
            .orderBy("community")
            .collectAsList();
    assertEquals(
        RowFactory.create("2026-03", "ask-it", 4L, 8L, 3L, false).toString(),
        out.get(0).toString());
    assertEquals(
        RowFactory.create("2026-03", "cop-sales", null, null, null, true).toString(),
        out.get(1).toString());
  }

  @Test
  void dataQualityReconcilesAndNamesReasonsWithoutValues() {
    List<Row> rows =
        DataQuality.rows(
            List.of(
                new DataQuality.SourceFigures(
                    "sources.service_desk[0]",
                    "servicenow-csv",
                    11,
                    7,
                    2,
                    1,
                    3,
                    Map.of("opened_at: cannot parse", 2L),
                    1,
                    Map.of("deleted_at: soft delete", 1L),
                    Map.of("assignee_present", 4L),
                    Map.of("email", 5L, "unmatched", 3L))));
    assertEquals(11, rows.size());
    assertEquals(
        List.of(
            "rows_read",
            "rows_accepted",
            "rows_quarantined",
            "rows_deduplicated",
            "rows_skipped",
            "unmatched_identities",
            "quarantine_reason",
            "skip_reason",
            "quality_warning",
            "identity_match",
            "identity_match"),
        rows.subList(0, 11).stream().map(r -> r.getString(2)).toList());
    assertEquals(11L, rows.get(0).getLong(4));
    assertEquals(
        rows.get(0).getLong(4),
        rows.get(1).getLong(4)
            + rows.get(2).getLong(4)
            + rows.get(3).getLong(4)
            + rows.get(4).getLong(4));
    assertEquals(2.0 / 11, rows.get(6).getDouble(5), 1e-12);
    assertEquals("assignee_present", rows.get(8).getString(3));
    assertNull(rows.get(5).get(5), "no share for identities");
    assertNull(rows.get(9).get(5), "no share for identities");
    TestSpark.session()
        .createDataFrame(rows, SparkSchemas.of(TableContract.load("data_quality")))
        .count();
  }
}
