package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trunc;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Outcome step behind the volume diagnostics ({@link TicketsHandled}, {@link OpportunitiesCreated};
 * see schemas/contracts/metrics.yaml): how many items each person started per month, months without
 * any counted as 0. Per-item outcomes (time to resolve, win rate) average over the items people
 * handle; if joining changes how many, and so which, items people handle, a change per item may
 * partly be a change in the mix. Estimating the volume itself tells whether that can be so.
 */
public final class WorkVolume {

  private WorkVolume() {}

  /**
   * Needs items with {@code employee_id} and {@code startColumn} (tickets: opened_at,
   * opportunities: created_at) and the roster ({@code employee_id, hire_date}); returns {@code
   * employee_id, month, value, items}: the items the person started in the month (value, a count,
   * also in items), for every person with at least one item by the cut-off, in every month from the
   * first month the export covers (or their hire month, if later) to the last observable month of
   * the window, zero months included.
   */
  public static Dataset<Row> employeeMonths(
      Dataset<Row> items, String startColumn, Dataset<Row> roster, OutcomeWindow window) {
    Dataset<Row> known =
        items.filter(
            col(IdentityResolution.EMPLOYEE_ID)
                .isNotNull()
                .and(col(startColumn).lt(lit(window.cutoff()))));
    Row coverage = known.agg(min(trunc(col(startColumn).cast("date"), "month"))).first();
    LocalDate lastObservable =
        window
            .latestObservableStart()
            .toInstant()
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .minusMonths(1);
    if (coverage.isNullAt(0) || coverage.getDate(0).toLocalDate().isAfter(lastObservable)) {
      return known
          .sparkSession()
          .createDataFrame(java.util.List.of(), EmployeeMonthOutcomes.SCHEMA);
    }
    Date first = coverage.getDate(0);
    Dataset<Row> people =
        known
            .select(col(IdentityResolution.EMPLOYEE_ID))
            .distinct()
            .join(
                roster.select(col(IdentityResolution.EMPLOYEE_ID), col("hire_date")),
                IdentityResolution.EMPLOYEE_ID,
                "left")
            .select(
                col(IdentityResolution.EMPLOYEE_ID),
                greatest(lit(first), coalesce(trunc(col("hire_date"), "month"), lit(first)))
                    .as("from"));
    Dataset<Row> months =
        people
            .filter(col("from").leq(lit(Date.valueOf(lastObservable))))
            .select(
                col(IdentityResolution.EMPLOYEE_ID),
                explode(expr("sequence(from, DATE'" + lastObservable + "', interval 1 month)"))
                    .as(ObservableItems.MONTH));
    // Renamed, so the join condition names two sides rather than one lineage twice.
    Dataset<Row> counts =
        known
            .filter(window.observable(col(startColumn)))
            .groupBy(
                col(IdentityResolution.EMPLOYEE_ID).as("counted_employee"),
                ObservableItems.month(startColumn).as("counted_month"))
            .agg(count(lit(1)).as("n"));
    return months
        .join(
            counts,
            col(IdentityResolution.EMPLOYEE_ID)
                .equalTo(col("counted_employee"))
                .and(col(ObservableItems.MONTH).equalTo(col("counted_month"))),
            "left")
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            col(ObservableItems.MONTH),
            coalesce(col("n"), lit(0L)).cast("double").as(ObservableItems.VALUE),
            coalesce(col("n"), lit(0L)).as("items"));
  }
}
