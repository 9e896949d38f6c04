package org.sociallearning.impact.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sociallearning.impact.knowledge.ForumFixture.person;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.knowledge.ForumFixture.Person;

class QuestionThreadsTest {

  static final Person ANA = person("U1", "E1");
  static final Person ANA_SECOND_ACCOUNT = person("U1b", "E1");
  static final Person BO = person("U2", "E2");
  static final Person CY = person("U3", "E3");
  static final Person GUEST = person("U9", null);

  private static Map<String, Map<String, Object>> threads(ForumFixture f) {
    return Fixtures.byKey(f.threads().collectAsList(), "thread_id");
  }

  private static Timestamp at(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  @Test
  void selfRepliesAreNotAnswersButTheNextReplyBySomeoneElseIs() {
    ForumFixture f = new ForumFixture();
    String q = f.question("ask-java", ANA, "2026-03-02T09:00:00Z");
    f.reply(q, ANA, "2026-03-02T09:30:00Z")
        .reply(q, ANA_SECOND_ACCOUNT, "2026-03-02T10:00:00Z")
        .reply(q, BO, "2026-03-02T12:00:00Z")
        .reply(q, CY, "2026-03-02T13:00:00Z");

    Map<String, Object> t = threads(f).get(q);
    assertEquals(true, t.get("answered"));
    assertEquals(at("2026-03-02T12:00:00Z"), t.get("first_answer_at"));
    assertEquals("E2", t.get("answerer_employee_id"));
    assertEquals(3.0, (double) t.get("hours_to_first_answer"), 1e-9);
    assertEquals(3.0, (double) t.get("hours_observed"), 1e-9);
    assertEquals("ask-java", t.get("community"));
    assertEquals("E1", t.get("asker_employee_id"));
  }

  @Test
  void unansweredQuestionIsCensoredAtTheCutoff() {
    ForumFixture f = new ForumFixture();
    String q = f.question("ask-java", ANA, "2026-03-31T12:00:00Z");
    f.reply(q, ANA, "2026-03-31T13:00:00Z");

    Map<String, Object> t = threads(f).get(q);
    assertEquals(false, t.get("answered"));
    assertNull(t.get("first_answer_at"));
    assertNull(t.get("hours_to_first_answer"));
    assertEquals(12.0, (double) t.get("hours_observed"), 1e-9, "followed until 2026-04-01T00:00Z");
    assertNull(t.get("cross_department"));
  }

  @Test
  void unmatchedAskerReplyingFromTheSameAccountIsNotAnAnswer() {
    ForumFixture f = new ForumFixture();
    String q = f.question("ask-java", GUEST, "2026-03-10T09:00:00Z");
    f.reply(q, GUEST, "2026-03-10T10:00:00Z");
    String other = f.question("ask-java", ANA, "2026-03-10T09:00:00Z");
    f.reply(other, GUEST, "2026-03-10T11:00:00Z");

    Map<String, Map<String, Object>> t = threads(f);
    assertEquals(false, t.get(q).get("answered"));
    assertEquals("user:slack:U9", t.get(q).get("asker_person"));
    assertEquals(true, t.get(other).get("answered"), "an unmatched helper still answers");
    assertNull(t.get(other).get("answerer_employee_id"));
  }

  @Test
  void repliesAfterTheCutoffAndQuestionsAfterItAreIgnored() {
    ForumFixture f = new ForumFixture();
    String q = f.question("ask-java", ANA, "2026-03-31T20:00:00Z");
    f.reply(q, BO, "2026-04-01T00:00:00Z");
    String future = f.question("ask-java", ANA, "2026-04-02T08:00:00Z");

    Map<String, Map<String, Object>> t = threads(f);
    assertEquals(Set.of(q), t.keySet(), "the question after as_of has not happened yet: " + future);
    assertEquals(false, t.get(q).get("answered"));
    assertEquals(4.0, (double) t.get(q).get("hours_observed"), 1e-9);
  }

  @Test
  void nonCommunityChannelsSystemMessagesAndBotRepliesDoNotCount() {
    ForumFixture f = new ForumFixture();
    f.question("general", ANA, "2026-03-02T09:00:00Z");
    f.question("random-ask-java", ANA, "2026-03-02T09:00:00Z");
    f.systemMessage("ask-java", BO, "2026-03-02T09:00:00Z");
    String q = f.question("cop-data", ANA, "2026-03-02T09:00:00Z");
    f.botReply(q, BO, "2026-03-02T09:05:00Z");

    Map<String, Map<String, Object>> t = threads(f);
    assertEquals(Set.of(q), t.keySet());
    assertEquals(false, t.get(q).get("answered"), "bot replies are not answers");
  }

  @Test
  void crossDepartmentNeedsBothDepartmentsKnown() {
    ForumFixture f =
        new ForumFixture()
            .employee("E1", "Sales")
            .employee("E2", "Support")
            .employee("E3", "Sales");
    String bridged = f.question("ask-crm", ANA, "2026-03-02T09:00:00Z");
    f.reply(bridged, BO, "2026-03-02T10:00:00Z");
    String withinSales = f.question("ask-crm", ANA, "2026-03-03T09:00:00Z");
    f.reply(withinSales, CY, "2026-03-03T10:00:00Z");
    String byGuest = f.question("ask-crm", ANA, "2026-03-04T09:00:00Z");
    f.reply(byGuest, GUEST, "2026-03-04T10:00:00Z");

    Map<String, Map<String, Object>> t = threads(f);
    assertEquals(true, t.get(bridged).get("cross_department"));
    assertEquals("Support", t.get(bridged).get("answerer_department"));
    assertEquals(false, t.get(withinSales).get("cross_department"));
    assertNull(t.get(byGuest).get("cross_department"));
    assertEquals("Sales", t.get(byGuest).get("asker_department"));
  }

  @Test
  void answersAreEveryReplyBySomeoneOtherThanTheAsker() {
    ForumFixture f = new ForumFixture();
    String q = f.question("ask-java", ANA, "2026-03-02T09:00:00Z");
    f.reply(q, ANA, "2026-03-02T09:30:00Z")
        .reply(q, BO, "2026-03-02T10:00:00Z")
        .reply(q, BO, "2026-03-02T11:00:00Z")
        .reply(q, CY, "2026-03-02T12:00:00Z")
        .reply(q, CY, "2026-04-05T12:00:00Z");
    String chat = f.question("general", ANA, "2026-03-02T09:00:00Z");
    f.reply(chat, BO, "2026-03-02T09:10:00Z");

    List<Row> answers = f.answers().collectAsList();
    Set<String> helpers = new TreeSet<>(Fixtures.strings(answers, "helper_person"));
    assertEquals(Set.of("E2", "E3"), helpers);
    assertEquals(3, answers.size(), "two by Bo, one by Cy before the cut-off");
    assertTrue(answers.stream().allMatch(r -> "ask-java".equals(r.getAs("community"))));
    assertFalse(helpers.contains("E1"));
  }
}
