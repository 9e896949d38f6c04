package org.sociallearning.impact.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.QualitySettings;
import org.sociallearning.impact.ingest.CheckResult;
import org.sociallearning.impact.ingest.DataQualityException;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.job.ExitCode;
import org.sociallearning.impact.schemas.RowChecks;
import org.sociallearning.impact.schemas.TableContract;

/**
 * One rule of every kind on a test contract ({@code stage_history_fixture}): row rules as the
 * source is split, table rules once every source is read, and the error-rate gate.
 */
class QualityRulesTest {

  static final StructType RAW =
      new StructType()
          .add("opportunity_id", DataTypes.StringType)
          .add("stage", DataTypes.StringType)
          .add("entered_at", DataTypes.TimestampType)
          .add("left_at", DataTypes.TimestampType)
          .add("amount", DataTypes.DoubleType)
          .add(RawRecords.FILE, DataTypes.StringType)
          .add(RawRecords.LINE, DataTypes.LongType)
          .add(IntakeSplitter.SKIP_REASON, DataTypes.StringType);

  static Timestamp day(int d) {
    return Timestamp.from(Instant.parse("2025-03-01T00:00:00Z").plusSeconds(86400L * d));
  }

  static Row row(
      long line, String id, String stage, int entered, Integer left, double amount, String skip) {
    return RowFactory.create(
        id,
        stage,
        day(entered),
        left == null ? null : day(left),
        amount,
        "history.csv",
        line,
        skip);
  }

