package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.Intake;

class SlackExportAdapterTest {

  @TempDir Path dir;

  private Intake read() {
    PipelineConfig config =
        Fixtures.config(
            dir, Fixtures.ROSTER_SOURCE + "  forum: [{format: slack-export, path: slack/}]\n");
    return new SlackExportAdapter()
        .read(TestSpark.session(), config, Fixtures.source(config, "forum"));
  }

  private void workspace() {
    Fixtures.write(
        dir.resolve("slack/users.json"),
        false,
        "\n",
        "[{\"id\":\"U01\",\"team_id\":\"T1\",\"name\":\"ana\",\"deleted\":false,"
            + "\"real_name\":\"Ana Silva\",\"is_bot\":false,"
            + "\"profile\":{\"real_name\":\"Ana Silva\",\"email\":\"Ana.Silva@Example.com\"}},",
        " {\"id\":\"U02\",\"name\":\"bo\",\"deleted\":true,\"is_bot\":false,"
            + "\"profile\":{\"email\":\"bo.chen@example.com\"}},",
        " {\"id\":\"UB1\",\"name\":\"standup\",\"is_bot\":true,\"profile\":{}}]");
    Fixtures.write(
        dir.resolve("slack/channels.json"),
        false,
        "\n",
        "[{\"id\":\"C1\",\"name\":\"ask-it\",\"created\":1700000000,\"creator\":\"U01\"},"
            + "{\"id\":\"C2\",\"name\":\"general\",\"created\":1700000000,\"creator\":\"U01\"}]");
  }

  @Test
  void dayFilesWithThreadsSubtypesBotsAndAnExportOverlap() {
    workspace();
    Fixtures.write(
        dir.resolve("slack/ask-it/2025-03-04.json"),
        false,
        "\n",
        "[",
        "    {",
        "        \"client_msg_id\": \"a1\", \"type\": \"message\", \"user\": \"U01\",",
        "        \"text\": \"How do I \\\"reset\\\" a token?\\nThanks\",",
        "        \"ts\": \"1741082400.000200\", \"thread_ts\": \"1741082400.000200\", \"reply_count\": 1",
        "    },",
        "    {",
        "        \"type\": \"message\", \"user\": \"U02\", \"text\": \"Use the portal\",",
        "        \"ts\": \"1741086000.000100\", \"thread_ts\": \"1741082400.000200\",",
        "        \"parent_user_id\": \"U01\"",
        "    },",
        "    {\"type\": \"message\", \"subtype\": \"channel_join\", \"user\": \"U02\",",
        "     \"text\": \"<@U02> has joined the channel\", \"ts\": \"1741086100.000000\"},",
        "    {\"type\": \"message\", \"subtype\": \"bot_message\", \"bot_id\": \"B1\",",
        "     \"username\": \"standup\", \"text\": \"Standup!\", \"ts\": \"1741086200.000000\"},",
        "    {\"type\": \"message\", \"user\": \"U01\", \"text\": \"bad ts\", \"ts\": \"yesterday\"}",
        "]");
    // The next export repeats the last message of the day before: same channel and ts.
    Fixtures.write(
        dir.resolve("slack/ask-it/2025-03-05.json"),
        false,
        "\n",
        "[{\"type\": \"message\", \"user\": \"U02\", \"text\": \"Use the portal\","
            + " \"ts\": \"1741086000.000100\", \"thread_ts\": \"1741082400.000200\"}]");
    Fixtures.write(
        dir.resolve("slack/general/2025-03-04.json"),
        false,
        "\n",
        "[{\"type\": \"message\", \"user\": \"U01\", \"text\": \"lunch?\", \"ts\": \"1741082500.000000\"}]");

    Intake intake = read();
    assertEquals(7, intake.read());
    assertEquals(5, intake.acceptedCount());
    assertEquals(1, intake.quarantined());
    assertEquals(1, intake.deduplicated());

    Map<String, Map<String, Object>> m =
        Fixtures.byKey(intake.accepted().collectAsList(), "message_id");
    Map<String, Object> question = m.get("ask-it:1741082400.000200");
    assertEquals("ana.silva@example.com", question.get("email"));
    assertEquals("Ana Silva", question.get("person_name"), "profile.real_name, for name matching");
    assertEquals(
        Timestamp.from(Instant.parse("2025-03-04T10:00:00.000200Z")), question.get("occurred_at"));
    assertEquals(false, question.get("is_reply"), "a thread parent is not a reply");
    assertEquals(true, question.get("is_interaction"));
    assertEquals(2L, question.get("source_line"), "the line of the opening brace");
    assertEquals(true, m.get("ask-it:1741086000.000100").get("is_reply"));
    assertEquals(
        "ask-it:1741082400.000200",
        m.get("ask-it:1741086000.000100").get("thread_id"),
        "a reply belongs to its parent's thread");
    assertEquals("ask-it:1741082400.000200", question.get("thread_id"), "a root is its own thread");
    assertEquals(false, m.get("ask-it:1741086100.000000").get("is_interaction"), "channel_join");
    Map<String, Object> bot = m.get("ask-it:1741086200.000000");
    assertEquals(false, bot.get("is_interaction"));
    assertNull(bot.get("email"));
    assertEquals("general", m.get("general:1741082500.000000").get("channel"));

    Row bad = intake.quarantine().first();
    assertEquals("slack/ask-it/2025-03-04.json", bad.getAs("file"));
    assertEquals(16L, (Long) bad.getAs("line"));
    assertTrue(((String) bad.getAs("reason")).startsWith("ts: not epoch seconds"));
  }

