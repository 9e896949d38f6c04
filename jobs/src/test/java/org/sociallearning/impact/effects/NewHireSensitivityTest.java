package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.Panel;

/** When the estimate without the first months after hire is shown beside the headline. */
class NewHireSensitivityTest {

  /** Five participants joining in month 20; {@code newHires} of them hired in month 10. */
  private static Panel panel(Map<String, Integer> hires, int newHires) {
    int[] periods = {19, 20};
    int[] group = {20, 20, 20, 20, 20, 0};
    double[][] y = new double[6][2];
    String[] ids = {"a", "b", "c", "d", "e", "f"};
    for (int i = 0; i < 6; i++) {
      hires.put(ids[i], i < newHires ? 10 : 0);
    }
    return new Panel(periods, group, y, ids);
  }

  @Test
  void moreThanAFifthOfParticipantsJoiningInTheirFirstYearCallsForIt() {
    Map<String, Integer> hires = new java.util.HashMap<>();
    assertFalse(NewHireSensitivity.needed(panel(hires, 1), hires), "1 of 5 is a fifth");
    assertTrue(NewHireSensitivity.needed(panel(hires, 2), hires), "2 of 5");
    assertFalse(
        NewHireSensitivity.needed(panel(new java.util.HashMap<>(), 2), Map.of()), "no hire dates");
    Panel p = panel(new java.util.HashMap<>(), 0);
    assertFalse(
        NewHireSensitivity.needed(p, Map.of("a", 8, "b", 8, "c", 0, "d", 0, "e", 0)),
        "hired 12 months before joining");
    assertTrue(NewHireSensitivity.needed(p, Map.of("a", 9, "b", 9)), "unknown hire dates left out");
  }

  @Test
  void theOtherSettingIsThreeMonthsOrNone() {
    assertEquals(3, NewHireSensitivity.otherSetting(0));
    assertEquals(0, NewHireSensitivity.otherSetting(6));
  }
}
