package org.sociallearning.impact.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sociallearning.impact.knowledge.ForumFixture.person;

import java.sql.Date;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.knowledge.ForumFixture.Person;

class KnowledgeFlowMonthlyTest {

  static final Person HELPER = person("UH", "EH");
  static final int MIN_GROUP = 3;

  /**
   * Asker {@code n} asks at {@code askedAt}; HELPER answers after {@code hours}, or never (null).
   */
  private static void ask(
      ForumFixture f, String community, int asker, String askedAt, Double hours) {
    String q = f.question(community, person("U" + asker, "E" + asker), askedAt);
    if (hours != null) {
      f.reply(q, HELPER, Instant.parse(askedAt).plusSeconds(Math.round(hours * 3600)).toString());
    }
  }

  private static Map<String, Row> monthly(ForumFixture f) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : KnowledgeFlowMonthly.of(f.threads(), MIN_GROUP).collectAsList()) {
      out.put(r.getAs("community") + " " + r.getAs("month"), r);
    }
    return out;
  }

  /** Ten askers in March: four answered within 4 hours, six still unanswered a month later. */
  private static void marchWithManyUnansweredQuestions(ForumFixture f) {
    for (int i = 0; i < 4; i++) {
      ask(f, "ask-java", i, "2026-03-02T09:00:00Z", i + 1.0);
    }
    for (int i = 4; i < 10; i++) {
      ask(f, "ask-java", i, "2026-03-02T09:00:00Z", null);
    }
  }

  @Test
  void manyUnansweredQuestionsMakeTheNaiveMedianLookFast() {
    ForumFixture f = new ForumFixture();
    marchWithManyUnansweredQuestions(f);

    Row march = monthly(f).get("ask-java 2026-03-01");
    assertEquals(10L, (long) march.getAs("questions"));
    assertEquals(4L, (long) march.getAs("answered"));
    assertEquals(0.4, (double) march.getAs("answered_rate"), 1e-12);
    assertEquals(2.0, (double) march.getAs("naive_median_hours"), 1e-9);
    // Six of ten never answered: fewer than half are known to be answered, so no median yet.
    assertNull(march.getAs("median_hours_to_first_answer"));
    assertEquals(false, march.getAs("suppressed"));
  }

  /** Seven of ten answered (1, 2, 3, 4, 5, 10, 20 h), three open: KM median 5 h, naive 4 h. */
  @Test
  void censoredQuestionsStayAtRiskInTheKaplanMeierMedian() {
    ForumFixture f = new ForumFixture();
    double[] hours = {1, 2, 3, 4, 5, 10, 20};
    for (int i = 0; i < 10; i++) {
      ask(f, "ask-java", i, "2026-02-02T09:00:00Z", i < hours.length ? hours[i] : null);
    }

    Row feb = monthly(f).get("ask-java 2026-02-01");
    assertEquals(5.0, (double) feb.getAs("median_hours_to_first_answer"), 1e-9);
    assertEquals(4.0, (double) feb.getAs("naive_median_hours"), 1e-9);
    assertNotEquals(
        (Object) feb.getAs("median_hours_to_first_answer"), feb.getAs("naive_median_hours"));
    assertEquals(3.0, (double) feb.getAs("median_ci_low"), 1e-9);
    assertEquals(10L, (long) feb.getAs("askers"));
  }

  @Test
  void withNothingCensoredTheTwoMediansAgree() {
    ForumFixture f = new ForumFixture();
    ask(f, "cop-data", 1, "2026-03-02T09:00:00Z", 1.0);
    ask(f, "cop-data", 2, "2026-03-03T09:00:00Z", 2.0);
    ask(f, "cop-data", 3, "2026-03-04T09:00:00Z", 3.0);

    Row r = monthly(f).get("cop-data 2026-03-01");
    assertEquals(2.0, (double) r.getAs("median_hours_to_first_answer"), 1e-9);
    assertEquals(2.0, (double) r.getAs("naive_median_hours"), 1e-9);
    assertEquals(1.0, (double) r.getAs("answered_rate"));
  }

  @Test
  void crossDepartmentShareCountsOnlyAnswersWithBothDepartmentsKnown() {
    ForumFixture f =
        new ForumFixture()
            .employee("EH", "Support")
            .employee("E1", "Sales")
            .employee("E2", "Sales")
            .employee("E3", "Support");
    ask(f, "ask-crm", 1, "2026-03-02T09:00:00Z", 1.0);
    ask(f, "ask-crm", 2, "2026-03-02T09:00:00Z", 1.0);
    ask(f, "ask-crm", 3, "2026-03-02T09:00:00Z", 1.0);
    ask(f, "ask-crm", 4, "2026-03-02T09:00:00Z", 1.0); // E4 is not on the roster

    Row r = monthly(f).get("ask-crm 2026-03-01");
    assertEquals(2.0 / 3, (double) r.getAs("cross_department_share"), 1e-12);
  }

  @Test
  void monthsWithFewerAskersThanTheMinimumAreSuppressed() {
    ForumFixture f = new ForumFixture();
    ask(f, "cop-tiny", 1, "2026-03-02T09:00:00Z", 1.0);
    ask(f, "cop-tiny", 1, "2026-03-05T09:00:00Z", 2.0);
    ask(f, "cop-tiny", 2, "2026-03-06T09:00:00Z", null);
    marchWithManyUnansweredQuestions(f);

    Map<String, Row> m = monthly(f);
    Row tiny = m.get("cop-tiny 2026-03-01");
    assertEquals(true, tiny.getAs("suppressed"));
    assertEquals(Date.valueOf("2026-03-01"), tiny.getAs("month"));
    for (String figure : KnowledgeFlowMonthly.FIGURES) {
      assertNull(tiny.getAs(figure), figure + " of a suppressed row");
    }
    assertEquals(false, m.get("ask-java 2026-03-01").getAs("suppressed"));
    assertEquals(
        List.of("ask-java 2026-03-01", "cop-tiny 2026-03-01"),
        m.keySet().stream().sorted().toList());
  }

  @Test
  void minimumGroupSizeMustBePositive() {
    ForumFixture f = new ForumFixture();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KnowledgeFlowMonthly.of(f.threads(), 0));
    assertEquals("minGroupSize is 0; expected >= 1", e.getMessage());
  }
}
