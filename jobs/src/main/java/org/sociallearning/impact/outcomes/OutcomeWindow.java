package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;

/**
 * The censoring rule shared by duration outcomes: an item is followed for a fixed horizon, and only
 * items that started at least one horizon before the end of {@code as_of} are observable. Every
 * observable item then has a known outcome (its duration, or "longer than the horizon"), so recent
 * months are not biased towards items that happened to finish quickly. Only whole months are
 * observable: a month whose last days cannot yet be followed for the horizon is left out entirely,
 * so no month is represented by its first few days only.
 */
public record OutcomeWindow(LocalDate asOf, int horizonDays) {

  /** Start of the day after as_of, UTC: nothing at or after it has happened yet. */
  public Timestamp cutoff() {
    return Timestamp.from(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /**
   * Items must start before this instant: the first day of the month that holds the day from which
   * items can no longer be followed for the whole horizon by the cut-off (items starting before
   * that day can).
   */
  public Timestamp latestObservableStart() {
    LocalDate lastFollowedStart = asOf.plusDays(1).minusDays(horizonDays);
    LocalDate firstUnobservableMonth = lastFollowedStart.withDayOfMonth(1);
    return Timestamp.from(firstUnobservableMonth.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  public Column observable(Column start) {
    return start.lt(lit(latestObservableStart()));
  }

  /** The end if it happened by the cut-off, else null (still open as far as we know). */
  public Column endedBy(Column end) {
    return org.apache.spark.sql.functions.when(end.lt(lit(cutoff())), end);
  }
}
