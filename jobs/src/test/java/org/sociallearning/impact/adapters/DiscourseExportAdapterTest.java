package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

class DiscourseExportAdapterTest {

  @TempDir Path dir;

  @Test
  void topicsRepliesSolutionsWhispersDeletionsAndMappedUsers() {
    Fixtures.write(
        dir.resolve("discourse/posts.csv"),
        false,
        "\n",
        "id,topic_id,post_number,reply_to_post_number,user_id,created_at,category,"
            + "accepted_answer,post_type,deleted_at",
        "501,77,1,,12,2025-03-04T10:00:00.000Z,ask-data,false,1,",
        "502,77,2,1,13,2025-03-04T10:20:00.000Z,ask-data,true,1,",
        "503,77,3,2,12,2025-03-04T10:25:00.000Z,ask-data,false,4,",
        "504,77,4,,-1,2025-03-04T10:30:00.000Z,ask-data,false,3,",
        "505,77,5,,13,2025-03-04T10:40:00.000Z,ask-data,false,1,2025-03-04T11:00:00.000Z",
        "506,78,1,,14,2025-03-04 10:00,ask-data,false,1,",
        "502,77,2,1,13,2025-03-04T10:20:00.000Z,ask-data,true,1,");
    Fixtures.write(
        dir.resolve("discourse/users.csv"),
        false,
        "\n",
        "id,name,username,email,title,created_at,last_seen_at,trust_level,active,admin,moderator",
        "12,Ana Silva,ana,Ana.Silva@Example.com,,2024-01-01T00:00:00Z,2025-03-04T00:00:00Z,2,true,"
            + "false,false",
        "13,Bo Chen,bo,bo.private@gmail.com,,2024-01-01T00:00:00Z,,1,true,false,false");
    Fixtures.write(
        dir.resolve("discourse/user_emails.csv"),
        false,
        "\n",
        "user_id,email",
        "13,bo.chen@example.com");
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  forum: [{format: discourse-export, path: discourse/posts.csv,"
                + " users: discourse/users.csv, user_emails: discourse/user_emails.csv}]\n");
    Intake intake =
        new DiscourseExportAdapter()
            .read(TestSpark.session(), config, Fixtures.source(config, "forum"));

    assertEquals(7, intake.read());
    assertEquals(1, intake.quarantined(), "the time without a zone");
    assertEquals(java.util.Map.of("deleted_at: deleted in Discourse", 1L), intake.skipReasons());
    assertEquals(1, intake.deduplicated());
    assertEquals(4, intake.acceptedCount());
    Map<String, Map<String, Object>> m =
        Fixtures.byKey(intake.accepted().collectAsList(), "message_id");
    Map<String, Object> topic = m.get("77:1");
    assertEquals("discourse", topic.get("source"));
    assertEquals("ask-data", topic.get("channel"));
    assertEquals("77:1", topic.get("thread_id"));
    assertEquals(false, topic.get("is_reply"));
    assertEquals("ana.silva@example.com", topic.get("email"));
    assertEquals("Ana Silva", topic.get("person_name"));
    assertEquals(Timestamp.from(Instant.parse("2025-03-04T10:00:00Z")), topic.get("occurred_at"));
    Map<String, Object> solution = m.get("77:2");
    assertEquals(true, solution.get("is_accepted_answer"));
    assertEquals(true, solution.get("is_reply"));
    assertEquals("bo.chen@example.com", solution.get("email"), "the mapping file wins");
    assertEquals(false, m.get("77:3").get("is_interaction"), "a whisper");
    assertEquals(false, m.get("77:4").get("is_interaction"), "the system user's small action");
    assertNull(m.get("77:4").get("email"));
    List<Row> bad = intake.quarantine().orderBy("line").collectAsList();
    assertEquals(List.of("7"), Fixtures.strings(bad, "line"));
    assertEquals(
        List.of("created_at: not an ISO 8601 date-time with a zone (Z or +hh:mm)"),
        Fixtures.strings(bad, "reason"));
  }
}
