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
    return "{\"id\":\"" + id + "\",\"actor\":{\"objectType\":\"Agent\",\"name\":\"X\",\"mbox\":\""
        + mbox + "\"},\"verb\":{\"id\":\"" + verbIri + "\",\"display\":{\"en-US\":\"v\"}},"
        + "\"object\":{\"objectType\":\"Activity\",\"id\":\"" + object + "\"},\"timestamp\":\""
        + timestamp + "\",\"stored\":\"2025-03-04T10:15:01.000Z\",\"version\":\"1.0.3\"}";
  }

  @Test
  void socialAndFormalVerbsOffsetsAndBrokenLines() {
    Fixtures.write(dir.resolve("xapi/statements.jsonl"), false, "\n",
        statement("s1", "mailto:Ana.Silva@Example.com", "http://adlnet.gov/expapi/verbs/commented",
            "https://lms.example.com/community/cop-data/thread/1", "2025-03-04T10:15:00.000Z"),
        statement("s2", "mailto:ana.silva@example.com", "http://adlnet.gov/expapi/verbs/completed",
            "https://lms.example.com/course/SEC101", "2025-03-04T11:15:00+01:00"),
        "{\"id\":\"s3\",\"actor\":{\"mbox\":\"mailto:bo@example.com\"},\"verb\":{\"id\":",
        "",
        statement("s4", "mailto:bo@example.com", "http://activitystrea.ms/schema/1.0/join",
            "https://lms.example.com/community/ask-it", "04.03.2025 10:15"),
        statement("s1", "mailto:ana.silva@example.com", "http://adlnet.gov/expapi/verbs/commented",
            "https://lms.example.com/community/cop-data/thread/1", "2025-03-04T10:15:00.000Z"));
    PipelineConfig config = Fixtures.config(dir, Fixtures.ROSTER_SOURCE
        + "  learning: [{format: xapi-jsonl, path: xapi/statements.jsonl}]\n");
    Intake intake = new XapiStatementAdapter().read(TestSpark.session(), config,
        Fixtures.source(config, "learning"));

    assertEquals(5, intake.read(), "blank lines are not records");
    assertEquals(2, intake.acceptedCount());
    assertEquals(2, intake.quarantined());
    assertEquals(1, intake.deduplicated(), "the same statement id twice");
    Map<String, Map<String, Object>> s = Fixtures.byKey(intake.accepted().collectAsList(), "statement_id");
    assertEquals("ana.silva@example.com", s.get("s1").get("email"));
    assertEquals("commented", s.get("s1").get("verb"));
    assertEquals(true, s.get("s1").get("is_social"));
    assertEquals(false, s.get("s2").get("is_social"), "a course completion is formal learning");
    assertEquals(Timestamp.from(Instant.parse("2025-03-04T10:15:00Z")), s.get("s2").get("occurred_at"));
    List<org.apache.spark.sql.Row> bad = intake.quarantine().orderBy("line").collectAsList();
    assertEquals(List.of("3", "5"), Fixtures.strings(bad, "line"));
    String truncated = bad.get(0).getAs("reason");
    assertTrue(truncated.startsWith("record: unreadable: invalid JSON") && !truncated.contains(";"),
        "an unreadable line reports only that: " + truncated);
    assertEquals("timestamp: not an ISO 8601 date-time with a zone (Z or +hh:mm)",
        bad.get(1).getAs("reason"));
  }
}
