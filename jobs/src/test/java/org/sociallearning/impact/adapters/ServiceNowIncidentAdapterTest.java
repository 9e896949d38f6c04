package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.Intake;

class ServiceNowIncidentAdapterTest {

  static final String HEADER =
      "number,opened_at,short_description,description,priority,state,"
          + "category,assignment_group,assigned_to,assigned_to.email,resolved_at,closed_at,"
          + "reassignment_count,reopen_count,made_sla,sys_updated_on";

  @TempDir Path dir;

  private Intake read(String timezone) {
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  service_desk: [{format: servicenow-csv, path: incident.csv, timezone: \""
                + timezone
                + "\"}]\n");
    return new ServiceNowIncidentAdapter()
        .read(TestSpark.session(), config, Fixtures.source(config, "service_desk"));
  }

  @Test
  void incidentListWithDuplicatesOpenTicketsAndMultiLineText() {
    Fixtures.write(
        dir.resolve("incident.csv"),
        true,
        "\r\n",
        HEADER,
        // line 2: resolved, text with a comma, quotes and a line break inside quotes (2 lines)
        "INC0010001,2025-03-01 08:00:00,VPN down,\"User says \"\"it, broke\"\"\r\nafter update\","
            + "2 - High,Resolved,Network,Service Desk,Ana Silva,Ana.Silva@Example.com,"
            + "2025-03-01 10:30:00,2025-03-03 09:00:00,1,0,true,2025-03-03 09:00:00",
        // line 4: an older export of INC0010002, still in progress
        "INC0010002,2025-03-02 09:00:00,Printer,Jam,3 - Moderate,In Progress,Hardware,"
            + "Service Desk,Bo Chen,bo.chen@example.com,,,0,0,true,2025-03-02 10:00:00",
        // line 5: its newer export, resolved
        "INC0010002,2025-03-02 09:00:00,Printer,Jam,3 - Moderate,Resolved,Hardware,"
            + "Service Desk,Bo Chen,bo.chen@example.com,2025-03-04 09:00:00,,0,1,false,"
            + "2025-03-04 09:00:00",
        // line 6: still open, unassigned
        "INC0010003,2026-10-30 23:00:00,Laptop,Slow,4 - Low,New,Hardware,Service Desk,,,,,0,0,,"
            + "2026-10-30 23:00:00",
        // line 7: opened_at in another format: quarantined, not dropped
        "INC0010004,31/02/2025 10:00,Mail,Bounce,4 - Low,New,Email,Service Desk,Ana Silva,"
            + "ana.silva@example.com,,,0,0,true,2025-03-05 10:00:00");
    Intake intake = read("-06:00");

    assertEquals(5, intake.read());
    assertEquals(3, intake.acceptedCount());
    assertEquals(1, intake.quarantined());
    assertEquals(1, intake.deduplicated());

    Map<String, Map<String, Object>> tickets =
        Fixtures.byKey(intake.accepted().collectAsList(), "ticket_id");
    Map<String, Object> first = tickets.get("INC0010001");
    assertEquals(Timestamp.from(Instant.parse("2025-03-01T14:00:00Z")), first.get("opened_at"));
    assertEquals(Timestamp.from(Instant.parse("2025-03-01T16:30:00Z")), first.get("resolved_at"));
    assertEquals("ana.silva@example.com", first.get("assignee_email"));
    assertEquals(true, first.get("made_sla"));
    assertEquals(2L, first.get("source_line"));
    Map<String, Object> deduped = tickets.get("INC0010002");
    assertEquals("Resolved", deduped.get("state"), "the newest sys_updated_on wins");
    assertEquals(5L, deduped.get("source_line"));
    assertNull(tickets.get("INC0010003").get("resolved_at"), "open tickets stay, unresolved");

    Row bad = intake.quarantine().collectAsList().get(0);
    assertEquals(7L, (Long) bad.getAs("line"), "line counts the quoted line break");
    assertEquals("incident.csv", bad.getAs("file"));
    assertEquals(
        "opened_at: not a date-time like yyyy-MM-dd HH:mm:ss (time zone -06:00)",
        bad.getAs("reason"),
        "one reason per field: an unparseable value is not also 'missing'");
    assertEquals("31/02/2025 10:00", bad.getAs("value"));
  }

  /** Every field in quotes, as ServiceNow writes a list export. */
  static String quoted(String... fields) {
    return java.util.Arrays.stream(fields)
        .map(f -> "\"" + f.replace("\"", "\"\"") + "\"")
        .collect(java.util.stream.Collectors.joining(","));
  }

  static final String EFFORT_HEADER =
      quoted(
          "number",
          "opened_at",
          "short_description",
          "assigned_to.email",
          "resolved_at",
          "sys_updated_on",
          "time_worked");

  static String incident(String number, String timeWorked) {
    return quoted(
        number,
        "2025-03-03 09:00:00",
        "VPN drops, \"again\"",
        "ana@example.com",
        "2025-03-04 17:00:00",
        "2025-03-04 17:00:00",
        timeWorked);
  }

  /** List view, Export, CSV: time_worked as its display value, days of 24 hours. */
  @Test
  void timeWorkedDisplayValuesBecomeEffortHours() {
    Fixtures.write(
        dir.resolve("incident.csv"),
        true,
        "\r\n",
        EFFORT_HEADER,
        incident("INC0010011", "2 Hours 30 Minutes"),
        incident("INC0010012", "1 Day 2 Hours"),
        incident("INC0010013", "45 Seconds"),
        incident("INC0010014", ""),
        // line 6: the display value of a user whose language is German
        incident("INC0010015", "2 Stunden 30 Minuten"),
        incident("INC0010016", "42 Days"));
    Intake intake = read("UTC");

    Map<String, Map<String, Object>> tickets =
        Fixtures.byKey(intake.accepted().collectAsList(), "ticket_id");
    assertEquals(2.5, (Double) tickets.get("INC0010011").get("effort_hours"), 1e-9);
    assertEquals(26.0, (Double) tickets.get("INC0010012").get("effort_hours"), 1e-9);
    assertEquals(45 / 3600.0, (Double) tickets.get("INC0010013").get("effort_hours"), 1e-9);
    assertNull(tickets.get("INC0010014").get("effort_hours"), "nothing logged: no effort");
    assertEquals(
        1008.0,
        (Double) tickets.get("INC0010016").get("effort_hours"),
        1e-9,
        "implausible but possible: accepted and counted by the warn rule");
    assertEquals(5, intake.acceptedCount());
    Row bad = intake.quarantine().collectAsList().get(0);
    assertEquals(6L, (Long) bad.getAs("line"));
    assertEquals(
        "time_worked: not a duration like '2 Hours 30 Minutes', '1 Day 2 Hours',"
            + " '45 Seconds', '1970-01-01 02:30:00' or '1 02:30:00'",
        bad.getAs("reason"));
    assertEquals("2 Stunden 30 Minuten", bad.getAs("value"));
    assertEquals(
        1L,
        intake.checks().stream()
            .filter(c -> c.rule().name().equals("effort_plausible"))
            .findFirst()
            .orElseThrow()
            .rowsFailing());
  }

  /** An export of raw values (sysparm_display_value=false): the stored 1970-based date-time. */
  @Test
  void timeWorkedRawValuesBecomeEffortHoursAndANegativeOneIsQuarantined() {
    Fixtures.write(
        dir.resolve("incident.csv"),
        true,
        "\r\n",
        EFFORT_HEADER,
        incident("INC0010021", "1970-01-01 02:30:00"),
        incident("INC0010022", "1970-01-05 08:00:00"),
        incident("INC0010023", ""),
        incident("INC0010024", "1969-12-31 23:00:00"));
    Intake intake = read("UTC");

    Map<String, Map<String, Object>> tickets =
        Fixtures.byKey(intake.accepted().collectAsList(), "ticket_id");
    assertEquals(2.5, (Double) tickets.get("INC0010021").get("effort_hours"), 1e-9);
    assertEquals(
        104.0, (Double) tickets.get("INC0010022").get("effort_hours"), 1e-9, "4 Days 8 Hours");
    assertNull(tickets.get("INC0010023").get("effort_hours"));
    Row bad = intake.quarantine().collectAsList().get(0);
    assertEquals(5L, (Long) bad.getAs("line"));
    assertEquals("effort_hours: below the minimum 0.0", bad.getAs("reason"));
  }

  @Test
  void anExportWithoutTimeWorkedHasNoEffort() {
    Fixtures.write(
        dir.resolve("incident.csv"),
        false,
        "\n",
        HEADER,
        "INC1,2025-01-15 08:00:00,a,b,1 - Critical,Resolved,x,g,n,n@example.com,"
            + "2025-01-15 09:00:00,,0,0,true,2025-01-15 09:00:00");
    assertNull(read("UTC").accepted().first().getAs("effort_hours"));
  }

  @Test
  void ianaZonesFollowDaylightSaving() {
    Fixtures.write(
        dir.resolve("incident.csv"),
        false,
        "\n",
        HEADER,
        "INC1,2025-01-15 08:00:00,a,b,1 - Critical,Resolved,x,g,n,n@example.com,"
            + "2025-01-15 09:00:00,,0,0,true,2025-01-15 09:00:00",
        "INC2,2025-07-15 08:00:00,a,b,1 - Critical,Resolved,x,g,n,n@example.com,"
            + "2025-07-15 09:00:00,,0,0,true,2025-07-15 09:00:00");
    List<Row> rows = read("America/Chicago").accepted().orderBy("ticket_id").collectAsList();
    assertEquals(
        Timestamp.from(Instant.parse("2025-01-15T14:00:00Z")), rows.get(0).getAs("opened_at"));
    assertEquals(
        Timestamp.from(Instant.parse("2025-07-15T13:00:00Z")), rows.get(1).getAs("opened_at"));
  }

  @Test
  void resolvedBeforeOpenedAndNegativeCountsAreQuarantined() {
    Fixtures.write(
        dir.resolve("incident.csv"),
        false,
        "\n",
        HEADER,
        "INC1,2025-01-15 08:00:00,a,b,1 - Critical,Resolved,x,g,n,n@example.com,"
            + "2025-01-14 09:00:00,,0,0,true,2025-01-15 09:00:00",
        "INC2,2025-01-15 08:00:00,a,b,1 - Critical,Resolved,x,g,n,n@example.com,"
            + "2025-01-15 09:00:00,,-1,0,true,2025-01-15 09:00:00");
    List<Row> bad = read("UTC").quarantine().orderBy("line").collectAsList();
    assertEquals(
        List.of(
            "resolved_after_opened: resolved_at is before opened_at",
            "reassignment_count: below the minimum 0.0"),
        Fixtures.strings(bad, "reason"));
  }

  @Test
  void aBrokenQuoteStopsTheRunNamingFileAndLineInsteadOfLosingTheRestOfTheFile() {
    Fixtures.write(
        dir.resolve("incident.csv"),
        false,
        "\n",
        HEADER,
        "INC1,2025-01-15 08:00:00,a,b,1 - Critical,Resolved,x,g,n,n@example.com,"
            + "2025-01-15 09:00:00,,0,0,true,2025-01-15 09:00:00",
        "INC2,2025-01-15 08:00:00,a,\"quoted\"x,1 - Critical,Resolved,x,g,n,n@example.com,"
            + "2025-01-15 09:00:00,,0,0,true,2025-01-15 09:00:00",
        "INC3,2025-01-15 08:00:00,a,b,1 - Critical,Resolved,x,g,n,n@example.com,"
            + "2025-01-15 09:00:00,,0,0,true,2025-01-15 09:00:00");
    Exception e = assertThrows(Exception.class, () -> read("UTC"));
    String message = org.sociallearning.impact.cli.ImpactCli.oneLine(e);
    assertTrue(
        message.startsWith("incident.csv cannot be read from line 3 on (malformed CSV"), message);
    assertTrue(message.contains("Re-export the file or fix it at that line"), message);
  }

  @Test
  void missingRequiredColumnNamesFileAndColumn() {
    Fixtures.write(
        dir.resolve("incident.csv"), false, "\n", "number,opened_at", "INC1,2025-01-01 00:00:00");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("UTC"));
    assertTrue(
        e.getMessage()
            .contains(
                "incident.csv lacks column(s) [resolved_at, assigned_to.email,"
                    + " sys_updated_on]"),
        e.getMessage());
  }
}
