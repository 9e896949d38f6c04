package org.sociallearning.impact.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sociallearning.impact.knowledge.ForumFixture.person;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.knowledge.ForumFixture.Person;
import org.sociallearning.impact.privacy.Pseudonyms;

class ExpertiseTest {

  static final Pseudonyms PSEUDONYMS =
      new Pseudonyms("expertise-test-key-0123456789".getBytes(StandardCharsets.UTF_8));
  static final int MIN_GROUP = 3;

  /** One question per answer, asked by someone who is never a helper. */
  private static void answers(ForumFixture f, String community, Person helper, int count) {
    for (int i = 0; i < count; i++) {
      String q = f.question(community, person("UQ", "EQ"), "2026-03-02T09:00:00Z");
      f.reply(q, helper, "2026-03-02T10:00:00Z");
    }
  }

  /** ask-java: helper 0 gives 20 answers, helpers 1..19 one each (knowledge sits with one). */
  private static void oneHeavyHelperAmongTwenty(ForumFixture f) {
    answers(f, "ask-java", person("UH0", "EH0"), 20);
    for (int h = 1; h < 20; h++) {
      answers(f, "ask-java", person("UH" + h, "EH" + h), 1);
    }
  }

  private static void twoHelpersOnly(ForumFixture f) {
    answers(f, "cop-small", person("US1", "ES1"), 3);
    answers(f, "cop-small", person("US2", "ES2"), 1);
  }

  private static void fourEvenHelpers(ForumFixture f) {
    for (int h = 0; h < 4; h++) {
      answers(f, "cop-even", person("UE" + h, "EE" + h), 2);
    }
  }

  @Test
  void topHelpersArePseudonymisedRankedAndSmallCommunitiesSuppressed() {
    ForumFixture f = new ForumFixture();
    oneHeavyHelperAmongTwenty(f);
    twoHelpersOnly(f);

    List<Row> rows = Expertise.topHelpers(f.answers(), PSEUDONYMS, 3, MIN_GROUP).collectAsList();
    List<Row> java =
        rows.stream()
            .filter(r -> "ask-java".equals(r.getAs("community")))
            .sorted(Comparator.comparing(r -> (Integer) r.getAs("rank")))
            .toList();
    assertEquals(List.of(1, 2, 3), java.stream().map(r -> (Integer) r.getAs("rank")).toList());
    assertEquals(PSEUDONYMS.of("EH0"), java.get(0).getAs("helper_key"));
    assertEquals(20L, (long) java.get(0).getAs("answers"));
    assertEquals(20.0 / 39, (double) java.get(0).getAs("answer_share"), 1e-12);
    assertEquals(1L, (long) java.get(1).getAs("answers"));
    assertTrue(
        ((String) java.get(1).getAs("helper_key")).compareTo(java.get(2).getAs("helper_key")) < 0,
        "ties ordered by pseudonym");

    List<Row> small = rows.stream().filter(r -> "cop-small".equals(r.getAs("community"))).toList();
    assertEquals(1, small.size());
    assertEquals(true, small.get(0).getAs("suppressed"));
    assertNull(small.get(0).getAs("helper_key"));
    assertNull(small.get(0).getAs("answers"));

    for (Row r : rows) {
      String cells = r.toString();
      assertFalse(
          cells.contains("EH") || cells.contains("ES") || cells.contains("user:"),
          "no employee id or account in the published row: " + cells);
    }
  }

  @Test
  void concentrationShowsWhereKnowledgeSitsWithFewPeople() {
    ForumFixture f = new ForumFixture();
    oneHeavyHelperAmongTwenty(f);
    fourEvenHelpers(f);
    twoHelpersOnly(f);

    Dataset<Row> out = Expertise.concentration(f.answers(), MIN_GROUP);
    Map<String, Map<String, Object>> c = Fixtures.byKey(out.collectAsList(), "community");

    Map<String, Object> java = c.get("ask-java");
    assertEquals(20L, java.get("helpers"));
    assertEquals(39L, java.get("answers"));
    assertEquals(1L, java.get("top_helpers"), "5% of 20 helpers");
    assertEquals(20.0 / 39, (double) java.get("top_share"), 1e-12);
    // Gini of nineteen 1s and one 20: 2 * 590 / (20 * 39) - 21 / 20.
    assertEquals(2.0 * 590 / (20 * 39) - 21.0 / 20, (double) java.get("gini"), 1e-12);
    assertEquals(false, java.get("suppressed"));

    Map<String, Object> even = c.get("cop-even");
    assertEquals(1L, even.get("top_helpers"), "at least one helper");
    assertEquals(0.25, (double) even.get("top_share"), 1e-12);
    assertEquals(0.0, (double) even.get("gini"), 1e-12);

    Map<String, Object> small = c.get("cop-small");
    assertEquals(true, small.get("suppressed"));
    for (String figure : List.of("helpers", "answers", "top_helpers", "top_share", "gini")) {
      assertNull(small.get(figure), figure);
    }
  }

  @Test
  void selfRepliesDoNotMakeSomeoneAHelper() {
    ForumFixture f = new ForumFixture();
    fourEvenHelpers(f);
    Person asker = person("UA", "EA");
    for (int i = 0; i < 5; i++) {
      String q = f.question("cop-even", asker, "2026-03-03T09:00:00Z");
      f.reply(q, asker, "2026-03-03T09:10:00Z");
    }

    Map<String, Object> even =
        Fixtures.byKey(Expertise.concentration(f.answers(), MIN_GROUP).collectAsList(), "community")
            .get("cop-even");
    assertEquals(4L, even.get("helpers"));
    assertEquals(8L, even.get("answers"));
  }
}
