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

class VivaEngageExportAdapterTest {

  @TempDir Path dir;

  static final String MESSAGES_HEADER =
      "id,replied_to_id,thread_id,conversation_id,group_id,"
          + "group_name,participants,in_private_group,in_private_conversation,sender_id,sender_type,"
          + "sender_name,sender_email,body,api_url,attachments,deleted_by_id,deleted_by_type,"
          + "created_at,deleted_at";

  /** Writes Users.csv and Groups.csv of one export folder, as the export writes them. */
  static void usersAndGroups(Path folder) {
    Fixtures.write(
        folder.resolve("Users.csv"),
        true,
        "\r\n",
        "id,name,email,job_title,location,department,api_url,deleted_by_id,deleted_by_type,"
            + "joined_at,deleted_at,suspended_by_id,suspended_by_type,suspended_at,guid,state",
        "1501,\"Silva, Ana\",Ana.Silva@Example.com,Engineer,Lisbon,IT,"
            + "https://www.yammer.com/api/v1/users/1501,,,2023-01-10T08:00:00Z,,,,,ab12,active",
        "1502,Bo Chen,bo.chen@example.com,Agent,Berlin,Support,"
            + "https://www.yammer.com/api/v1/users/1502,,,2023-02-01T08:00:00Z,,,,,cd34,active");
    Fixtures.write(
        folder.resolve("Groups.csv"),
        true,
        "\r\n",
        "id,name,description,private,deleted,creator_type,creator_id,created_at,updated_at,api_url",
        "301,ask-it,\"Questions about IT, answered by peers\",false,false,user,1501,"
            + "2023-01-10T08:00:00Z,2023-01-10T08:00:00Z,https://www.yammer.com/api/v1/groups/301");
  }

  static String message(
      String id,
      String repliedTo,
      String thread,
      String group,
      String privateConv,
      String sender,
      String senderType,
      String body,
      String createdAt,
      String deletedAt) {
    return String.join(
        ",",
        id,
        repliedTo,
        thread,
        "77" + thread,
        group,
        "",
        "",
        "false",
        privateConv,
        sender,
        senderType,
        "",
        "",
        body,
        "https://www.yammer.com/api/v1/messages/" + id,
        "",
        deletedAt.isEmpty() ? "" : sender,
        deletedAt.isEmpty() ? "" : "user",
        createdAt,
        deletedAt);
  }

  @Test
  void threadsRepliesGroupsSoftDeletesAndAnOverlappingExport() {
    Path first = dir.resolve("viva/export-2025-03-04");
    usersAndGroups(first);
    Fixtures.write(
        first.resolve("Messages.csv"),
        true,
        "\r\n",
        MESSAGES_HEADER,
        message(
            "9001",
            "",
            "9001",
            "301",
            "false",
            "1501",
            "user",
            "\"How do I reset a token?\r\nTried \"\"the portal\"\", no luck\"",
            "2025-03-04T10:00:00.000Z",
            ""),
        message(
            "9002",
            "9001",
            "9001",
            "301",
            "false",
            "1502",
            "user",
            "\"Use the portal, then sync\"",
            "2025-03-04 11:00:00 UTC",
            ""),
        message(
            "9003",
            "9001",
            "9001",
            "301",
            "false",
            "1502",
            "user",
            "oops wrong thread",
            "2025-03-04T11:05:00Z",
            "2025-03-04T11:06:00Z"),
        message(
            "9004",
            "",
            "9004",
            "",
            "true",
            "1501",
            "user",
            "lunch?",
            "2025/03/04 12:00:00 +0000",
            ""),
        message(
            "9005",
            "",
            "9005",
            "",
            "false",
            "1",
            "system",
            "Bo Chen joined the network",
            "2025-03-04T12:30:00Z",
            ""),
        message(
            "9006",
            "",
            "9006",
            "301",
            "false",
            "1501",
            "user",
            "bad date",
            "04.03.2025 13:00",
            ""));
    // The next day's export repeats the reply.
    Path second = dir.resolve("viva/export-2025-03-05");
    usersAndGroups(second);
    Fixtures.write(
        second.resolve("Messages.csv"),
        true,
        "\r\n",
        MESSAGES_HEADER,
        message(
            "9002",
            "9001",
            "9001",
            "301",
            "false",
            "1502",
            "user",
            "\"Use the portal, then sync\"",
            "2025-03-04 11:00:00 UTC",
            ""));

    Intake intake = read();
    assertEquals(7, intake.read());
    assertEquals(1, intake.quarantined(), "the bad date");
    assertEquals(1, intake.skipped(), "the soft-deleted message is skipped, not an error");
    assertEquals(
        java.util.Map.of("deleted_at: deleted in Viva Engage (soft delete)", 1L),
        intake.skipReasons());
    assertEquals(1, intake.deduplicated());
    assertEquals(4, intake.acceptedCount());

    Map<String, Map<String, Object>> m =
        Fixtures.byKey(intake.accepted().collectAsList(), "message_id");
    Map<String, Object> question = m.get("9001");
    assertEquals("viva-engage", question.get("source"));
    assertEquals("ask-it", question.get("channel"), "the group is the community");
    assertEquals("ana.silva@example.com", question.get("email"));
    assertEquals("Silva, Ana", question.get("person_name"), "Users.csv name, as exported");
    assertEquals(false, question.get("is_reply"));
    assertEquals("9001", question.get("thread_id"));
    assertEquals(2L, question.get("source_line"));
    Map<String, Object> reply = m.get("9002");
    assertEquals(true, reply.get("is_reply"));
    assertEquals("9001", reply.get("thread_id"));
    assertEquals(Timestamp.from(Instant.parse("2025-03-04T11:00:00Z")), reply.get("occurred_at"));
    assertEquals("private-messages", m.get("9004").get("channel"));
    assertEquals(
        Timestamp.from(Instant.parse("2025-03-04T12:00:00Z")), m.get("9004").get("occurred_at"));
    assertEquals(false, m.get("9005").get("is_interaction"), "system messages");
    assertEquals("all-company", m.get("9005").get("channel"));
    assertNull(m.get("9005").get("email"));

    List<Row> bad = intake.quarantine().orderBy("line").collectAsList();
    assertEquals(
        List.of("8"),
        Fixtures.strings(bad, "line"),
        "lines count the quoted line break of the first body");
    assertTrue(((String) bad.get(0).getAs("reason")).startsWith("created_at: not a date-time"));
  }

  @Test
  void anExportWithoutGroupsIsNotComplete() {
    Fixtures.write(dir.resolve("viva/Messages.csv"), true, "\r\n", MESSAGES_HEADER);
    Fixtures.write(dir.resolve("viva/Users.csv"), true, "\r\n", "id,email");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read);
    assertTrue(e.getMessage().contains("has no Groups.csv"), e.getMessage());
  }

  private Intake read() {
    PipelineConfig config =
        Fixtures.config(
            dir, Fixtures.ROSTER_SOURCE + "  forum: [{format: viva-engage-export, path: viva/}]\n");
    return new VivaEngageExportAdapter()
        .read(TestSpark.session(), config, Fixtures.source(config, "forum"));
  }
}
