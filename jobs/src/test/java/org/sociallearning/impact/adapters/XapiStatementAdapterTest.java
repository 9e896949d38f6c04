package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class XapiStatementAdapterTest {

  @TempDir Path dir;

  static String statement(String id, String mbox, String verbIri, String object, String timestamp) {
    return "{\"id\":\""
        + id
        + "\",\"actor\":{\"objectType\":\"Agent\",\"name\":\"X\",\"mbox\":\""
        + mbox
        + "\"},\"verb\":{\"id\":\""
        + verbIri
        + "\",\"display\":{\"en-US\":\"v\"}},"
        + "\"object\":{\"objectType\":\"Activity\",\"id\":\""
        + object
        + "\"},\"timestamp\":\""
        + timestamp
        + "\",\"stored\":\"2025-03-04T10:15:01.000Z\",\"version\":\"1.0.3\"}";
  }

  @Test
  void socialAndFormalVerbsOffsetsAndBrokenLines() {
    Fixtures.write(
        dir.resolve("xapi/statements.jsonl"),
        false,
        "\n",
        statement(
            "s1",
            "mailto:Ana.Silva@Example.com",
            "http://adlnet.gov/expapi/verbs/commented",
            "https://lms.example.com/community/cop-data/thread/1",
            "2025-03-04T10:15:00.000Z"),
        statement(
            "s2",
            "mailto:ana.silva@example.com",
            "http://adlnet.gov/expapi/verbs/completed",
            "https://lms.example.com/course/SEC101",
            "2025-03-04T11:15:00+01:00"),
        "{\"id\":\"s3\",\"actor\":{\"mbox\":\"mailto:bo@example.com\"},\"verb\":{\"id\":",
        "",
        statement(
            "s4",
            "mailto:bo@example.com",
            "http://activitystrea.ms/schema/1.0/join",
            "https://lms.example.com/community/ask-it",
            "04.03.2025 10:15"),
        statement(
            "s1",
            "mailto:ana.silva@example.com",
            "http://adlnet.gov/expapi/verbs/commented",
            "https://lms.example.com/community/cop-data/thread/1",
            "2025-03-04T10:15:00.000Z"));
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  learning: [{format: xapi-jsonl, path: xapi/statements.jsonl}]\n");
    Intake intake =
        new XapiStatementAdapter()
            .read(TestSpark.session(), config, Fixtures.source(config, "learning"));

    assertEquals(5, intake.read(), "blank lines are not records");
    assertEquals(2, intake.acceptedCount());
    assertEquals(2, intake.quarantined());
    assertEquals(1, intake.deduplicated(), "the same statement id twice");
    Map<String, Map<String, Object>> s =
        Fixtures.byKey(intake.accepted().collectAsList(), "statement_id");
    assertEquals("ana.silva@example.com", s.get("s1").get("email"));
    assertEquals("commented", s.get("s1").get("verb"));
    assertEquals(true, s.get("s1").get("is_social"));
    assertEquals(false, s.get("s2").get("is_social"), "a course completion is formal learning");
    assertEquals(
        Timestamp.from(Instant.parse("2025-03-04T10:15:00Z")), s.get("s2").get("occurred_at"));
    List<org.apache.spark.sql.Row> bad = intake.quarantine().orderBy("line").collectAsList();
    assertEquals(List.of("3", "5"), Fixtures.strings(bad, "line"));
    String truncated = bad.get(0).getAs("reason");
    assertTrue(
        truncated.startsWith("record: unreadable: invalid JSON") && !truncated.contains(";"),
        "an unreadable line reports only that: " + truncated);
    assertEquals(
        "timestamp: not an ISO 8601 date-time with a zone (Z or +hh:mm)",
        bad.get(1).getAs("reason"));
  }

  static String accountStatement(
      String id, String homePage, String name, String verb, String timestamp) {
    return "{\"id\":\""
        + id
        + "\",\"actor\":{\"objectType\":\"Agent\",\"account\":{"
        + "\"homePage\":\""
        + homePage
        + "\",\"name\":\""
        + name
        + "\"}},\"verb\":{\"id\":"
        + "\"http://adlnet.gov/expapi/verbs/"
        + verb
        + "\"},\"object\":{\"id\":"
        + "\"https://lms.example.com/course/SEC101\"},\"timestamp\":\""
        + timestamp
        + "\"}";
  }

  /** SHA-1 of the mailto IRI, as xAPI defines mbox_sha1sum. */
  static String sha1(String text) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-1")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void lrsPagesAndArraysWithAccountsHashedMailboxesAndMailboxes() throws Exception {
    Fixtures.write(
        dir.resolve("roster.csv"),
        true,
        "\r\n",
        "Employee ID,Work Email",
        "E1,Ana.Silva@Example.com",
        "E2,bo@example.com");
    // Page 1 of GET /statements, pretty-printed as LRS consoles save it, with a "more" link.
    Fixtures.write(
        dir.resolve("lrs/page-001.json"),
        false,
        "\n",
        "{",
        "  \"statements\": [",
        "    "
            + accountStatement(
                "a1", "https://lms.example.com", "ana.s", "commented", "2025-03-04T10:15:00.000Z")
            + ",",
        "    "
            + accountStatement(
                "a2", "https://lms.example.com", "ghost", "commented", "2025-03-04T10:16:00Z")
            + ",",
        "    {\"id\":\"a3\",\"actor\":{\"mbox_sha1sum\":\""
            + sha1("mailto:Ana.Silva@Example.com")
            + "\"},\"verb\":{\"id\":"
            + "\"http://adlnet.gov/expapi/verbs/completed\"},\"object\":{\"id\":\"c1\"},"
            + "\"timestamp\":\"2025-03-04T12:00:00+02:00\"}",
        "  ],",
        "  \"more\": \"/xapi/statements?more=abc\"",
        "}");
    // Another export tool writes a bare array; it repeats a1.
    Fixtures.write(
        dir.resolve("lrs/extra/array.json"),
        false,
        "\n",
        "["
            + accountStatement(
                "a1", "https://lms.example.com", "ana.s", "commented", "2025-03-04T10:15:00.000Z")
            + ",",
        " {\"id\":\"a4\",\"actor\":{\"objectType\":\"Group\",\"member\":[]},"
            + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/shared\"},"
            + "\"timestamp\":\"2025-03-04T10:15:00Z\"},",
        " {\"id\":\"a5\",\"actor\":{\"mbox\":\"mailto:BO@example.com\"},\"verb\":{\"id\":"
            + "\"http://adlnet.gov/expapi/verbs/shared\"},\"timestamp\":\"2025-03-04T10:15:00-05:00\"}]");
    Fixtures.write(
        dir.resolve("account_emails.csv"),
        false,
        "\n",
        "home_page,account_name,email",
        "https://lms.example.com,ana.s,ana.silva@example.com");
    String yaml =
        "  roster: {format: hr-csv, path: roster.csv,"
            + " columns: {employee_id: Employee ID, email: Work Email}}\n"
            + "  learning: [{format: xapi-json, path: lrs/, account_emails: account_emails.csv}]\n";
    PipelineConfig config = Fixtures.config(dir, yaml);
    Intake intake =
        new XapiStatementAdapter()
            .read(TestSpark.session(), config, Fixtures.source(config, "learning"));

    assertEquals(6, intake.read(), "3 statements on the page, 3 in the array");
    assertEquals(2, intake.quarantined(), "the unmapped account and the group actor");
    assertEquals(1, intake.deduplicated());
    assertEquals(3, intake.acceptedCount());
    Map<String, Map<String, Object>> s =
        Fixtures.byKey(intake.accepted().collectAsList(), "statement_id");
    assertEquals("ana.silva@example.com", s.get("a1").get("email"), "account mapped");
    assertEquals("ana.silva@example.com", s.get("a3").get("email"), "hash of a roster email");
    assertEquals(
        Timestamp.from(Instant.parse("2025-03-04T10:00:00Z")), s.get("a3").get("occurred_at"));
    assertEquals("bo@example.com", s.get("a5").get("email"));
    assertEquals(
        Timestamp.from(Instant.parse("2025-03-04T15:15:00Z")), s.get("a5").get("occurred_at"));
    List<org.apache.spark.sql.Row> bad =
        intake.quarantine().orderBy("file", "line").collectAsList();
    assertEquals(
        List.of("lrs/extra/array.json:2", "lrs/page-001.json:4"),
        bad.stream().map(r -> r.getAs("file") + ":" + r.getAs("line")).toList());
    assertEquals(
        List.of(
            "actor: neither mbox, mbox_sha1sum nor account (groups are not read)",
            "actor: no email (mbox_sha1sum not on the roster, or account not in account_emails)"),
        Fixtures.strings(bad, "reason"));
  }
}
