package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.Intake;

class StackExchangeDumpAdapterTest {

  @TempDir Path dir;

  private Intake read(String options) {
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  forum: [{format: stackexchange-dump, path: se/"
                + options
                + "}]\n");
    return new StackExchangeDumpAdapter()
        .read(TestSpark.session(), config, Fixtures.source(config, "forum"));
  }

  /** A dump as Stack Exchange writes it: BOM, a DOCTYPE line, CRLF, one row per line. */
  private void dump(String postRows, String commentRows) {
    Fixtures.write(
        dir.resolve("se/Posts.xml"),
        true,
        "\r\n",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<!DOCTYPE posts SYSTEM 'posts.dtd'>",
        "<posts>",
        postRows,
        "</posts>");
    Fixtures.write(
        dir.resolve("se/Comments.xml"),
        true,
        "\r\n",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<!DOCTYPE comments SYSTEM 'comments.dtd'>",
        "<comments>",
        commentRows,
        "</comments>");
  }

  static String post(String id, String type, String extra) {
    return "  <row Id=\""
        + id
        + "\" PostTypeId=\""
        + type
        + "\" "
        + extra
        + " Score=\"2\""
        + " Body=\"&lt;p&gt;How do I &quot;reset&quot; it?&lt;/p&gt;&#xA;\" />";
  }

  @Test
  void questionsAnswersCommentsAcceptedAnswersAndMappedEmails() {
    dump(
        String.join(
            "\r\n",
            post(
                "1",
                "1",
                "CreationDate=\"2024-03-04T10:00:00.123\" OwnerUserId=\"7\""
                    + " AcceptedAnswerId=\"3\" Tags=\"&lt;kafka&gt;&lt;streams&gt;\" Title=\"Offsets?\""),
            post(
                "2",
                "2",
                "ParentId=\"1\" CreationDate=\"2024-03-04T10:30:00.000\" OwnerUserId=\"8\""),
            post(
                "3",
                "2",
                "ParentId=\"1\" CreationDate=\"2024-03-04T11:00:00.5\" OwnerUserId=\"9\""),
            post(
                "4",
                "1",
                "CreationDate=\"2024-03-05T09:00:00.000\" OwnerDisplayName=\"gone\""
                    + " Tags=\"|java|\""),
            post("5", "5", "CreationDate=\"2024-03-05T09:00:00.000\" OwnerUserId=\"-1\""),
            post(
                "6",
                "2",
                "ParentId=\"99\" CreationDate=\"2024-03-05T09:00:00.000\" OwnerUserId=\"8\""),
            post("7", "1", "CreationDate=\"yesterday\" OwnerUserId=\"8\" Tags=\"&lt;java&gt;\"")),
        String.join(
            "\r\n",
            "  <row Id=\"10\" PostId=\"3\" Score=\"0\" Text=\"thanks, that works\""
                + " CreationDate=\"2024-03-04T12:00:00.000\" UserId=\"7\" />",
            "  <row Id=\"11\" PostId=\"1\" Text=\"which version?\""
                + " CreationDate=\"2024-03-04T10:05:00.000\" UserId=\"-1\" />",
            "  <row Id=\"12\" PostId=\"42\" Text=\"orphan\" CreationDate=\"2024-03-04T10:05:00.000\""
                + " UserId=\"8\" />"));
    Fixtures.write(
        dir.resolve("se/user_emails.csv"),
        true,
        "\r\n",
        "user_id,email",
        "7,Ana.Silva@Example.com",
        "8,bo@example.com",
        "8,bo.chen@example.com");

    Intake intake = read(", user_emails: se/user_emails.csv");
    assertEquals(10, intake.read(), "7 posts and 3 comments");
    assertEquals(3, intake.quarantined());
    assertEquals(0, intake.deduplicated());
    assertEquals(7, intake.acceptedCount());

    Map<String, Map<String, Object>> m =
        Fixtures.byKey(intake.accepted().collectAsList(), "message_id");
    Map<String, Object> question = m.get("post:1");
    assertEquals("stackexchange", question.get("source"));
    assertEquals("kafka", question.get("channel"), "the first tag is the community");
    assertEquals("post:1", question.get("thread_id"));
    assertEquals(false, question.get("is_reply"));
    assertEquals("ana.silva@example.com", question.get("email"));
    assertEquals(
        Timestamp.from(Instant.parse("2024-03-04T10:00:00.123Z")),
        question.get("occurred_at"),
        "dump times are UTC without a zone");
    assertEquals(4L, question.get("source_line"));
    assertEquals(false, m.get("post:2").get("is_accepted_answer"));
    assertEquals(true, m.get("post:3").get("is_accepted_answer"));
    assertEquals(
        "kafka", m.get("post:3").get("channel"), "answers live in the question's community");
    assertEquals(true, m.get("post:3").get("is_reply"));
    assertNull(m.get("post:2").get("email"), "user 8 maps to two emails: never guessed");
    assertEquals("java", m.get("post:4").get("channel"), "newer dumps write tags as |a|b|");
    assertEquals(false, m.get("post:4").get("is_interaction"), "a deleted user's post");
    assertEquals(false, m.get("post:5").get("is_interaction"), "a tag wiki by the Community bot");
    assertEquals("post:1", m.get("comment:10").get("thread_id"), "a comment on an answer");
    assertEquals(true, m.get("comment:10").get("is_interaction"));
    assertEquals(false, m.get("comment:11").get("is_interaction"), "the Community bot");

    List<Row> bad = intake.quarantine().orderBy("file", "line").collectAsList();
    assertEquals(
        List.of("se/Comments.xml:6", "se/Posts.xml:9", "se/Posts.xml:10"),
        bad.stream().map(r -> r.getAs("file") + ":" + r.getAs("line")).toList());
    assertEquals(
        List.of(
            "PostId: no such post in Posts.xml",
            "ParentId: no such question in Posts.xml",
            "CreationDate: not a date-time like yyyy-MM-dd'T'HH:mm:ss[.SSS] (time zone UTC)"),
        Fixtures.strings(bad, "reason"));
  }

  @Test
  void aFixedCommunityNameReplacesTags() {
    dump(
        post(
            "1",
            "1",
            "CreationDate=\"2024-03-04T10:00:00.123\" OwnerUserId=\"7\""
                + " Tags=\"&lt;kafka&gt;\""),
        "");
    Intake intake = read(", community: ask-data");
    assertEquals("ask-data", intake.accepted().first().getAs("channel"));
  }

  @Test
  void theDtdIsNeverLoaded() throws IOException {
    // If the parser loaded posts.dtd, every row would gain this default owner.
    Files.createDirectories(dir.resolve("se"));
    Files.writeString(
        dir.resolve("se/posts.dtd"),
        "<!ATTLIST row OwnerUserId CDATA \"666\">",
        StandardCharsets.UTF_8);
    dump(post("1", "1", "CreationDate=\"2024-03-04T10:00:00.000\" Tags=\"&lt;a&gt;\""), "");
    Intake intake = read("");
    assertNull(intake.accepted().first().getAs("source_user_id"));
  }

  @Test
  void anExternalEntityIsNeverExpanded() throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET", StandardCharsets.UTF_8);
    Fixtures.write(
        dir.resolve("se/Posts.xml"),
        false,
        "\n",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<!DOCTYPE posts [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
        "<posts>",
        post("1", "1", "CreationDate=\"2024-03-04T10:00:00.000\" Tags=\"&lt;a&gt;\""),
        "  &xxe;",
        "</posts>");
    Exception e = assertThrows(Exception.class, () -> read("").accepted().count());
    String message = org.sociallearning.impact.cli.ImpactCli.oneLine(e);
    assertTrue(message.contains("se/Posts.xml cannot be read from line 5"), message);
    assertTrue(message.contains("\"xxe\" was referenced, but not declared"), message);
    assertFalse(message.contains("TOP-SECRET"), message);
  }

  /**
   * The real dump of History Meta, read unedited; every count is taken from the files themselves.
   */
  @Test
  void theRealHistoryMetaDump() throws IOException {
    Path real = TestSpark.sharedDir().resolve("realdata/stackexchange-history-meta");
    assumeTrue(Files.isDirectory(real), "shared real data not present at " + real);
    List<Map<String, String>> posts = rows(real.resolve("Posts.xml"));
    List<Map<String, String>> comments = rows(real.resolve("Comments.xml"));
    Set<String> postIds = new HashSet<>();
    Set<String> questionIds = new HashSet<>();
    Set<String> acceptedIds = new HashSet<>();
    for (Map<String, String> p : posts) {
      postIds.add(p.get("Id"));
      if ("1".equals(p.get("PostTypeId"))) {
        questionIds.add(p.get("Id"));
        if (p.containsKey("AcceptedAnswerId")) {
          acceptedIds.add(p.get("AcceptedAnswerId"));
        }
      }
    }
    long orphanAnswers =
        posts.stream()
            .filter(
                p -> "2".equals(p.get("PostTypeId")) && !questionIds.contains(p.get("ParentId")))
            .count();
    long orphanComments = comments.stream().filter(c -> !postIds.contains(c.get("PostId"))).count();
    long interactions =
        posts.stream()
                .filter(
                    p ->
                        Set.of("1", "2").contains(p.get("PostTypeId"))
                            && known(p.get("OwnerUserId")))
                .count()
            + comments.stream().filter(c -> known(c.get("UserId"))).count();
    long accepted =
        posts.stream()
            .filter(
                p ->
                    "2".equals(p.get("PostTypeId"))
                        && acceptedIds.contains(p.get("Id"))
                        && questionIds.contains(p.get("ParentId")))
            .count();

    Path work = dir.resolve("real");
    Files.createDirectories(work);
    PipelineConfig config =
        Fixtures.config(
            work,
            Fixtures.ROSTER_SOURCE
                + "  forum: [{format: stackexchange-dump, path: "
                + real
                + "}]\n");
    Intake intake =
        new StackExchangeDumpAdapter()
            .read(TestSpark.session(), config, Fixtures.source(config, "forum"));

    assertEquals(posts.size() + comments.size(), intake.read());
    assertEquals(5111, intake.read(), "1,657 posts and 3,454 comments");
    assertEquals(orphanAnswers + orphanComments, intake.quarantined());
    assertEquals(0, intake.deduplicated(), "ids are unique in a dump");
    Dataset<Row> rows = intake.accepted();
    assertEquals(
        questionIds.size(),
        rows.filter(
                col("is_reply")
                    .equalTo(false)
                    .and(col("thread_id").equalTo(col("message_id")))
                    .and(
                        col("message_id")
                            .isin(questionIds.stream().map(id -> "post:" + id).toArray())))
            .count());
    assertEquals(interactions, rows.filter(col("is_interaction")).count());
    assertEquals(accepted, rows.filter(col("is_accepted_answer")).count());
    assertEquals(181, accepted, "questions with an accepted answer in this dump");
    assertEquals(0, rows.filter(col("occurred_at").isNull()).count());
  }

  private static boolean known(String userId) {
    return userId != null && !"-1".equals(userId);
  }

  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /**
   * The attributes of every {@code <row } line, by plain text scanning (not the reader under test).
   */
  static List<Map<String, String>> rows(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains("<row "))
        .map(
            l -> {
              Map<String, String> attributes = new java.util.HashMap<>();
              Matcher m = ATTRIBUTE.matcher(l);
              while (m.find()) {
                attributes.put(m.group(1), m.group(2));
              }
              return attributes;
            })
        .toList();
  }
}
