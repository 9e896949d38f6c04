package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step for {@code time_to_first_deal_days} (see schemas/contracts/metrics.yaml): a
 * per-person duration from hire to the first won deal, right-censored at as_of. Not an
 * employee-month panel: it feeds a Kaplan-Meier comparison of participants and non-participants,
 * not the difference-in-differences estimator.
 */
public final class TimeToFirstDeal {

  public static final String METRIC = "time_to_first_deal_days";

  /** Group of a person at the landmark: participating by then. */
  public static final String PARTICIPANT = "participant";

  /** Group of a person at the landmark: not yet participating, but joined later. */
  public static final String LATER_PARTICIPANT = "later_participant";

  /** Group of a person at the landmark: never a participant by as_of. */
  public static final String NEVER_PARTICIPANT = "never_participant";

  private TimeToFirstDeal() {}

  /**
   * Needs roster {@code employee_id, hire_date} and opportunities {@code employee_id, created_at,
   * close_date, is_closed, is_won}; returns {@code employee_id, hire_month, days, event}, one row
   * per new hire who sells. days runs from hire_date to the close of the first deal won on or after
   * hire_date by as_of (event true), or to as_of (event false, right-censored). New hires are hired
   * by as_of and on or after the first creation date in the opportunities given (an earlier hire's
   * first deal may predate the export); sellers own at least one opportunity created by as_of, so
   * people who do not sell are not read as never closing.
   */
  public static Dataset<Row> people(
      Dataset<Row> roster, Dataset<Row> opportunities, OutcomeWindow window) {
    Date asOf = Date.valueOf(window.asOf());
    Dataset<Row> created = opportunities.filter(col("created_at").lt(lit(window.cutoff())));
    Dataset<Row> coverage = created.agg(min(col("created_at").cast("date")).as("coverage_start"));
    Dataset<Row> newHires =
        roster
            .filter(col("hire_date").isNotNull().and(col("hire_date").leq(lit(asOf))))
            .select(col(IdentityResolution.EMPLOYEE_ID), col("hire_date"))
            .crossJoin(coverage)
            .filter(col("hire_date").geq(col("coverage_start")));
    // Deals closed before the hire date were inherited with the accounts, not won by the hire.
    Column wonAsHire =
        col("is_won")
            .and(ObservableItems.closedBy(window))
            .and(col("close_date").geq(col("hire_date")));
    Column firstWin = col("first_win");
    return created
        .filter(col(IdentityResolution.EMPLOYEE_ID).isNotNull())
        .join(newHires, IdentityResolution.EMPLOYEE_ID)
        .groupBy(col(IdentityResolution.EMPLOYEE_ID), col("hire_date"))
        .agg(min(when(wonAsHire, col("close_date"))).as("first_win"))
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            trunc(col("hire_date"), "month").as("hire_month"),
            datediff(coalesce(firstWin, lit(asOf)), col("hire_date")).as("days"),
            firstWin.isNotNull().as("event"));
  }

  /**
   * Landmark groups for comparing participants with non-participants: needs {@link #people} rows,
   * roster {@code employee_id, hire_date} and participants {@code employee_id, participated_at}
   * (when they met the participation rule, which uses nothing after that date); returns {@code
   * employee_id, group, days, event} for the people still without a won deal and still followed at
   * {@code landmarkDays} after hire. Participation is fixed at the landmark because grouping by
   * participation at any time would count the time before someone joined, and deals won before it,
   * as participant time (immortal-time bias). The classic landmark comparison is {@link
   * #PARTICIPANT} against the other two groups; {@link #PARTICIPANT} against {@link
   * #NEVER_PARTICIPANT} alone matches the job's control group but conditions on not joining later.
   */
  public static Dataset<Row> landmarkGroups(
      Dataset<Row> people, Dataset<Row> roster, Dataset<Row> participants, int landmarkDays) {
    if (landmarkDays < 0) {
      throw new IllegalArgumentException("landmarkDays must be 0 or more, got " + landmarkDays);
    }
    Column joinedDay = datediff(col("participated_at").cast("date"), col("hire_date"));
    Column group =
        when(col("participated_at").isNull(), NEVER_PARTICIPANT)
            .when(joinedDay.leq(landmarkDays), PARTICIPANT)
            .otherwise(LATER_PARTICIPANT);
    return people
        .filter(col("days").geq(landmarkDays))
        .join(
            roster.select(col(IdentityResolution.EMPLOYEE_ID), col("hire_date")),
            IdentityResolution.EMPLOYEE_ID)
        .join(
            participants.select(col(IdentityResolution.EMPLOYEE_ID), col("participated_at")),
            IdentityResolution.EMPLOYEE_ID,
            "left")
        .select(col(IdentityResolution.EMPLOYEE_ID), group.as("group"), col("days"), col("event"));
  }
}
