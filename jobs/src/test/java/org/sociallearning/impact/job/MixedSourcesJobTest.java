package org.sociallearning.impact.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.ConfigLoader;

/**
 * The job with several sources of one kind: Slack, Viva Engage and a Stack Exchange dump in {@code
 * forum:}, xAPI lines, an LRS page and LMS completions in {@code learning:}. The forum sources end
 * up in one forum_interactions table told apart by {@code source}; LMS completions are formal
 * learning only.
 */
@Tag("pipeline")
@Order(5) // see the failsafe configuration: two classes at a time, longest at both ends
class MixedSourcesJobTest {

  @TempDir Path dir;

  @Test
  void severalForumAndLearningSourcesRunEndToEnd() throws Exception {
    // A small dump in the real shape (the shared History Meta dump is read in its adapter test).
    Path dump = dir.resolve("se");
    Fixtures.write(
        dump.resolve("Posts.xml"),
        true,
        "\r\n",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<!DOCTYPE posts SYSTEM 'posts.dtd'>",
        "<posts>",
        "  <row Id=\"1\" PostTypeId=\"1\" AcceptedAnswerId=\"2\" CreationDate=\"2025-03-05T09:00:00.000\""
            + " OwnerUserId=\"7\" Body=\"&lt;p&gt;Why?&lt;/p&gt;\" Tags=\"&lt;sql&gt;\" />",
        "  <row Id=\"2\" PostTypeId=\"2\" ParentId=\"1\" CreationDate=\"2025-03-05T09:30:00.000\""
            + " OwnerUserId=\"8\" Body=\"&lt;p&gt;Because&lt;/p&gt;\" />",
        "</posts>");
    Fixtures.write(
        dump.resolve("Comments.xml"),
        true,
        "\r\n",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<!DOCTYPE comments SYSTEM 'comments.dtd'>",
        "<comments>",
        "  <row Id=\"5\" PostId=\"2\" Text=\"thanks\" CreationDate=\"2025-03-05T10:00:00.000\" UserId=\"7\" />",
        "</comments>");
    Fixtures.write(
        dir.resolve("se_users.csv"),
        false,
        "\n",
        "user_id,email",
        "7,ana.silva@example.com",
        "8,bo.chen@example.com");
    Fixtures.write(
        dir.resolve("roster.csv"),
        true,
        "\r\n",
        "Employee ID,Work Email,Department",
        "E1,ana.silva@example.com,IT",
        "E2,bo.chen@example.com,Support");
    Fixtures.write(
        dir.resolve("slack/users.json"),
        false,
        "\n",
        "[{\"id\":\"U01\",\"is_bot\":false,\"profile\":{\"email\":\"ana.silva@example.com\"}}]");
    Fixtures.write(
        dir.resolve("slack/ask-it/2025-03-04.json"),
        false,
        "\n",
        "[{\"type\":\"message\",\"user\":\"U01\",\"text\":\"?\",\"ts\":\"1741082400.000200\"},",
        " {\"type\":\"message\",\"user\":\"U01\",\"text\":\"!\",\"ts\":\"1741086000.000100\","
            + "\"thread_ts\":\"1741082400.000200\"}]");
    // A second Slack workspace numbering its channel and messages like the first: only the reply,
    // whose thread's first message this export lacks. Keyed by source, its thread does not find
    // the first workspace's message of the same id.
    Fixtures.write(
        dir.resolve("slack-b/users.json"),
        false,
        "\n",
        "[{\"id\":\"U01\",\"is_bot\":false,\"profile\":{\"email\":\"bo.chen@example.com\"}}]");
    Fixtures.write(
        dir.resolve("slack-b/ask-it/2025-03-04.json"),
        false,
        "\n",
        "[{\"type\":\"message\",\"user\":\"U01\",\"text\":\"!\",\"ts\":\"1741086000.000100\","
            + "\"thread_ts\":\"1741082400.000200\"}]");
    Fixtures.write(
        dir.resolve("viva/Groups.csv"),
        true,
        "\r\n",
        "id,name,description",
        "301,ask-data,\"Data questions, answered\"");
    Fixtures.write(
        dir.resolve("viva/Users.csv"),
        true,
        "\r\n",
        "id,name,email,state",
        "1502,Bo Chen,bo.chen@example.com,active");
    Fixtures.write(
        dir.resolve("viva/Messages.csv"),
        true,
        "\r\n",
        "id,replied_to_id,thread_id,group_id,sender_id,sender_type,body,created_at,deleted_at",
        "9001,,9001,301,1502,user,\"Which table?\r\nthanks\",2025-03-04T10:00:00Z,",
        "9002,9001,9001,301,1502,user,never mind,2025-03-04T10:05:00Z,2025-03-04T10:06:00Z",
        "9003,9001,9001,301,1502,user,found it,2025-03-04T10:07:00Z,");
    Fixtures.write(
        dir.resolve("xapi/statements.jsonl"),
        false,
        "\n",
        "{\"id\":\"s1\",\"actor\":{\"mbox\":\"mailto:ana.silva@example.com\"},\"verb\":{\"id\":"
            + "\"http://adlnet.gov/expapi/verbs/commented\"},\"object\":{\"id\":\"x\"},"
            + "\"timestamp\":\"2025-03-04T10:15:00Z\"}");
    Fixtures.write(
        dir.resolve("lrs/page.json"),
        false,
        "\n",
        "{\"statements\":[{\"id\":\"p1\",\"actor\":{\"account\":{\"homePage\":\"https://lms.example.com\","
            + "\"name\":\"bo\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
            + "\"object\":{\"id\":\"c1\"},\"timestamp\":\"2025-02-01T09:00:00+01:00\"}],\"more\":\"\"}");
    Fixtures.write(
        dir.resolve("accounts.csv"),
        false,
        "\n",
        "home_page,account_name,email",
        "https://lms.example.com,bo,bo.chen@example.com");
    Fixtures.write(
        dir.resolve("lms/completions.csv"),
        true,
        "\r\n",
        "Email,Course,Completed",
        "ana.silva@example.com,SEC101,2025-01-15",
        "bo.chen@example.com,SEC101,2025-01-20");
    String yaml =
        """
        as_of: 2026-11-01
        output: out
        sources:
          roster: {format: hr-csv, path: roster.csv, columns: {employee_id: Employee ID, email: Work Email, department: Department}}
          forum:
            - {format: slack-export, path: slack}
            - {format: viva-engage-export, path: viva}
            - {format: stackexchange-dump, path: se, community: ask-sql, user_emails: se_users.csv}
            - {format: slack-export, path: slack-b, name: slack-b}
          learning:
            - {format: xapi-jsonl, path: xapi/statements.jsonl}
            - {format: xapi-json, path: lrs, account_emails: accounts.csv}
            - {format: lms-completions-csv, path: lms/completions.csv, timestamp_format: yyyy-MM-dd, columns: {email: Email, course_id: Course, completed_at: Completed}}
        participation:
          communities: ["ask-*"]
          min_interactions: 1
        """;
    Files.writeString(dir.resolve("pipeline.yaml"), yaml);
    NightlyImpactJob.RunResult run =
        new NightlyImpactJob(
                TestSpark.session(),
                ConfigLoader.load(dir.resolve("pipeline.yaml")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .run();

    JsonNode manifest = new ObjectMapper().readTree(run.manifest().toFile());
    Map<String, JsonNode> byFormat = new HashMap<>();
    for (JsonNode s : manifest.get("sources")) {
      if (!s.get("key").asText().equals("sources.forum[3]")) {
        byFormat.put(s.get("format").asText(), s);
      }
      assertEquals(
          s.get("rows_read").asLong(),
          s.get("rows_accepted").asLong()
              + s.get("rows_quarantined").asLong()
              + s.get("rows_deduplicated").asLong()
              + s.get("rows_skipped").asLong(),
          s.toString());
    }
    assertEquals(7, byFormat.size(), byFormat.keySet().toString());
    assertEquals(2, byFormat.get("slack-export").get("rows_read").asLong());
    assertEquals(3, byFormat.get("viva-engage-export").get("rows_read").asLong());
    assertEquals(0, byFormat.get("viva-engage-export").get("rows_quarantined").asLong());
    assertEquals(
        1,
        byFormat.get("viva-engage-export").get("rows_skipped").asLong(),
        "the soft-deleted message");
    assertEquals(
        rowLines(dump.resolve("Posts.xml")) + rowLines(dump.resolve("Comments.xml")),
        byFormat.get("stackexchange-dump").get("rows_read").asLong());
    assertEquals(1, byFormat.get("xapi-json").get("rows_accepted").asLong());
    assertEquals(2, byFormat.get("lms-completions-csv").get("rows_accepted").asLong());

    JsonNode forum = manifest.get("canonical_rows_by_source").get("forum_interactions");
    assertEquals(3, forum.size(), forum.toString());
    assertEquals(
        byFormat.get("slack-export").get("rows_accepted").asLong() + 1,
        forum.get("slack").asLong(),
        "both workspaces");
    // Two workspaces, one channel name, the same message ids: the second workspace's reply keeps
    // its own thread (its first message is missing there), instead of joining the first's.
    List<String> quality = Files.readAllLines(run.output().resolve("data_quality.csv"));
    assertTrue(
        quality.stream()
            .anyMatch(
                l ->
                    l.startsWith(
                        "sources.forum[3],slack-export,quality_warning,thread_root_exported,1,")),
        String.join("\n", quality));
    assertTrue(
        quality.stream()
            .noneMatch(
                l -> l.startsWith("sources.forum[0],slack-export,quality_warning,thread_root")),
        "the first workspace's thread is whole");
    assertEquals(
        byFormat.get("viva-engage-export").get("rows_accepted").asLong(),
        forum.get("viva-engage").asLong());
    assertEquals(
        byFormat.get("stackexchange-dump").get("rows_accepted").asLong(),
        forum.get("stackexchange").asLong());
    assertEquals(
        2, manifest.get("canonical_rows_by_source").get("formal_completions").get("lms").asLong());

    JsonNode formal = manifest.get("formal_learning");
    assertEquals(2, formal.get("formal_completers").asLong(), "LMS and xAPI completions");
    assertEquals(
        2,
        formal.get("social_participants").asLong(),
        "Ana in Slack, Bo in Viva Engage; completions make nobody a participant");
    assertEquals(2, formal.get("formal_completions_from_lms").asLong());
    String report = Files.readString(run.report());
    assertFalse(report.contains("@example.com"), "no emails in the report");
    assertFalse(
        Files.readString(run.output().resolve("quarantine/quarantine.csv")).contains("deleted_at"),
        "soft deletes are skipped, not quarantined");
    assertTrue(
        Files.readAllLines(run.output().resolve("data_quality.csv"))
            .contains(
                "sources.forum[1],viva-engage-export,skip_reason,"
                    + "deleted_at: deleted in Viva Engage (soft delete),1,"
                    + (1.0 / 3)));
  }

  private static long rowLines(Path xml) throws IOException {
    return Files.readAllLines(xml, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains("<row "))
        .count();
  }
}
