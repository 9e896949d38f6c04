package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Rules the item-level outcome steps share, all on top of {@link OutcomeWindow}: which items an
 * outcome may use (a known employee's, started early enough to be followed for the whole horizon),
 * the month they count in, and whether an item ended within its horizon.
 */
final class ObservableItems {

  static final String MONTH = "month";
  static final String VALUE = "value";

  private static final long SECONDS_PER_DAY = 86_400L;

  private ObservableItems() {}

  /** Rows of a known employee whose start lets them be followed for the whole horizon. */
  static Dataset<Row> of(Dataset<Row> rows, String startColumn, OutcomeWindow window) {
    return rows.filter(
        col(IdentityResolution.EMPLOYEE_ID).isNotNull().and(window.observable(col(startColumn))));
  }

  /** The month the work started: first day of the start's calendar month (UTC). */
  static Column month(String startColumn) {
    return trunc(col(startColumn).cast("date"), "month").as(MONTH);
  }

  /**
   * True when {@code end} happened by the cut-off and at most one horizon after {@code start};
   * false otherwise, including items still open (never null).
   */
  static Column endedWithinHorizon(Column start, Column end, OutcomeWindow window) {
    Column seconds = unix_timestamp(window.endedBy(end)).minus(unix_timestamp(start));
    return coalesce(seconds.leq(window.horizonDays() * SECONDS_PER_DAY), lit(false));
  }

  /**
   * Closed (or cancelled) without ever being resolved, within the horizon of opening: a duplicate
   * or withdrawn ticket has no resolution to judge (time_to_resolve_hours leaves these out too).
   * Only within the horizon, because the outcome is what was known at the horizon: a ticket still
   * open then counts as "longer than the horizon" however it ended later, so how tickets end after
   * the horizon cannot change which tickets are in the sample.
   */
  static Column closedUnresolved(OutcomeWindow window) {
    return window
        .endedBy(col("resolved_at"))
        .isNull()
        .and(endedWithinHorizon(col("opened_at"), col("closed_at"), window));
  }

  /** Whether an opportunity had closed by as_of (its close_date is the actual one then). */
  static Column closedBy(OutcomeWindow window) {
    return coalesce(
        col("is_closed").and(col("close_date").leq(lit(Date.valueOf(window.asOf())))), lit(false));
  }

  /** Days from creation to close of an opportunity closed by as_of, else null; as SalesOutcomes. */
  static Column daysToClose(OutcomeWindow window) {
    return when(closedBy(window), datediff(col("close_date"), col("created_at").cast("date")));
  }

  /** Closed won by as_of and within the horizon of its creation (never null). */
  static Column wonWithinHorizon(OutcomeWindow window) {
    return coalesce(col("is_won").and(daysToClose(window).leq(window.horizonDays())), lit(false));
  }
}
