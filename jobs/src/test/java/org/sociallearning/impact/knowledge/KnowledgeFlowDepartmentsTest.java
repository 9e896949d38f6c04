package org.sociallearning.impact.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sociallearning.impact.knowledge.ForumFixture.person;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Questions answered between departments, with small pairs suppressed. */
class KnowledgeFlowDepartmentsTest {

  @Test
  void firstAnswersCountPerPairAndSmallPairsKeepOnlyTheirNames() {
    ForumFixture f = new ForumFixture();
    for (int i = 0; i < 4; i++) {
      f.employee("S" + i, "Sales").employee("P" + i, "Support");
    }
    f.employee("X", "Finance");
    // Three support colleagues answer one question of each of three sellers: 9 questions.
    for (int asker = 0; asker < 3; asker++) {
      for (int helper = 0; helper < 3; helper++) {
        String q =
            f.question(
                "ask-crm",
                person("US" + asker, "S" + asker),
                "2026-03-0" + (helper + 2) + "T09:00:00Z");
        f.reply(q, person("UP" + helper, "P" + helper), "2026-03-0" + (helper + 2) + "T10:00:00Z");
        // A later second answer is not the first answer: it does not count.
        f.reply(q, person("UX", "X"), "2026-03-0" + (helper + 2) + "T11:00:00Z");
      }
    }
    // One seller answers one support colleague: below the group size of 3.
    String q = f.question("ask-crm", person("UP3", "P3"), "2026-03-09T09:00:00Z");
    f.reply(q, person("US3", "S3"), "2026-03-09T10:00:00Z");
    // An unanswered question counts nowhere.
    f.question("ask-crm", person("US0", "S0"), "2026-03-10T09:00:00Z");

    Map<String, Row> pairs = new TreeMap<>();
    for (Row r : KnowledgeFlowDepartments.of(f.threads(), 3).collectAsList()) {
      pairs.put(r.getAs("from_department") + " -> " + r.getAs("to_department"), r);
    }
    assertEquals(
        java.util.List.of("Sales -> Support", "Support -> Sales"),
        java.util.List.copyOf(pairs.keySet()));
    Row supportToSales = pairs.get("Support -> Sales");
    assertEquals(9L, (long) supportToSales.getAs("questions_answered"));
    assertEquals(3L, (long) supportToSales.getAs("helpers"));
    assertEquals(3L, (long) supportToSales.getAs("askers"));
    assertEquals(false, supportToSales.getAs("suppressed"));
    Row salesToSupport = pairs.get("Sales -> Support");
    assertEquals(true, salesToSupport.getAs("suppressed"));
    assertNull(salesToSupport.getAs("questions_answered"));
    assertNull(salesToSupport.getAs("helpers"));
    assertNull(salesToSupport.getAs("askers"));
  }
}
