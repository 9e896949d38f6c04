package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.Intake;

class ServiceNowAuditLogAdapterTest {

  static final Path REAL =
      TestSpark.sharedDir()
          .resolve("realdata/servicenow-incident-event-log/incident_event_log.csv");
  static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
  static final String HEADER =
      "number,incident_state,active,reassignment_count,reopen_count,"
          + "sys_mod_count,made_sla,caller_id,opened_at,sys_updated_by,sys_updated_at,priority,"
          + "assignment_group,assigned_to,u_symptom,resolved_by,resolved_at,closed_at";

  @TempDir Path dir;

  private Intake read(String path, String extra) {
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  service_desk: [{format: servicenow-audit-csv, path: \""
                + path
                + "\""
                + extra
                + "}]\n");
    return new ServiceNowAuditLogAdapter()
        .read(TestSpark.session(), config, Fixtures.source(config, "service_desk"));
  }

  /** The rows of the real log per incident, oldest first, read independently of the adapter. */
  static Map<String, List<CSVRecord>> incidents(Path file) throws Exception {
    Map<String, List<CSVRecord>> out = new HashMap<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        out.computeIfAbsent(rec.get("number"), k -> new ArrayList<>()).add(rec);
      }
    }
    Comparator<CSVRecord> oldestFirst =
        Comparator.comparingInt((CSVRecord rec) -> Integer.parseInt(rec.get("sys_mod_count")))
            .thenComparing(rec -> LocalDateTime.parse(rec.get("sys_updated_at"), LOG_TIME))
            .thenComparingLong(CSVRecord::getRecordNumber);
    out.values().forEach(rows -> rows.sort(oldestFirst));
    return out;
  }

  static Timestamp utc(String logTime) {
    return Timestamp.from(LocalDateTime.parse(logTime, LOG_TIME).toInstant(ZoneOffset.UTC));
  }

  @Test
  void realEventLogKeepsEachIncidentsLatestRow() throws Exception {
    Map<String, List<CSVRecord>> expected = incidents(REAL);
    long rows = expected.values().stream().mapToLong(List::size).sum();
    long badOrder =
        expected.values().stream()
            .map(l -> l.get(l.size() - 1))
            .filter(
                rec ->
                    !"?".equals(rec.get("resolved_at"))
                        && utc(rec.get("resolved_at")).before(utc(rec.get("opened_at"))))
            .count();

    Intake intake = read(REAL.toString(), "");

    assertEquals(rows, intake.read());
    assertEquals(badOrder, intake.quarantined());
    assertEquals(expected.size() - badOrder, intake.acceptedCount());
    assertEquals(rows - expected.size(), intake.deduplicated());
    Map<String, Map<String, Object>> tickets =
        Fixtures.byKey(intake.accepted().collectAsList(), "ticket_id");
    for (String number : List.of("INC0000045", "INC0000130", "INC0000135")) {
      List<CSVRecord> history = expected.get(number);
      CSVRecord latest = history.get(history.size() - 1);
      Map<String, Object> t = tickets.get(number);
      assertEquals("servicenow", t.get("source"));
      assertEquals(latest.get("incident_state"), t.get("state"), number);
      assertEquals(utc(latest.get("opened_at")), t.get("opened_at"), number);
      assertEquals(utc(latest.get("closed_at")), t.get("closed_at"), number);
      assertEquals(
          Integer.valueOf(latest.get("reassignment_count")), t.get("reassignment_count"), number);
      String lastKnown = null;
      for (CSVRecord rec : history) {
        lastKnown = "?".equals(rec.get("assigned_to")) ? lastKnown : rec.get("assigned_to");
      }
      assertEquals(lastKnown, t.get("assignee_id"), number + ": last recorded assignee");
      assertNull(t.get("assignee_email"), "the log has names only");
      assertNull(t.get("effort_hours"), "the log has no time_worked");
    }
  }

  /**
   * Without ServiceNow's counters the adapter derives them from the history; on incidents whose log
   * is complete (sys_mod_count 0..n all present) they must mostly agree with the counters.
   */
  @Test
  void derivedCountersAgreeWithServiceNowsOwnOnCompleteLogs() throws Exception {
    Path stripped = dir.resolve("without_counters.csv");
    try (Reader r = Files.newBufferedReader(REAL, StandardCharsets.UTF_8);
        CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(stripped), CSVFormat.RFC4180)) {
      List<CSVRecord> records = CSVFormat.RFC4180.parse(r).getRecords();
      for (CSVRecord rec : records) {
        List<String> values = new ArrayList<>(rec.toList());
        values.remove(4);
        values.remove(3);
        out.printRecord(values);
      }
    }
    Map<String, Map<String, Object>> derived =
        Fixtures.byKey(read(stripped.toString(), "").accepted().collectAsList(), "ticket_id");
    int complete = 0;
    int reassignmentsAgree = 0;
    int reopensAgree = 0;
    for (Map.Entry<String, List<CSVRecord>> e : incidents(REAL).entrySet()) {
      List<CSVRecord> history = e.getValue();
      CSVRecord latest = history.get(history.size() - 1);
      if (Integer.parseInt(latest.get("sys_mod_count")) + 1 != history.size()) {
        continue;
      }
      complete++;
      Map<String, Object> t = derived.get(e.getKey());
      reassignmentsAgree +=
          Integer.valueOf(latest.get("reassignment_count")).equals(t.get("reassignment_count"))
              ? 1
              : 0;
      reopensAgree +=
          Integer.valueOf(latest.get("reopen_count")).equals(t.get("reopen_count")) ? 1 : 0;
    }
    assertTrue(complete >= 100, "enough complete logs to compare: " + complete);
    assertTrue(reassignmentsAgree >= 0.95 * complete, reassignmentsAgree + " of " + complete);
    assertTrue(reopensAgree >= 0.99 * complete, reopensAgree + " of " + complete);
  }

  /** time_worked is a running total: the latest row's value is the incident's effort. */
  @Test
  void timeWorkedComesFromTheLatestRow() {
    Fixtures.write(
        dir.resolve("log.csv"),
        true,
        "\r\n",
        HEADER + ",time_worked",
        "INC1,New,TRUE,0,0,0,TRUE,Caller 1,01-03-2025 08:00,Updated by 1,01-03-2025 08:05,"
            + "3 - Moderate,Group 1,Resolver 7,Symptom,?,?,?,?",
        "INC1,Active,TRUE,0,0,1,TRUE,Caller 1,01-03-2025 08:00,Updated by 1,01-03-2025 09:00,"
            + "3 - Moderate,Group 1,Resolver 7,Symptom,?,?,?,1 Hour 15 Minutes",
        "INC1,Resolved,TRUE,0,0,2,TRUE,Caller 1,01-03-2025 08:00,Updated by 1,"
            + "02-03-2025 10:00,3 - Moderate,Group 1,Resolver 7,Symptom,Resolved by 7,"
            + "02-03-2025 10:00,?,3 Hours 45 Minutes",
        "INC2,New,TRUE,0,0,0,TRUE,Caller 2,03-03-2025 08:00,Updated by 1,03-03-2025 08:00,"
            + "4 - Low,Group 1,Resolver 8,Symptom,?,?,?,?",
        "INC3,New,TRUE,0,0,0,TRUE,Caller 3,03-03-2025 08:00,Updated by 1,03-03-2025 08:00,"
            + "4 - Low,Group 1,Resolver 8,Symptom,?,?,?,2 hrs");
    Intake intake = read("log.csv", "");

    Map<String, Map<String, Object>> tickets =
        Fixtures.byKey(intake.accepted().collectAsList(), "ticket_id");
    assertEquals(3.75, (Double) tickets.get("INC1").get("effort_hours"), 1e-9);
    assertNull(tickets.get("INC2").get("effort_hours"), "? is missing");
    Row bad = intake.quarantine().collectAsList().get(0);
    assertEquals(6L, (Long) bad.getAs("line"));
    assertTrue(
        bad.<String>getAs("reason").startsWith("time_worked: not a duration like"),
        bad.<String>getAs("reason"));
    assertEquals("2 hrs", bad.getAs("value"));
  }

  @Test
  void eventRowsWithMissingMarkersTiesAndABadLatestRow() {
    Fixtures.write(
        dir.resolve("log.csv"),
        true,
        "\r\n",
        HEADER,
        // INC1: three updates; the tie on sys_mod_count 1 goes to the newer sys_updated_at
        "INC1,New,TRUE,0,0,0,TRUE,Caller 1,01-03-2025 08:00,Updated by 1,01-03-2025 08:05,"
            + "3 - Moderate,Group 1,?,\"Symptom\r\nwith a line break\",?,?,?",
        "INC1,Active,TRUE,1,0,1,TRUE,Caller 1,01-03-2025 08:00,Updated by 2,01-03-2025 09:00,"
            + "3 - Moderate,Group 2,Resolver 7,Symptom,?,?,?",
        "INC1,Active,TRUE,1,0,1,TRUE,Caller 1,01-03-2025 08:00,Updated by 3,01-03-2025 08:30,"
            + "3 - Moderate,Group 9,Resolver 9,Symptom,?,?,?",
        "INC1,Resolved,TRUE,1,0,2,FALSE,Caller 1,01-03-2025 08:00,Updated by 2,02-03-2025 10:00,"
            + "3 - Moderate,Group 2,?,Symptom,Resolved by 7,02-03-2025 10:00,?",
        // INC2: its latest row has a broken opened_at; the older row must not stand in for it
        "INC2,New,TRUE,0,0,0,TRUE,Caller 2,03-03-2025 08:00,Updated by 1,03-03-2025 08:00,"
            + "4 - Low,Group 1,Resolver 8,Symptom,?,?,?",
        "INC2,Closed,FALSE,0,0,1,TRUE,Caller 2,2025-03-03 08:00,Updated by 1,05-03-2025 08:00,"
            + "4 - Low,Group 1,Resolver 8,Symptom,Resolved by 8,04-03-2025 08:00,"
            + "05-03-2025 08:00",
        // a row without a usable sys_mod_count
        "INC3,New,TRUE,0,0,?,TRUE,Caller 3,03-03-2025 08:00,Updated by 1,03-03-2025 08:00,"
            + "4 - Low,Group 1,?,Symptom,?,?,?");
    Fixtures.write(
        dir.resolve("people.csv"),
        false,
        "\n",
        "user_id,email",
        "resolver 7,Ana.Silva@Example.com");
    Intake intake = read("log.csv", ", timezone: Europe/Berlin, user_emails: people.csv");

    assertEquals(7, intake.read());
    assertEquals(1, intake.acceptedCount());
    assertEquals(2, intake.quarantined());
    assertEquals(4, intake.deduplicated());
    Row inc1 = intake.accepted().first();
    assertEquals("Resolved", inc1.getAs("state"));
    assertEquals(Timestamp.from(Instant.parse("2025-03-01T07:00:00Z")), inc1.getAs("opened_at"));
    assertEquals(Timestamp.from(Instant.parse("2025-03-02T09:00:00Z")), inc1.getAs("resolved_at"));
    assertEquals("Resolver 7", inc1.getAs("assignee_id"), "the tie went to the newer update");
    assertEquals("ana.silva@example.com", inc1.getAs("assignee_email"));
    assertEquals(false, inc1.getAs("made_sla"));
    assertEquals(1, (Integer) inc1.getAs("reassignment_count"));
    assertEquals(6L, (Long) inc1.getAs("source_line"), "line counts the quoted line break");
    assertEquals(
        List.of(
            "opened_at: not a date-time like dd-MM-yyyy HH:mm (time zone" + " Europe/Berlin)",
            "sys_mod_count: required value is missing"),
        Fixtures.strings(intake.quarantine().orderBy("line").collectAsList(), "reason"));
  }
}
