package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.Panel;

/** Tenure of participants at joining against the comparison group's, and the gate's note. */
class TenureBalanceTest {

  /** Months 100..111; participants join in month 106, hired {@code participantTenure} before. */
  private static BalanceTable.Balance balance(int participantTenure) {
    return TenureBalance.of("m", hires(participantTenure, 20), panel());
  }

  private static Panel panel() {
    int[] periods = new int[12];
    for (int t = 0; t < 12; t++) {
      periods[t] = 100 + t;
    }
    int units = 40;
    int[] group = new int[units];
    String[] ids = new String[units];
    for (int i = 0; i < units; i++) {
      ids[i] = "E" + i;
      group[i] = i < 10 ? 106 : 0;
    }
    return new Panel(periods, group, new double[units][12], ids);
  }

  /**
   * Hire months: participants (E0..E9) {@code participantTenure + i % 3} months before the month
   * before joining, comparison E10..E38 {@code comparisonFrom + i} months before it, E39 hired
   * after.
   */
  private static Map<String, Integer> hires(int participantTenure, int comparisonFrom) {
    Map<String, Integer> hired = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      int tenure = i < 10 ? participantTenure + i % 3 : comparisonFrom + i;
      hired.put("E" + i, 105 - tenure);
    }
    hired.put("E39", 110);
    return hired;
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

  /**
   * Without the adjustment, the note says how many participants it could compare: those with a
   * comparison colleague of their tenure band in the month before joining.
   */
  @Test
  void theNoteSaysHowManyParticipantsATenureAdjustmentCouldCompare() {
    assertArrayEquals(new int[] {0, 10}, TenureBalance.bandOverlap(hires(0, 20), panel()));
    assertArrayEquals(new int[] {10, 10}, TenureBalance.bandOverlap(hires(12, 0), panel()));
    String note =
        TenureBalance.gate(balance(0), hires(0, 20), panel(), false, new ArrayList<>())
            .orElseThrow();
    assertTrue(note.startsWith(TenureBalance.NOTE_START), note);
    assertTrue(
        note.endsWith(
            "; 0 of 10 participants have a comparison colleague of their tenure band in the"
                + " month before joining, whom that would compare"),
        note);
  }

  /** The tenure mix in one share: who was in their first year after hire at joining. */
  @Test
  void theFirstYearSharesGiveTheTenureMix() {
    BalanceTable.Balance allNew = TenureBalance.firstYear("m", hires(0, 20), panel());
    assertEquals(TenureBalance.FIRST_YEAR, allNew.variable());
    assertEquals(1.0, allNew.participants(), 1e-12, "tenures 0, 1, 2");
    assertEquals(0.0, allNew.comparison(), 1e-12, "tenures 30 to 58");
    BalanceTable.Balance some = TenureBalance.firstYear("m", hires(5, 0), panel());
    assertEquals(2.0 / 29, some.comparison(), 1e-12, "tenures 10 and 11 of 10 to 38");
    assertEquals(29, some.nComparison());
  }

  @Test
  void participantsAsTenuredAsTheirColleaguesGetNone() {
    BalanceTable.Balance b = balance(43);
    assertTrue(Math.abs(b.smd()) <= TenureBalance.THRESHOLD, b.toString());
    assertTrue(TenureBalance.note(b).isEmpty());
  }

  @Test
  void afterTheAdjustmentOnlyTheDifferenceWithinBandsCounts() {
    // Participants 30-32 months, colleagues 30..58 months: all in band 24+, yet far apart.
    BalanceTable.Balance within = TenureBalance.withinBands("m", hires(30, 20), panel());
    assertEquals(TenureBalance.WITHIN_BANDS, within.variable());
    assertEquals(10, within.nParticipants());
    assertTrue(within.smd() < -TenureBalance.THRESHOLD, within.toString());
    String note = TenureBalance.noteAfterAdjustment(within).orElseThrow();
    assertEquals(NoteCode.TENURE_IMBALANCE, NoteCode.of(note), note);
    assertTrue(note.contains("within tenure bands"), note);

    // New participants (0-2 months) have no colleague of their band: none is compared, no note.
    BalanceTable.Balance uncomparable = TenureBalance.withinBands("m", hires(0, 20), panel());
    assertEquals(0, uncomparable.nParticipants(), uncomparable.toString());
    assertTrue(TenureBalance.noteAfterAdjustment(uncomparable).isEmpty());

    // Colleagues of the same bands and about the same tenure: what is left is small.
    BalanceTable.Balance alike = TenureBalance.withinBands("m", hires(43, 20), panel());
    assertTrue(Math.abs(alike.smd()) <= TenureBalance.THRESHOLD, alike.toString());
    assertTrue(TenureBalance.noteAfterAdjustment(alike).isEmpty());
    // The comparison group reweighted to the participants' bands: its mean moves towards theirs.
    BalanceTable.Balance raw = TenureBalance.of("m", hires(12, 0), panel());
    BalanceTable.Balance reweighted = TenureBalance.withinBands("m", hires(12, 0), panel());
    assertTrue(reweighted.comparison() < raw.comparison(), raw + " " + reweighted);
  }
}
