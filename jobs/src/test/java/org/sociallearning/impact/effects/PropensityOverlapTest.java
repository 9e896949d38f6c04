package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.Panel;

class PropensityOverlapTest {

  static final int PEOPLE = 300;
  static final int[] PERIODS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

  /** A panel where participants join in month 6 or 8 and everyone works at the same level. */
  static Panel panel(boolean[] joins, Random random) {
    int[] group = new int[PEOPLE];
    double[][] outcome = new double[PEOPLE][PERIODS.length];
    String[] ids = new String[PEOPLE];
    for (int u = 0; u < PEOPLE; u++) {
      ids[u] = "E" + u;
      group[u] = joins[u] ? (u % 2 == 0 ? 6 : 8) : 0;
      for (int t = 0; t < PERIODS.length; t++) {
        outcome[u][t] = 3 + random.nextGaussian();
      }
    }
    return new Panel(PERIODS, group, outcome, ids);
  }

  static BalanceTable.Balance row(List<BalanceTable.Balance> rows, String variable) {
    return rows.stream().filter(b -> b.variable().equals(variable)).findFirst().orElseThrow();
  }

  /**
   * Everyone who joined was hired a month or two before joining; the comparison group has served
   * for years. Nobody in the comparison group is like a participant, and the rows say so.
   */
  @Test
  void newHiresWhoAllJoinHaveNobodyLikeThemInTheComparisonGroup() {
    Random random = new Random(1);
    boolean[] joins = new boolean[PEOPLE];
    Map<String, Integer> hired = new HashMap<>();
    for (int u = 0; u < PEOPLE; u++) {
      joins[u] = u < 80;
      int joinMonth = u % 2 == 0 ? 6 : 8;
      hired.put("E" + u, joins[u] ? joinMonth - 1 - random.nextInt(2) : -24 - random.nextInt(96));
    }
    List<BalanceTable.Balance> rows =
        PropensityOverlap.of("time_to_resolve_hours", hired, panel(joins, random));
    assertEquals(2, rows.size(), rows.toString());
    BalanceTable.Balance score = row(rows, PropensityOverlap.SCORE);
    BalanceTable.Balance outside = row(rows, PropensityOverlap.OUTSIDE);
    assertEquals(80, score.nParticipants());
    assertEquals(220, score.nComparison());
    assertTrue(score.participants() > 0.9 && score.comparison() < 0.1, score.toString());
    assertTrue(score.smd() > 2, score.toString());
    assertTrue(outside.participants() > 0.9, "participants unlike anyone: " + outside);
  }

  /** Who joins has nothing to do with tenure or the pre-joining level: the two sides overlap. */
  @Test
  void joiningUnrelatedToTenureAndLevelOverlaps() {
    Random random = new Random(2);
    boolean[] joins = new boolean[PEOPLE];
    Map<String, Integer> hired = new HashMap<>();
    for (int u = 0; u < PEOPLE; u++) {
      joins[u] = random.nextDouble() < 0.3;
      hired.put("E" + u, -random.nextInt(120));
    }
    List<BalanceTable.Balance> rows =
        PropensityOverlap.of("time_to_resolve_hours", hired, panel(joins, random));
    BalanceTable.Balance score = row(rows, PropensityOverlap.SCORE);
    BalanceTable.Balance outside = row(rows, PropensityOverlap.OUTSIDE);
    assertTrue(Math.abs(score.smd()) < 0.5, score.toString());
    assertTrue(outside.participants() < 0.1, outside.toString());
    assertTrue(outside.comparison() < 0.2, outside.toString());

    // Without hire dates the score rests on the pre-joining level alone, for everyone.
    List<BalanceTable.Balance> levelOnly =
        PropensityOverlap.of("time_to_resolve_hours", Map.of(), panel(joins, new Random(2)));
    assertEquals(
        PEOPLE,
        row(levelOnly, PropensityOverlap.SCORE).nParticipants()
            + row(levelOnly, PropensityOverlap.SCORE).nComparison());
  }

  @Test
  void withoutParticipantsThereIsNoRow() {
    assertEquals(
        List.of(), PropensityOverlap.of("x", Map.of(), panel(new boolean[PEOPLE], new Random(3))));
  }
}
