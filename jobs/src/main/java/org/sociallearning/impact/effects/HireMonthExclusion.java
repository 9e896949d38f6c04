package org.sociallearning.impact.effects;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code estimation.exclude_months_after_hire}: which employee-months leave the panel before
 * estimation ({@link PanelAssembler}). With N months, a person's months whose tenure is below N
 * (the hire month has tenure 0) are dropped: their learning curve is steepest then, and most people
 * who join a community do so then. People without a readable hire date keep every month.
 */
public final class HireMonthExclusion {

  /** Keeps every month (the default, N = 0). */
  public static final HireMonthExclusion NONE = new HireMonthExclusion(0, Map.of());

  private final int months;
  private final Map<String, Integer> hireMonth;

  private HireMonthExclusion(int months, Map<String, Integer> hireMonth) {
    this.months = months;
    this.hireMonth = hireMonth;
  }

  /**
   * @param hireDates each employee id's hire date as yyyy-MM-dd; may be null when {@code months} is
   *     0
   */
  public static HireMonthExclusion of(int months, Map<String, String> hireDates) {
    if (months <= 0 || hireDates == null) {
      return NONE;
    }
    return new HireMonthExclusion(months, hireMonths(hireDates));
  }

  /**
   * Each employee id's hire month ({@link PanelAssembler#monthIndex}) from hire dates as
   * yyyy-MM-dd; people without a readable date are left out.
   */
  public static Map<String, Integer> hireMonths(Map<String, String> hireDates) {
    Map<String, Integer> hired = new HashMap<>();
    hireDates.forEach(
        (id, date) -> {
          try {
            hired.put(id, PanelAssembler.monthIndex(LocalDate.parse(date).withDayOfMonth(1)));
          } catch (DateTimeParseException | NullPointerException e) {
            // Unknown hire date: nothing to exclude for this person.
          }
        });
    return hired;
  }

  /** Whether the employee-month ({@link PanelAssembler#monthIndex}) stays in the panel. */
  public boolean keeps(String employeeId, int monthIndex) {
    Integer hired = months == 0 ? null : hireMonth.get(employeeId);
    return hired == null || monthIndex - hired >= months;
  }
}
