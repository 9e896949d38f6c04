package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.estimation.KaplanMeier;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Descriptive medians of ticket resolution and sales-cycle durations, participants against
 * never-participants, overall and by the month the work started, each as a Kaplan-Meier median
 * (work still open at as_of is right-censored at its age then) beside the naive median of the work
 * that had ended. The naive figure is what a dashboard shows; it favours quick work, most of all in
 * recent months where slow work is still open. Descriptive: no adjustment for who joins (the
 * estimates table is for effects).
 *
 * <p>Participants' work counts from their joining month on; work of people who join later is in
 * neither group. Durations are rounded (tickets to the minute, deals to the day) so the Spark
 * aggregation by duration keeps the rows sent to the driver bounded.
 */
public final class DurationMedians {

  public static final String PARTICIPANTS = "participants";
  public static final String COMPARISON = "comparison";

  /** One published median: {@code month} is null for the whole window. */
  public record Median(
      String metric,
      LocalDate month,
      String group,
      long people,
      long items,
      long ended,
      long censored,
      KaplanMeier.Median kaplanMeier,
      double naive) {}

  private DurationMedians() {}

  /**
   * Needs tickets with {@code employee_id, opened_at, resolved_at, closed_at}; returns {@code
   * employee_id, month, duration, ended}: hours from opening to resolution by the cut-off, or to
   * the cut-off for tickets still open (ended false). Closed-unresolved tickets are left out, as in
   * {@link TimeToResolve}.
   */
  public static Dataset<Row> ticketDurations(Dataset<Row> tickets, OutcomeWindow window) {
    Column resolved = window.endedBy(col("resolved_at"));
    Column end = when(resolved.isNotNull(), resolved).otherwise(lit(window.cutoff()));
    Column minutes =
        round(unix_timestamp(end).minus(unix_timestamp(col("opened_at"))).divide(60.0));
    return tickets
        .filter(
            col(IdentityResolution.EMPLOYEE_ID)
                .isNotNull()
                .and(col("opened_at").lt(lit(window.cutoff())))
                .and(ObservableItems.closedUnresolved(window).unary_$bang()))
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            ObservableItems.month("opened_at"),
            greatest(minutes, lit(0.0)).divide(60.0).as("duration"),
            resolved.isNotNull().as("ended"));
  }

  /**
   * Needs opportunities with {@code employee_id, created_at, close_date, is_closed}; returns {@code
   * employee_id, month, duration, ended}: days from creation to close by as_of, or to as_of for
   * opportunities still open.
   */
  public static Dataset<Row> dealDurations(Dataset<Row> opportunities, OutcomeWindow window) {
    Column closed = ObservableItems.closedBy(window);
    Column created = col("created_at").cast("date");
    Column days =
        when(closed, datediff(col("close_date"), created))
            .otherwise(datediff(lit(Date.valueOf(window.asOf())), created));
    return opportunities
        .filter(
            col(IdentityResolution.EMPLOYEE_ID)
                .isNotNull()
                .and(col("created_at").lt(lit(window.cutoff()))))
        .select(
            col(IdentityResolution.EMPLOYEE_ID),
            ObservableItems.month("created_at"),
            greatest(days, lit(0)).cast("double").as("duration"),
            closed.as("ended"));
  }

  /**
   * Kaplan-Meier and naive medians per group, overall and per month.
   *
   * @param durations {@code employee_id, month, duration, ended}
   * @param participants {@code employee_id, cohort_month}
   */
  public static List<Median> of(String metric, Dataset<Row> durations, Dataset<Row> participants) {
    Dataset<Row> grouped =
        durations
            .join(
                participants.select(col(IdentityResolution.EMPLOYEE_ID), col("cohort_month")),
                IdentityResolution.EMPLOYEE_ID,
                "left")
            .withColumn(
                "group",
                when(col("cohort_month").isNull(), lit(COMPARISON))
                    .when(col("cohort_month").leq(col("month")), lit(PARTICIPANTS)))
            .filter(col("group").isNotNull());
    Map<String, Long> people = new LinkedHashMap<>();
    for (Row r :
        grouped
            .groupBy(col("group"), col("month"))
            .agg(countDistinct(col(IdentityResolution.EMPLOYEE_ID)))
            .collectAsList()) {
      people.put(key(r.getString(0), r.getDate(1).toLocalDate()), r.getLong(2));
    }
    for (Row r :
        grouped
            .groupBy(col("group"))
            .agg(countDistinct(col(IdentityResolution.EMPLOYEE_ID)))
            .collectAsList()) {
      people.put(key(r.getString(0), null), r.getLong(1));
    }
    Map<String, Counts> counts = new LinkedHashMap<>();
    for (Row r :
        grouped
            .groupBy(col("group"), col("month"), col("duration"), col("ended"))
            .agg(count(lit(1)))
            .collectAsList()) {
      LocalDate month = r.getDate(1).toLocalDate();
      int n = Math.toIntExact(r.getLong(4));
      for (String k : List.of(key(r.getString(0), month), key(r.getString(0), null))) {
        counts.computeIfAbsent(k, x -> new Counts()).add(r.getDouble(2), r.getBoolean(3), n);
      }
    }
    List<Median> out = new ArrayList<>();
    for (Map.Entry<String, Counts> e : new java.util.TreeMap<>(counts).entrySet()) {
      String[] parts = e.getKey().split("\\|", -1);
      LocalDate month = parts[1].isEmpty() ? null : LocalDate.parse(parts[1]);
      out.add(e.getValue().median(metric, month, parts[0], people.get(e.getKey())));
    }
    return out;
  }

  /** Sorts the overall row of each group before its months (empty month sorts first). */
  private static String key(String group, LocalDate month) {
    return group + "|" + (month == null ? "" : month.toString());
  }

  /** Counted durations of one group (and month). */
  private static final class Counts {
    private final List<Double> durations = new ArrayList<>();
    private final List<Boolean> events = new ArrayList<>();
    private final List<Integer> counts = new ArrayList<>();

    void add(double duration, boolean ended, int n) {
      durations.add(duration);
      events.add(ended);
      counts.add(n);
    }

    Median median(String metric, LocalDate month, String group, Long people) {
      int rows = durations.size();
      double[] d = new double[rows];
      boolean[] e = new boolean[rows];
      int[] c = new int[rows];
      long ended = 0;
      long items = 0;
      for (int i = 0; i < rows; i++) {
        d[i] = durations.get(i);
        e[i] = events.get(i);
        c[i] = counts.get(i);
        items += c[i];
        ended += e[i] ? c[i] : 0;
      }
      KaplanMeier km = KaplanMeier.fit(d, e, c);
      // The naive median: ended work alone, as if nothing were open (same quantile rule).
      int[] endedOnly = new int[rows];
      boolean[] all = new boolean[rows];
      for (int i = 0; i < rows; i++) {
        endedOnly[i] = e[i] ? c[i] : 0;
        all[i] = true;
      }
      double naive = KaplanMeier.fit(d, all, endedOnly).median().estimate();
      return new Median(
          metric,
          month,
          group,
          Objects.requireNonNull(people, group),
          items,
          ended,
          items - ended,
          km.median(),
          naive);
    }
  }
}
