package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.Panel;

class BalanceTableTest {

  static final double N = Double.NaN;

  /** Periods 1..4; participants join in 3; comparison people are compared before month 3. */
  final Panel panel =
      new Panel(
          new int[] {1, 2, 3, 4},
          new int[] {3, 3, 0, 0},
          new double[][] {{1, 1, 9, 9}, {2, N, 9, 9}, {3, 5, 0, 0}, {5, 5, 0, 0}},
          new String[] {"P1", "P2", "C1", "C2"});

  @Test
  void preJoiningOutcomesUseOnlyMonthsBeforeJoining() {
    BalanceTable.Balance b = BalanceTable.preJoiningOutcome("m", panel);
    assertEquals(1.5, b.participants(), 1e-12, "P1 mean 1, P2 mean 2");
    assertEquals(4.5, b.comparison(), 1e-12, "C1 mean 4, C2 mean 5");
    // Pooled sd = sqrt((0.5 + 0.5) / 2): SMD = -3 / 0.7071
    assertEquals(-3 / Math.sqrt(0.5), b.smd(), 1e-12);
    assertEquals(2, b.nParticipants());
  }

  @Test
  void attributeSharesPerValue() {
    List<BalanceTable.Balance> rows =
        BalanceTable.attribute(
            "m",
            "department",
            Map.of("P1", "Sales", "P2", "Sales", "C1", "Sales", "C2", "Support"),
            panel);
    assertEquals("department=Sales", rows.get(0).variable());
    assertEquals(1.0, rows.get(0).participants(), 1e-12);
    assertEquals(0.5, rows.get(0).comparison(), 1e-12);
    assertEquals(2, rows.size());
  }
}
