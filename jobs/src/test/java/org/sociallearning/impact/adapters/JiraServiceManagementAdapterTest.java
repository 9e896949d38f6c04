package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

class JiraServiceManagementAdapterTest {

  /** Jira Cloud's "Export Excel CSV (all fields)": multi-value fields repeat their header. */
  static final String HEADER =
      "Summary,Issue key,Issue id,Issue Type,Status,Project key,"
          + "Priority,Resolution,Assignee,Assignee Id,Reporter,Created,Updated,Resolved,Labels,"
          + "Labels,Description,Watchers,Watchers,Comment,Comment,Custom field (Request Type),"
          + "Status Category";

  @TempDir Path dir;

  private Intake read(String extra) {
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  service_desk: [{format: jira-sm-csv, path: jira.csv, timezone: Europe/Berlin"
                + extra
                + "}]\n");
    return new JiraServiceManagementAdapter()
        .read(TestSpark.session(), config, Fixtures.source(config, "service_desk"));
  }

  @Test
  void germanExportWithRepeatedColumnsDuplicatesAndAccountIds() {
    Fixtures.write(
        dir.resolve("jira.csv"),
        true,
        "\r\n",
        HEADER,
        "VPN down,SD-1,10001,Incident,Erledigt,SD,High,Done,Ana Silva,5b10ac8d82e05b22cc7d4ef5,"
            + "Max Muster,28/Feb/25 4:45 PM,03/Mär/25 9:05 AM,03/Mär/25 9:05 AM,vpn,remote,"
            + "\"Geht nicht,\r\nseit gestern\",Ana Silva,Max Muster,"
            + "\"28/Feb/25 5:00 PM;5b10ac8d82e05b22cc7d4ef5;Schaue ich mir an\",,"
            + "Get IT help,Done",
        "Drucker,SD-2,10002,Service Request,Offen,SD,Medium,,,,Max Muster,14/Okt/24 11:30 AM,"
            + "14/Okt/24 11:30 AM,,,,,,,,,Request a new device,To Do",
        "Mail,SD-3,10003,Incident,In Arbeit,SD,Low,,Bo Chen,,Max Muster,29/Nov/24 8:00 AM,"
            + "29/Nov/24 9:00 AM,,mail,,,,,,,Get IT help,In Progress",
        "Mail,SD-3,10003,Incident,Erledigt,SD,Low,Done,Bo Chen,,Max Muster,29/Nov/24 8:00 AM,"
            + "01/Dez./24 12:00 PM,01/Dez./24 12:00 PM,mail,,,,,,,Get IT help,Done",
        "Laptop,SD-4,10004,Incident,Offen,SD,Low,,Bo Chen,,Max Muster,Gestern 10:00,"
            + "29/Nov/24 9:00 AM,,,,,,,,,,To Do");
    Fixtures.write(
        dir.resolve("people.csv"),
        false,
        "\n",
        "user_id,email",
        "5b10ac8d82e05b22cc7d4ef5,Ana.Silva@example.com",
        "Bo Chen,bo.chen@example.com");
    Intake intake = read(", locale: de-DE, user_emails: people.csv");

    assertEquals(5, intake.read());
    assertEquals(3, intake.acceptedCount());
    assertEquals(1, intake.quarantined());
    assertEquals(1, intake.deduplicated());
    Map<String, Map<String, Object>> tickets =
        Fixtures.byKey(intake.accepted().collectAsList(), "ticket_id");
    Map<String, Object> first = tickets.get("SD-1");
    assertEquals("jira", first.get("source"));
    assertEquals(Timestamp.from(Instant.parse("2025-02-28T15:45:00Z")), first.get("opened_at"));
    assertEquals(
        Timestamp.from(Instant.parse("2025-03-03T08:05:00Z")),
        first.get("resolved_at"),
        "Mär: the German month, read in the configured locale");
    assertEquals("5b10ac8d82e05b22cc7d4ef5", first.get("assignee_id"));
    assertEquals("ana.silva@example.com", first.get("assignee_email"));
    assertEquals("Get IT help", first.get("category"));
    assertEquals("High", first.get("priority"));
    assertNull(first.get("effort_hours"), "an export without Time Spent has no effort");
    Map<String, Object> open = tickets.get("SD-2");
    assertEquals(
        Timestamp.from(Instant.parse("2024-10-14T09:30:00Z")),
        open.get("opened_at"),
        "summer time in October");
    assertNull(open.get("resolved_at"));
    assertNull(open.get("assignee_id"), "unassigned");
    Map<String, Object> resolved = tickets.get("SD-3");
    assertEquals("Erledigt", resolved.get("state"), "the newest Updated wins");
    assertEquals(
        Timestamp.from(Instant.parse("2024-12-01T11:00:00Z")),
        resolved.get("resolved_at"),
        "Dez. with its dot");
    assertEquals("bo.chen@example.com", resolved.get("assignee_email"), "mapped by name");
    assertEquals(6L, resolved.get("source_line"), "the record after a quoted line break");
    assertEquals(
        List.of(
            "Created: not a date-time like dd/MMM/yy h:mm a (de-DE, time zone" + " Europe/Berlin)"),
        Fixtures.strings(intake.quarantine().collectAsList(), "reason"));
  }

  /** The time tracking columns of an "all fields" export, with sub-task sums beside them. */
  static final String TIME_TRACKING_HEADER =
      "Summary,Issue key,Issue id,Issue Type,Status,"
          + "Priority,Assignee,Assignee Id,Created,Updated,Resolved,Original estimate,"
          + "Remaining Estimate,Time Spent,Work Ratio,\u03a3 Original Estimate,"
          + "\u03a3 Remaining Estimate,\u03a3 Time Spent,Custom field (Request Type)";

  static String timed(String key, String timeSpent, String subTaskSum) {
    return "\"VPN drops, again\","
        + key
        + ",100"
        + key.substring(3)
        + ",Incident,Done,High,"
        + "Ana Silva,5b10ac8d82e05b22cc7d4ef5,03/Mar/25 9:05 AM,04/Mar/25 5:00 PM,"
        + "04/Mar/25 5:00 PM,7200,0,"
        + timeSpent
        + ",75%,14400,0,"
        + subTaskSum
        + ",Get IT help";
  }

  /** Time Spent is whole seconds of the issue's own work log; Σ Time Spent is not read. */
  @Test
  void timeSpentSecondsBecomeEffortHours() {
    Fixtures.write(
        dir.resolve("jira.csv"),
        true,
        "\r\n",
        TIME_TRACKING_HEADER,
        timed("SD-11", "5400", "9000"),
        timed("SD-12", "", ""),
        timed("SD-13", "1h 30m", "5400"),
        timed("SD-14", "-3600", "0"));
    Intake intake = read("");

    Map<String, Map<String, Object>> tickets =
        Fixtures.byKey(intake.accepted().collectAsList(), "ticket_id");
    assertEquals(List.of("SD-11", "SD-12"), List.copyOf(tickets.keySet()));
    assertEquals(
        1.5,
        (Double) tickets.get("SD-11").get("effort_hours"),
        1e-9,
        "5400 s of the issue itself, not the 9000 s including sub-tasks");
    assertNull(tickets.get("SD-12").get("effort_hours"), "no work logged: no effort");
    List<org.apache.spark.sql.Row> bad = intake.quarantine().orderBy("line").collectAsList();
    assertEquals(
        List.of("Time Spent: not a whole number of seconds", "effort_hours: below the minimum 0.0"),
        Fixtures.strings(bad, "reason"));
    assertEquals("1h 30m", bad.get(0).getAs("value"));
    assertEquals(
        List.of(4L, 5L), List.of(bad.get(0).<Long>getAs("line"), bad.get(1).<Long>getAs("line")));
  }

  @Test
  void englishDefaultsAndAnOwnPattern() {
    Fixtures.write(
        dir.resolve("jira.csv"),
        false,
        "\n",
        HEADER,
        "a,SD-9,10009,Incident,Done,SD,High,Done,Ana Silva,,x,2025-05-02 14:00,2025-05-02 15:00,"
            + "2025-05-02 15:30,,,,,,,,,Done");
    Map<String, Object> t =
        Fixtures.byKey(
                read(", timestamp_format: \"yyyy-MM-dd HH:mm\"").accepted().collectAsList(),
                "ticket_id")
            .get("SD-9");
    assertEquals(Timestamp.from(Instant.parse("2025-05-02T12:00:00Z")), t.get("opened_at"));
    assertEquals("Incident", t.get("category"), "Issue Type when there is no request type");
    assertEquals("Ana Silva", t.get("assignee_id"), "the name when there is no account id");
  }
}
