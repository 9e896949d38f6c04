package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The participation rule in the report's method section, read from the manifest. */
class MethodWordsTest {

  static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void aTenureAdjustedRunSaysSoInPlainWords() {
    String adjusted =
        MethodWords.method(
            "Callaway-Sant'Anna staggered DiD, doubly robust adjustment for tenure (months since"
                + " hire at the base month, in bands 0, 1, 2, 3-5, 6-11, 12-23 and 24+)");
    assertTrue(adjusted.contains("tenure adjustment is on"), adjusted);
    assertTrue(adjusted.contains("New hires get faster at the job anyway"), adjusted);
    String plain = MethodWords.method("Callaway-Sant'Anna staggered DiD");
    assertTrue(!plain.contains("tenure"), plain);
  }

  @Test
  void theRuleWindowTriedItAndProfileAreSaidInPlainWords() throws Exception {
    String words =
        MethodWords.participationRule(
            json(
                "{\"min_interactions\": 3,"
                    + " \"window_days\": 30, \"profile_months\": 3, \"participants\": 80,"
                    + " \"tried_it\": 1234, \"tried_it_handling\": \"exclude\"}"));
    assertTrue(
        words.startsWith(
            "Someone counts as a participant from the day of their third"
                + " interaction in a community within 30 days, decided only from what they had done by"
                + " that day"),
        words);
    assertTrue(
        words.contains(
            "1,234 people interacted fewer times (\"tried it\"); they are in" + " neither group"),
        words);
    assertTrue(words.contains("from their first 3 months after joining"), words);
    String method = MethodWords.method("technical words", words);
    assertTrue(
        method.startsWith(
            "We compare employees who started taking part in a community"
                + " of practice with colleagues who had not, before and after each person joined"
                + " (staggered difference-in-differences, Callaway and Sant'Anna 2021). Someone counts"),
        method);
    assertTrue(method.endsWith("Technically: technical words."), method);
  }

  @Test
  void comparedTriedItAndNoWindowAndOldManifests() throws Exception {
    String words =
        MethodWords.participationRule(
            json(
                "{\"min_interactions\": 1,"
                    + " \"window_days\": null, \"tried_it\": 1, \"tried_it_handling\": \"compare\"}"));
    assertTrue(words.contains("their first interaction in a community, decided"), words);
    assertTrue(
        words.contains(
            "1 person interacted fewer times (\"tried it\"); they are counted"
                + " in the comparison group."),
        words);
    assertEquals("", MethodWords.participationRule(json("{}").path("participation")));
    assertEquals(MethodWords.METHOD, MethodWords.method(null, ""));
  }
}
