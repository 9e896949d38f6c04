package org.sociallearning.impact.sample;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Month arithmetic of the observation window; all months are UTC calendar months. */
final class Timeline {

  final LocalDate start;
  final int months;
  final LocalDate asOf;
  final Instant asOfInstant;

  /** Last month index in which anything can happen (its first day is before asOf). */
  final int lastMonth;

  /** Last month index that ends on or before asOf. */
  final int lastFullMonth;

  Timeline(GeneratorSettings s) {
    this.start = s.start();
    this.months = s.months();
    this.asOf = s.asOf();
    this.asOfInstant = asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
    int last = months - 1;
    while (last > 0 && !monthStart(last).isBefore(asOf)) {
      last--;
    }
    this.lastMonth = last;
    int full = months - 1;
    while (full > 0 && monthStart(full + 1).isAfter(asOf)) {
      full--;
    }
    this.lastFullMonth = full;
  }

  LocalDate monthStart(int m) {
    return start.plusMonths(m);
  }

  YearMonth yearMonth(int m) {
    return YearMonth.from(monthStart(m));
  }

  int monthIndex(LocalDate date) {
    return (int) ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(date));
  }

  int monthIndex(Instant instant) {
    return monthIndex(instant.atOffset(ZoneOffset.UTC).toLocalDate());
  }

  /**
   * A random instant in month {@code m}, on day 2 .. (last day - 1) so that the month is the same
   * in every time zone, between {@code hourFrom} (inclusive) and {@code hourTo} (exclusive) UTC,
   * with microsecond precision. Returns null when the instant would be on/after asOf or before
   * {@code notBefore}.
   */
  Instant instantInMonth(
      SplittableRandom rng, int m, int hourFrom, int hourTo, LocalDate notBefore) {
    LocalDate first = monthStart(m);
    int len = first.lengthOfMonth();
    LocalDate day = first.plusDays(1 + rng.nextInt(len - 2));
    return at(rng, day, hourFrom, hourTo, notBefore);
  }

  /**
   * Like {@link #instantInMonth} but on any day of the month, including the first and the last;
   * only for callers whose hours keep the date the same in every zone that matters (e.g. 13-23 UTC
   * is 07-17 at UTC-06:00).
   */
  Instant anyDayInMonth(
      SplittableRandom rng, int m, int hourFrom, int hourTo, LocalDate notBefore) {
    LocalDate first = monthStart(m);
    return at(rng, first.plusDays(rng.nextInt(first.lengthOfMonth())), hourFrom, hourTo, notBefore);
  }

  /** Like {@link #instantInMonth} but on a working day (Monday to Friday). */
  Instant workdayInMonth(
      SplittableRandom rng, int m, int hourFrom, int hourTo, LocalDate notBefore) {
    LocalDate first = monthStart(m);
    List<LocalDate> days = new ArrayList<>();
    for (int d = 1; d < first.lengthOfMonth() - 1; d++) {
      LocalDate day = first.plusDays(d);
      if (day.getDayOfWeek().getValue() <= 5) {
        days.add(day);
      }
    }
    return at(rng, days.get(rng.nextInt(days.size())), hourFrom, hourTo, notBefore);
  }

  /**
   * Like {@link #instantInMonth} but on the given day of the week (at least three such days exist).
   */
  Instant weekdayInMonth(
      SplittableRandom rng,
      int m,
      DayOfWeek weekday,
      int hourFrom,
      int hourTo,
      LocalDate notBefore) {
    LocalDate first = monthStart(m);
    LocalDate day = first.plusDays(1);
    while (day.getDayOfWeek() != weekday) {
      day = day.plusDays(1);
    }
    int count = 0;
    for (LocalDate d = day;
        d.getMonthValue() == first.getMonthValue() && d.getDayOfMonth() < first.lengthOfMonth();
        d = d.plusWeeks(1)) {
      count++;
    }
    return at(rng, day.plusWeeks(rng.nextInt(count)), hourFrom, hourTo, notBefore);
  }

  private Instant at(
      SplittableRandom rng, LocalDate day, int hourFrom, int hourTo, LocalDate notBefore) {
    long micros = rng.nextLong((long) (hourTo - hourFrom) * 3_600_000_000L);
    Instant at =
        day.atTime(LocalTime.of(hourFrom, 0))
            .toInstant(ZoneOffset.UTC)
            .plus(micros, ChronoUnit.MICROS);
    if (!at.isBefore(asOfInstant) || (notBefore != null && day.isBefore(notBefore))) {
      return null;
    }
    return at;
  }
}