  @Test
  void aTruncatedDayFileStopsTheRunWithoutQuotingMessageText() {
    workspace();
    Fixtures.write(
        dir.resolve("slack/ask-it/2025-03-04.json"),
        false,
        "\n",
        "[{\"type\": \"message\", \"user\": \"U01\", \"ts\": \"1741082400.000200\"},",
        " {\"type\": \"message\", \"user\": \"U01\", \"text\": \"secret plan",
        "");
    Exception e = assertThrows(Exception.class, this::read);
    String message = org.sociallearning.impact.cli.ImpactCli.oneLine(e);
    assertTrue(
        message.startsWith(
            "slack/ask-it/2025-03-04.json cannot be read from line 2 on" + " (invalid JSON"),
        message);
    assertTrue(!message.contains("secret"), "no message text in errors: " + message);
  }

  @Test
  void aFolderWithoutUsersJsonIsNotASlackExport() {
    Fixtures.write(dir.resolve("slack/ask-it/2025-03-04.json"), false, "\n", "[]");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read);
    assertTrue(e.getMessage().contains("users.json is missing"), e.getMessage());
  }

  /**
   * A users.json broken at a bot token: the parser's own message would quote it ("Unrecognized
   * token 'xoxb-...'"). The error names the file and the place, and nothing in the failure, its
   * causes or its stack trace, carries the token.
   */
  @Test
  void aBrokenUsersJsonIsReportedWithoutQuotingItsText() {
    workspace();
    Fixtures.write(
        dir.resolve("slack/users.json"),
        false,
        "\n",
        "[{\"id\":\"U01\",\"profile\":{\"email\":\"ana@example.com\"}},",
        " {\"id\":\"UB1\",\"is_bot\":true,\"token\":xoxb-1234-secret-token}]");
    Fixtures.write(dir.resolve("slack/ask-it/2025-03-04.json"), false, "\n", "[]");
    Exception e = assertThrows(Exception.class, this::read);
    String message = org.sociallearning.impact.cli.ImpactCli.oneLine(e);
    assertTrue(message.contains("users.json: not valid JSON at line 2"), message);
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    assertTrue(!trace.toString().contains("xoxb"), "the token is quoted: " + trace);
    assertTrue(!trace.toString().contains("ana@example.com"), trace.toString());
  }
}
