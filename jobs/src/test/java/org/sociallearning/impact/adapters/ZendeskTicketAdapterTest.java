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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.Intake;

class ZendeskTicketAdapterTest {

  @TempDir Path dir;

  private Intake read(String extra) {
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  service_desk: [{format: zendesk-json, path: tickets/"
                + extra
                + "}]\n");
    return new ZendeskTicketAdapter()
        .read(TestSpark.session(), config, Fixtures.source(config, "service_desk"));
  }

  static String ticket(long id, String created, String updated, String status, Long assignee) {
    return ticket(id, created, updated, status, assignee, "[{\"id\":1,\"value\":null}]");
  }

  static String ticket(
      long id, String created, String updated, String status, Long assignee, String customFields) {
    return "{\"url\":\"https://acme.zendesk.com/api/v2/tickets/"
        + id
        + ".json\",\"id\":"
        + id
        + ",\"external_id\":null,\"via\":{\"channel\":\"email\",\"source\":{\"from\":{},\"to\":{},"
        + "\"rel\":null}},\"created_at\":\""
        + created
        + "\",\"updated_at\":\""
        + updated
        + "\",\"type\":\"incident\",\"subject\":\"VPN \\\"down\\\"\",\"raw_subject\":\"VPN\","
        + "\"description\":\"It broke,\\nagain\",\"priority\":\"high\",\"status\":\""
        + status
        + "\",\"requester_id\":900,\"submitter_id\":900,\"assignee_id\":"
        + (assignee == null ? "null" : assignee)
        + ",\"group_id\":360001,"
        + "\"tags\":[\"vpn\",\"remote\"],\"custom_fields\":"
        + customFields
        + ","
        + "\"generated_timestamp\":1740000000}";
  }

  /** First page pretty-printed as the API returns it, with cursors around the records. */
  void writeExport() {
    Fixtures.write(
        dir.resolve("tickets/page-001.json"),
        false,
        "\n",
        "{",
        "  \"tickets\": [",
        "    " + ticket(101, "2025-03-01T08:00:00Z", "2025-03-01T08:05:00Z", "open", 7001L) + ",",
        "    " + ticket(102, "2025-03-02T09:00:00Z", "2025-03-02T09:00:00Z", "new", null) + ",",
        "    " + ticket(103, "2025-03-03T09:00:00Z", "2025-03-04T10:00:00Z", "solved", 7002L),
        "  ],",
        "  \"after_url\": \"https://acme.zendesk.com/api/v2/incremental/tickets/cursor.json"
            + "?cursor=MTU3NjYxMzUzOS4wfHw0Njd8\",",
        "  \"after_cursor\": \"MTU3NjYxMzUzOS4wfHw0Njd8\",",
        "  \"before_url\": null,",
        "  \"before_cursor\": null,",
        "  \"end_of_stream\": false",
        "}");
    // The second page in one line, as a script saving raw responses writes it.
    Fixtures.write(
        dir.resolve("tickets/page-002.json"),
        false,
        "\n",
        "{\"tickets\":["
            + ticket(101, "2025-03-01T08:00:00Z", "2025-03-05T12:00:00Z", "closed", 7001L)
            + ","
            + ticket(102, "2025-03-02T09:00:00Z", "2025-03-06T09:00:00Z", "deleted", null)
            + "],\"after_cursor\":null,\"end_of_stream\":true}");
    // The JSON-lines variant of the account export: one ticket per line.
    Fixtures.write(
        dir.resolve("tickets/export.jsonl"),
        false,
        "\n",
        ticket(104, "2025-03-07T09:00:00Z", "2025-03-07T10:00:00Z", "pending", 7003L),
        ticket(105, "not a date", "2025-03-07T10:00:00Z", "open", 7003L));
    Fixtures.write(
        dir.resolve("metrics.json"),
        false,
        "\n",
        "{\"ticket_metrics\":[",
        "{\"id\":1,\"ticket_id\":101,\"created_at\":\"2025-03-01T08:00:00Z\","
            + "\"updated_at\":\"2025-03-05T12:00:00Z\",\"group_stations\":2,"
            + "\"assignee_stations\":3,\"reopens\":1,\"replies\":4,\"solved_at\":null,"
            + "\"full_resolution_time_in_minutes\":{\"calendar\":2790,\"business\":737},"
            + "\"status_updated_at\":\"2025-03-05T12:00:00Z\"},",
        "{\"id\":2,\"ticket_id\":103,\"created_at\":\"2025-03-03T09:00:00Z\","
            + "\"updated_at\":\"2025-03-04T10:00:00Z\",\"group_stations\":1,"
            + "\"assignee_stations\":1,\"reopens\":0,\"replies\":1,"
            + "\"solved_at\":\"2025-03-04T10:00:00Z\","
            + "\"full_resolution_time_in_minutes\":{\"calendar\":1500,\"business\":540},"
            + "\"status_updated_at\":\"2025-03-04T10:00:00Z\"}",
        "],\"next_page\":null,\"previous_page\":null,\"count\":2}");
    Fixtures.write(
        dir.resolve("users.json"),
        false,
        "\n",
        "{\"users\":[{\"id\":7001,\"name\":\"Ana Silva\",\"email\":\"Ana.Silva@Example.com\","
            + "\"role\":\"agent\"},{\"id\":7002,\"name\":\"Bo Chen\",\"email\":\"bo@example.com\","
            + "\"role\":\"admin\"}],\"next_page\":null,\"count\":2}");
  }

  @Test
  void incrementalPagesJsonLinesMetricsAndUsers() {
    writeExport();
    Intake intake = read(", ticket_metrics: metrics.json, users: users.json");

    // 7 records: 101 twice, 102 twice (newest deleted), 103, 104, 105 (bad created_at)
    assertEquals(7, intake.read());
    assertEquals(3, intake.acceptedCount());
    assertEquals(1, intake.quarantined());
    assertEquals(2, intake.deduplicated());
    assertEquals(1, intake.skipped(), "the ticket deleted in Zendesk is no error");
    assertEquals(
        java.util.Map.of("status: deleted in Zendesk (soft delete)", 1L), intake.skipReasons());
    Map<String, Map<String, Object>> tickets =
        Fixtures.byKey(intake.accepted().collectAsList(), "ticket_id");
    assertEquals(List.of("101", "103", "104"), List.copyOf(tickets.keySet()));
    Map<String, Object> closed = tickets.get("101");
    assertEquals("zendesk", closed.get("source"));
    assertEquals("closed", closed.get("state"), "the newest version wins");
    assertEquals(
        Timestamp.from(Instant.parse("2025-03-03T06:30:00Z")),
        closed.get("resolved_at"),
        "created_at + full_resolution_time_in_minutes.calendar (2790)");
    assertEquals(Timestamp.from(Instant.parse("2025-03-05T12:00:00Z")), closed.get("closed_at"));
    assertEquals(2, closed.get("reassignment_count"), "three assignees: two reassignments");
    assertEquals(1, closed.get("reopen_count"));
    assertEquals("ana.silva@example.com", closed.get("assignee_email"));
    assertEquals("360001", closed.get("assignment_group"));
    assertEquals(1L, closed.get("source_line"), "the one-line second page");
    Map<String, Object> solved = tickets.get("103");
    assertEquals(Timestamp.from(Instant.parse("2025-03-04T10:00:00Z")), solved.get("resolved_at"));
    assertEquals(0, solved.get("reassignment_count"));
    assertEquals(5L, solved.get("source_line"), "line of the record inside the page");
    Map<String, Object> pending = tickets.get("104");
    assertNull(pending.get("resolved_at"), "not solved yet");
    assertNull(pending.get("reopen_count"), "no metrics for it");
    assertNull(pending.get("assignee_email"), "not in the users export");

    assertEquals(
        List.of(
            "export.jsonl:2 created_at: not an ISO 8601 date-time with a zone (Z or" + " +hh:mm)"),
        intake.quarantine().orderBy("file").collectAsList().stream()
            .map(
                r ->
                    Path.of(r.<String>getAs("file")).getFileName()
                        + ":"
                        + r.getAs("line")
                        + " "
                        + r.getAs("reason"))
            .toList());
  }

  /** The Time Tracking app's fields, as the ticket API lists them: ids with string values. */
  static String timeTracking(String total) {
    return "[{\"id\":360001234560,\"value\":\"Access, VPN\"},{\"id\":360001234567,\"value\":"
        + total
        + "},{\"id\":360001234568,\"value\":\"60\"}]";
  }

  void writeTimeTrackedTickets() {
    Fixtures.write(
        dir.resolve("tickets/page-001.json"),
        false,
        "\n",
        "{",
        "  \"tickets\": [",
        "    "
            + ticket(
                201,
                "2025-03-01T08:00:00Z",
                "2025-03-01T10:00:00Z",
                "solved",
                7001L,
                timeTracking("\"5400\""))
            + ",",
        "    "
            + ticket(
                202,
                "2025-03-01T08:00:00Z",
                "2025-03-01T10:00:00Z",
                "open",
                7001L,
                timeTracking("1200"))
            + ",",
        "    "
            + ticket(
                203,
                "2025-03-01T08:00:00Z",
                "2025-03-01T10:00:00Z",
                "new",
                null,
                timeTracking("null")),
        "  ],",
        "  \"after_cursor\": null,",
        "  \"end_of_stream\": true",
        "}");
    Fixtures.write(
        dir.resolve("tickets/export.jsonl"),
        false,
        "\n",
        ticket(204, "2025-03-02T08:00:00Z", "2025-03-02T10:00:00Z", "open", 7001L),
        ticket(
            205,
            "2025-03-02T08:00:00Z",
            "2025-03-02T10:00:00Z",
            "open",
            7001L,
            timeTracking("\"20 min\"")),
        ticket(
            206,
            "2025-03-02T08:00:00Z",
            "2025-03-02T10:00:00Z",
            "open",
            7001L,
            timeTracking("\"-600\"")),
        ticket(
            207,
            "2025-03-02T08:00:00Z",
            "2025-03-02T10:00:00Z",
            "open",
            7001L,
            "{\"360001234567\":\"5400\"}"));
  }

  /** effort_field names the "Total time spent (sec)" field; its seconds become hours. */
  @Test
  void theConfiguredTimeTrackingFieldBecomesEffortHours() {
    writeTimeTrackedTickets();
    Intake intake = read(", effort_field: 360001234567");

    Map<String, Map<String, Object>> tickets =
        Fixtures.byKey(intake.accepted().collectAsList(), "ticket_id");
    assertEquals(List.of("201", "202", "203", "204"), List.copyOf(tickets.keySet()));
    assertEquals(1.5, (Double) tickets.get("201").get("effort_hours"), 1e-9, "\"5400\"");
    assertEquals(
        1200 / 3600.0,
        (Double) tickets.get("202").get("effort_hours"),
        1e-9,
        "a number works as well as a string");
    assertNull(tickets.get("203").get("effort_hours"), "no time tracked yet");
    assertNull(tickets.get("204").get("effort_hours"), "a ticket without the field");
    List<org.apache.spark.sql.Row> bad = intake.quarantine().orderBy("line").collectAsList();
    assertEquals(
        List.of(
            "custom_fields[360001234567]: not a whole number of seconds",
            "effort_hours: below the minimum 0.0",
            "custom_fields: not a list of {id, value} objects"),
        Fixtures.strings(bad, "reason"));
    assertEquals("20 min", bad.get(0).getAs("value"));
    assertEquals(List.of(2L, 3L, 4L), bad.stream().map(r -> r.<Long>getAs("line")).toList());
  }

  @Test
  void withoutEffortFieldNoCustomFieldIsRead() {
    writeTimeTrackedTickets();
    Intake intake = read("");
    assertEquals(7, intake.acceptedCount());
    assertEquals(0L, intake.accepted().filter("effort_hours is not null").count());
  }

  @Test
  void aTruncatedPageStopsTheRunNamingFileAndLine() {
    Fixtures.write(
        dir.resolve("tickets/page-001.json"),
        false,
        "\n",
        "{\"tickets\": [",
        ticket(101, "2025-03-01T08:00:00Z", "2025-03-01T08:05:00Z", "open", 7001L) + ",",
        "{\"id\": 102, \"created_at\": \"2025-03-0");
    Exception e = assertThrows(Exception.class, () -> read("").accepted().count());
    String message = org.sociallearning.impact.cli.ImpactCli.oneLine(e);
    assertTrue(message.contains("page-001.json cannot be read from line 3 on"), message);
  }
}
