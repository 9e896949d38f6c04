package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.Panel;

/** Tenure of participants at joining against the comparison group's, and the gate's note. */
class TenureBalanceTest {

  /** Months 100..111; participants join in month 106, hired {@code participantTenure} before. */
  private static BalanceTable.Balance balance(int participantTenure) {
    int[] periods = new int[12];
    for (int t = 0; t < 12; t++) {
      periods[t] = 100 + t;
    }
    int units = 40;
    int[] group = new int[units];
    double[][] outcome = new double[units][12];
    String[] ids = new String[units];
    Map<String, Integer> hired = new HashMap<>();
    for (int i = 0; i < units; i++) {
      ids[i] = "E" + i;
      boolean participant = i < 10;
      group[i] = participant ? 106 : 0;
      int tenure = participant ? participantTenure + i % 3 : 20 + i;
      hired.put(ids[i], 105 - tenure);
    }
    hired.put("E39", 110); // hired after the comparison month: left out
    return TenureBalance.of("m", hired, new Panel(periods, group, outcome, ids));
  }

  @Test
  void newParticipantsAgainstATenuredComparisonGroupGetTheNote() {
    BalanceTable.Balance b = balance(0);
    assertEquals(0.9, b.participants(), 1e-12, "tenures 0, 1, 2 at the month before joining");
    assertEquals(29, b.nComparison(), "the one hired after the comparison month is left out");
    assertTrue(b.smd() < -0.25, b.toString());
    String note = TenureBalance.note(b).orElseThrow();
    assertTrue(note.startsWith(TenureBalance.NOTE_START), note);
    assertEquals(NoteCode.TENURE_IMBALANCE, NoteCode.of(note));
    assertTrue(note.contains("at most weak"), note);
  }

  @Test
  void participantsAsTenuredAsTheirColleaguesGetNone() {
    BalanceTable.Balance b = balance(43);
    assertTrue(Math.abs(b.smd()) <= TenureBalance.THRESHOLD, b.toString());
    assertTrue(TenureBalance.note(b).isEmpty());
  }
}
