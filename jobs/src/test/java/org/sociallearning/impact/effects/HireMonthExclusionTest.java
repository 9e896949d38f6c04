package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** estimation.exclude_months_after_hire: which employee-months leave the panel. */
class HireMonthExclusionTest {

  private static int month(int year, int month) {
    return PanelAssembler.monthIndex(LocalDate.of(year, month, 1));
  }

  @Test
  void theHireMonthAndTheNextMonthsUpToNLeaveThePanel() {
    Map<String, String> hired = new HashMap<>();
    hired.put("E1", "2025-03-17");
    hired.put("E2", "2019-01-02");
    hired.put("E3", "not a date");
    hired.put("E4", null);
    HireMonthExclusion three = HireMonthExclusion.of(3, hired);
    assertFalse(three.keeps("E1", month(2025, 3)), "hire month");
    assertFalse(three.keeps("E1", month(2025, 5)), "second month after hiring");
    assertTrue(three.keeps("E1", month(2025, 6)), "tenure 3");
    assertTrue(three.keeps("E2", month(2025, 3)), "tenured");
    assertTrue(three.keeps("E3", month(2025, 3)), "unreadable hire date: kept");
    assertTrue(three.keeps("E4", month(2025, 3)), "no hire date: kept");
    assertTrue(three.keeps("E9", month(2025, 3)), "not on the roster: kept");
  }

  @Test
  void zeroMonthsKeepsEverything() {
    HireMonthExclusion none = HireMonthExclusion.of(0, Map.of("E1", "2025-03-17"));
    assertTrue(none.keeps("E1", month(2025, 3)));
    assertTrue(HireMonthExclusion.of(2, null).keeps("E1", month(2025, 3)));
  }
}
