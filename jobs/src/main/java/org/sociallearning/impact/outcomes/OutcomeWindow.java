package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;

/**
 * The censoring rule shared by duration outcomes: an item is followed for a fixed horizon, and
 * only items that started at least one horizon before the end of {@code as_of} are observable.
 * Every observable item then has a known outcome (its duration, or "longer than the horizon"),
 * so recent months are not biased towards items that happened to finish quickly.
 */
public record OutcomeWindow(LocalDate asOf, int horizonDays) {

  /** Start of the day after as_of, UTC: nothing at or after it has happened yet. */
  public Timestamp cutoff() {
    return Timestamp.from(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Latest start of an item that can be followed for the whole horizon. */
  public Timestamp latestObservableStart() {
    return Timestamp.from(asOf.plusDays(1).minusDays(horizonDays).atStartOfDay(ZoneOffset.UTC)
        .toInstant());
  }

  public Column observable(Column start) {
    return start.lt(lit(latestObservableStart()));
  }

  /** The end if it happened by the cut-off, else null (still open as far as we know). */
  public Column endedBy(Column end) {
    return org.apache.spark.sql.functions.when(end.lt(lit(cutoff())), end);
  }
}
