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
  static final String HEADER = "Summary,Issue key,Issue id,Issue Type,Status,Project key,"
      + "Priority,Resolution,Assignee,Assignee Id,Reporter,Created,Updated,Resolved,Labels,"
      + "Labels,Description,Watchers,Watchers,Comment,Comment,Custom field (Request Type),"
      + "Status Category";

  @TempDir Path dir;

  private Intake read(String extra) {
    PipelineConfig config = Fixtures.config(dir, Fixtures.ROSTER_SOURCE
        + "  service_desk: [{format: jira-sm-csv, path: jira.csv, timezone: Europe/Berlin"
        + extra + "}]\n");
    return new JiraServiceManagementAdapter().read(TestSpark.session(), config,
        Fixtures.source(config, "service_desk"));
  }

  @Test
  void germanExportWithRepeatedColumnsDuplicatesAndAccountIds() {
    Fixtures.write(dir.resolve("jira.csv"), true, "\r\n", HEADER,
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
    Fixtures.write(dir.resolve("people.csv"), false, "\n", "user_id,email",
        "5b10ac8d82e05b22cc7d4ef5,Ana.Silva@example.com", "Bo Chen,bo.chen@example.com");
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
    assertEquals(Timestamp.from(Instant.parse("2025-03-03T08:05:00Z")), first.get("resolved_at"),
        "Mär: the German month, read in the configured locale");
    assertEquals("5b10ac8d82e05b22cc7d4ef5", first.get("assignee_id"));
    assertEquals("ana.silva@example.com", first.get("assignee_email"));
    assertEquals("Get IT help", first.get("category"));
    assertEquals("High", first.get("priority"));
    Map<String, Object> open = tickets.get("SD-2");
    assertEquals(Timestamp.from(Instant.parse("2024-10-14T09:30:00Z")), open.get("opened_at"),
        "summer time in October");
    assertNull(open.get("resolved_at"));
    assertNull(open.get("assignee_id"), "unassigned");
    Map<String, Object> resolved = tickets.get("SD-3");
    assertEquals("Erledigt", resolved.get("state"), "the newest Updated wins");
    assertEquals(Timestamp.from(Instant.parse("2024-12-01T11:00:00Z")),
        resolved.get("resolved_at"), "Dez. with its dot");
    assertEquals("bo.chen@example.com", resolved.get("assignee_email"), "mapped by name");
    assertEquals(6L, resolved.get("source_line"), "the record after a quoted line break");
    assertEquals(List.of("Created: not a date-time like dd/MMM/yy h:mm a (de-DE, time zone"
        + " Europe/Berlin)"), Fixtures.strings(intake.quarantine().collectAsList(), "reason"));
  }

  @Test
  void englishDefaultsAndAnOwnPattern() {
    Fixtures.write(dir.resolve("jira.csv"), false, "\n", HEADER,
        "a,SD-9,10009,Incident,Done,SD,High,Done,Ana Silva,,x,2025-05-02 14:00,2025-05-02 15:00,"
            + "2025-05-02 15:30,,,,,,,,,Done");
    Map<String, Object> t = Fixtures.byKey(read(", timestamp_format: \"yyyy-MM-dd HH:mm\"")
        .accepted().collectAsList(), "ticket_id").get("SD-9");
    assertEquals(Timestamp.from(Instant.parse("2025-05-02T12:00:00Z")), t.get("opened_at"));
    assertEquals("Incident", t.get("category"), "Issue Type when there is no request type");
    assertEquals("Ana Silva", t.get("assignee_id"), "the name when there is no account id");
  }
}
