package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.GroupTimeEffect;
import org.sociallearning.impact.estimation.Panel;

class CalendarComparisonTest {

  private static final int JAN = PanelAssembler.monthIndex(LocalDate.of(2025, 1, 1));
  private static final double NA = Double.NaN;

  /**
   * Months Jan..Mar. Cohort Feb (3 people), cohort Mar (1 person), never (3 people); the calendar
   * effect is -1 in February and -2 in March.
   */
  private static Panel panel() {
    int[] periods = {JAN, JAN + 1, JAN + 2};
    int[] group = {JAN + 1, JAN + 1, JAN + 1, JAN + 2, 0, 0, 0};
    double[][] y = {
      {10, 8, 7}, {12, 10, 9}, {11, 12, NA}, {20, 20, 16}, {10, 10, 10}, {12, 12, 12}, {11, NA, 14}
    };
    return new Panel(periods, group, y, new String[] {"a", "b", "c", "d", "e", "f", "g"});
  }

  private static DidResult result() {
    List<GroupTimeEffect> cells =
        List.of(
            new GroupTimeEffect(JAN + 1, JAN + 1, -1, 0.1, -1.2, -0.8, 3, 3),
            new GroupTimeEffect(JAN + 1, JAN + 2, -2, 0.1, -2.2, -1.8, 2, 3),
            new GroupTimeEffect(JAN + 2, JAN + 2, -2, 0.1, -2.2, -1.8, 1, 3));
    List<AggregateEffect> aggregates =
        List.of(
            new AggregateEffect(
                AggregateEffect.CALENDAR, String.valueOf(JAN + 1), -1, 0.1, -1.2, -0.8),
            new AggregateEffect(
                AggregateEffect.CALENDAR, String.valueOf(JAN + 2), -2, 0.1, -2.2, -1.8),
            new AggregateEffect(
                AggregateEffect.CALENDAR, AggregateEffect.OVERALL, -1.5, 0.1, -1.7, -1.3));
    return new DidResult(
        cells, aggregates, 4, 3, List.of(), DidResult.PreTrendTest.NONE, Optional.empty());
  }

  @Test
  void participantsAreWeightedByCohortSizeAndTheCounterfactualRemovesTheEffect() {
    List<CalendarComparison.Month> months = CalendarComparison.of(panel(), result(), 1, false);

    assertEquals(2, months.size());
    CalendarComparison.Month feb = months.get(0);
    assertEquals(LocalDate.of(2025, 2, 1), feb.month());
    assertEquals((8 + 10 + 12) / 3.0, feb.participants(), 1e-12);
    assertEquals(10 + 1, feb.counterfactual(), 1e-12);
    assertEquals(11, feb.comparison(), 1e-12);
    assertEquals(3, feb.nParticipants());
    assertEquals(2, feb.nComparison());
    // March: cohort Feb (3 people, 2 observed: mean 8) and cohort Mar (1 person: 16).
    CalendarComparison.Month mar = months.get(1);
    double observed = (3 * 8.0 + 1 * 16.0) / 4;
    assertEquals(observed, mar.participants(), 1e-12);
    assertEquals(observed + 2, mar.counterfactual(), 1e-12);
    assertEquals(3, mar.nParticipants());
  }

  @Test
  void monthsWithTooFewPeopleAreSuppressed() {
    List<CalendarComparison.Month> months = CalendarComparison.of(panel(), result(), 3, false);

    assertEquals(10, months.get(0).participants(), 1e-12);
    assertTrue(Double.isNaN(months.get(0).comparison()), "2 comparison people in February");
    assertEquals(12, months.get(1).comparison(), 1e-12);
  }

  @Test
  void notYetTreatedCountAsComparisonUntilTheyJoin() {
    List<CalendarComparison.Month> months = CalendarComparison.of(panel(), result(), 1, true);

    // February: never-participants e, f plus d, who joins in March.
    assertEquals((10 + 12 + 20) / 3.0, months.get(0).comparison(), 1e-12);
    assertEquals(3, months.get(0).nComparison());
  }
}