  /** Nine rows: each rule fails somewhere, one duplicate, one soft-deleted row. */
  static Intake historyWithOneProblemOfEachKind() {
    Dataset<Row> raw =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    row(2, "O1", "Prospecting", 0, 1, 10, null),
                    row(3, "O1", "Closed Won", 5, 4, 10, null), // left before entered: error
                    row(4, "O2", "Negotiation", 0, 1, 10, null), // unknown stage: warn
                    row(5, "O3", null, 0, null, 10, null), // no stage: warn; unknown deal: error
                    row(
                        6,
                        "O9",
                        "Prospecting",
                        2,
                        3,
                        -5,
                        null), // negative amount: warn; unknown deal
                    row(7, null, "Prospecting", 2, 3, 10, null), // no opportunity: error
                    row(8, "O2", "Prospecting", 0, 1, 10, "deleted in the CRM"),
                    row(9, "O2", "Prospecting", 0, 1, 10, null), // shares (O2, day 0) with line 4
                    row(10, "O1", "Prospecting", 0, 1, 10, null)), // the same record as line 2
                RAW);
    Dataset<Row> typed =
        raw.withColumn(
            IntakeSplitter.PROBLEMS,
            array(when(lit(false), RowChecks.problem("never", lit(null)))));
    return IntakeSplitter.split(
        "crm",
        "history-csv",
        List.of("history.csv"),
        typed,
        TableContract.load("stage_history_fixture"),
        List.of("opportunity_id", "stage", "entered_at"),
        List.of());
  }

  static Intake opportunities(String... ids) {
    StructType schema = new StructType().add("opportunity_id", DataTypes.StringType);
    List<Row> rows = java.util.Arrays.stream(ids).map(id -> (Row) RowFactory.create(id)).toList();
    Dataset<Row> accepted = TestSpark.session().createDataFrame(rows, schema);
    return new Intake(
        "crm",
        "salesforce-csv",
        "opportunities",
        List.of("Opportunity.csv"),
        accepted,
        accepted.limit(0),
        ids.length,
        0,
        0,
        ids.length);
  }

  static Map<String, CheckResult> byRule(Intake intake) {
    Map<String, CheckResult> out = new LinkedHashMap<>();
    intake.checks().forEach(c -> out.put(c.rule().name(), c));
    return out;
  }

  @Test
  void rowRulesQuarantineErrorsCountWarningsAndSkipSoftDeletedRows() {
    Intake intake = historyWithOneProblemOfEachKind();

    assertEquals(9, intake.read());
    assertEquals(1, intake.skipped());
    assertEquals(Map.of("deleted in the CRM", 1L), intake.skipReasons());
    assertEquals(2, intake.quarantined(), "the two error rows; warnings stay");
    assertEquals(1, intake.deduplicated());
    assertEquals(5, intake.acceptedCount());
    assertEquals(
        List.of(
            "left_after_entered: left_at is before entered_at",
            "opportunity_id: required value is missing"),
        Fixtures.strings(intake.quarantine().orderBy("line").collectAsList(), "reason"));
    Map<String, CheckResult> checks = byRule(intake);
    assertEquals(
        List.of(
            "opportunity_id_not_null",
            "left_after_entered",
            "stage_known",
            "stage_present",
            "amount_not_negative"),
        List.copyOf(checks.keySet()));
    for (CheckResult c : checks.values()) {
      assertEquals(8, c.rowsChecked(), "every live row, skipped ones not: " + c);
      assertEquals(1, c.rowsFailing(), c.toString());
    }
    assertEquals(CheckResult.FAIL, checks.get("left_after_entered").status());
    assertEquals(CheckResult.WARN, checks.get("stage_known").status());
    assertEquals(CheckResult.WARN, checks.get("amount_not_negative").status());
  }

  @Test
  void tableRulesMoveErrorsToQuarantineAfterEverySourceIsRead() {
    List<Intake> after =
        TableRules.apply(List.of(opportunities("O1", "O2"), historyWithOneProblemOfEachKind()));
    Intake history = after.get(1);

    assertEquals(3, history.acceptedCount());
    assertEquals(4, history.quarantined());
    assertEquals(
        history.read(),
        history.acceptedCount()
            + history.quarantined()
            + history.deduplicated()
            + history.skipped());
    assertEquals(3, history.accepted().count());
    List<Row> moved =
        history
            .quarantine()
            .filter(col("reason").startsWith("history_of"))
            .orderBy("line")
            .collectAsList();
    assertEquals(List.of("5", "6"), Fixtures.strings(moved, "line"));
    assertEquals(
        "history_of_known_opportunity: opportunity_id has no match in"
            + " opportunities.opportunity_id",
        moved.get(0).getAs("reason"));
    assertEquals("O3", moved.get(0).getAs("value"));
    Map<String, CheckResult> checks = byRule(history);
    CheckResult relationship = checks.get("history_of_known_opportunity");
    assertEquals(List.of(5L, 2L), List.of(relationship.rowsChecked(), relationship.rowsFailing()));
    assertEquals(CheckResult.FAIL, relationship.status());
    CheckResult unique = checks.get("one_row_per_stage_entry");
    assertEquals(2, unique.rowsFailing(), "lines 4 and 9 share a deal and an entry time");
    assertEquals(CheckResult.WARN, unique.status());
    assertSame(after.get(0).accepted(), after.get(0).accepted(), "other tables untouched");
    assertEquals(2, after.get(0).acceptedCount());
  }

  @Test
  void aRelationshipToATableNoSourceFeedsIsNotRunAndMovesNothing() {
    Intake history = TableRules.apply(List.of(historyWithOneProblemOfEachKind())).get(0);
    assertEquals(CheckResult.NOT_RUN, byRule(history).get("history_of_known_opportunity").status());
    assertEquals(2, byRule(history).get("one_row_per_stage_entry").rowsFailing());
    assertEquals(5, history.acceptedCount());
  }

  @Test
  void aSourceOverItsErrorRateFailsTheRunNamingSourceAndRuleWithExitCode4() {
    List<Intake> intakes =
        TableRules.apply(List.of(opportunities("O1", "O2"), historyWithOneProblemOfEachKind()));
    List<String> keys = List.of("sources.crm[0]", "sources.crm[1]");

    DataQualityException e =
        assertThrows(
            DataQualityException.class,
            () -> ErrorRateGate.check(intakes, keys, new QualitySettings(0.05, null)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "sources.crm[1] (history-csv): 4 of 8 rows (50.0%)"
                    + " failed error rules, above the allowed 5.0% (quality.max_error_rate)"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("most failing rule: history_of_known_opportunity (2 rows)"),
        e.getMessage());
    assertEquals(ExitCode.DATA_QUALITY, ExitCode.of(e));
    assertEquals(4, ExitCode.of(e).code());

    ErrorRateGate.check(intakes, keys, new QualitySettings(0.05, Map.of("sources.crm[1]", 0.5)));
    DataQualityException stricter =
        assertThrows(
            DataQualityException.class,
            () ->
                ErrorRateGate.check(
                    intakes, keys, new QualitySettings(0.9, Map.of("sources.crm[1]", 0.4))));
    assertTrue(
        stricter.getMessage().contains("(quality.max_error_rate_by_source.sources.crm[1])"),
        stricter.getMessage());
  }

  @Test
  void checksTableRowsFollowTheContract() {
    Intake history = TableRules.apply(List.of(historyWithOneProblemOfEachKind())).get(0);
    List<Row> rows =
        QualityChecksTable.rows(
            history.checks().stream().map(c -> c.forSource("sources.crm[1]")).toList());
    Dataset<Row> table =
        TestSpark.session()
            .createDataFrame(
                rows,
                org.sociallearning.impact.schemas.SparkSchemas.of(
                    TableContract.load("quality_checks")));
    Row notRun = table.filter(col("status").equalTo("not_run")).first();
    assertEquals("history_of_known_opportunity", notRun.getAs("rule"));
    assertEquals("relationship", notRun.getAs("rule_kind"));
    Row order = table.filter(col("rule").equalTo("left_after_entered")).first();
    assertEquals(0.125, (Double) order.getAs("failing_share"), 1e-12);
    assertEquals("sources.crm[1]", order.getAs("source"));
    assertFalse(table.filter(col("source").notEqual("sources.crm[1]")).count() > 0);
  }
}
