package org.sociallearning.impact.effects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * Estimation input: turns the employee-month outcome table (already aggregated in Spark, one row
 * per employee and month) and each participant's cohort month into the estimator's panel. Periods
 * are calendar months; cohort 0 means never a participant.
 */
public final class PanelAssembler {

  private PanelAssembler() {}

  /** Months since year 0, so that consecutive months are consecutive integers. */
  public static int monthIndex(LocalDate firstOfMonth) {
    return firstOfMonth.getYear() * 12 + firstOfMonth.getMonthValue() - 1;
  }

  public static LocalDate monthOf(int index) {
    return LocalDate.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1);
  }

  /**
   * @param outcomes {@code employee_id, month, value}
   * @param participants {@code employee_id, cohort_month}
   */
  public static Panel assemble(Dataset<Row> outcomes, Dataset<Row> participants) {
    return assemble(outcomes, participants, false, HireMonthExclusion.NONE);
  }

  /**
   * As {@link #assemble(Dataset, Dataset)}, without the employee-months {@code exclusion} drops.
   */
  public static Panel assemble(
      Dataset<Row> outcomes, Dataset<Row> participants, HireMonthExclusion exclusion) {
    return assemble(outcomes, participants, false, exclusion);
  }

  /**
   * As {@link #assemble(Dataset, Dataset)}, each employee-month weighted by its {@code items}: for
   * effects on the mean per item rather than per person.
   *
   * @param outcomes {@code employee_id, month, value, items}
   */
  public static Panel assembleWeighted(Dataset<Row> outcomes, Dataset<Row> participants) {
    return assemble(outcomes, participants, true, HireMonthExclusion.NONE);
  }

  /** As {@link #assembleWeighted(Dataset, Dataset)}, without the months {@code exclusion} drops. */
  public static Panel assembleWeighted(
      Dataset<Row> outcomes, Dataset<Row> participants, HireMonthExclusion exclusion) {
    return assemble(outcomes, participants, true, exclusion);
  }

  private static Panel assemble(
      Dataset<Row> outcomes,
      Dataset<Row> participants,
      boolean weighted,
      HireMonthExclusion exclusion) {
    List<Row> collected =
        outcomes
            .join(
                participants.select(col(IdentityResolution.EMPLOYEE_ID), col("cohort_month")),
                IdentityResolution.EMPLOYEE_ID,
                "left")
            .select(
                col(IdentityResolution.EMPLOYEE_ID),
                col("month"),
                col("value"),
                col("cohort_month"),
                weighted ? col("items").cast("double") : lit(1.0))
            .orderBy(col(IdentityResolution.EMPLOYEE_ID), col("month"))
            .collectAsList();
    // A person whose every month is excluded leaves the panel altogether.
    List<Row> rows =
        collected.stream()
            .filter(r -> exclusion.keeps(r.getString(0), monthIndex(r.getDate(1).toLocalDate())))
            .toList();
    TreeSet<Integer> months = new TreeSet<>();
    Map<String, Integer> unitIndex = new HashMap<>();
    for (Row r : rows) {
      months.add(monthIndex(r.getDate(1).toLocalDate()));
      unitIndex.putIfAbsent(r.getString(0), unitIndex.size());
    }
    int[] periods = months.stream().mapToInt(Integer::intValue).toArray();
    Map<Integer, Integer> periodIndex = new HashMap<>();
    for (int i = 0; i < periods.length; i++) {
      periodIndex.put(periods[i], i);
    }
    int lastPeriod = periods.length == 0 ? 0 : periods[periods.length - 1];
    double[][] y = new double[unitIndex.size()][periods.length];
    for (double[] unit : y) {
      Arrays.fill(unit, Double.NaN);
    }
    double[][] weight = weighted ? new double[unitIndex.size()][periods.length] : null;
    int[] group = new int[unitIndex.size()];
    String[] ids = new String[unitIndex.size()];
    for (Row r : rows) {
      int u = unitIndex.get(r.getString(0));
      ids[u] = r.getString(0);
      int period = periodIndex.get(monthIndex(r.getDate(1).toLocalDate()));
      y[u][period] = r.getDouble(2);
      if (weighted) {
        weight[u][period] = r.getDouble(4);
      }
      int cohort = r.isNullAt(3) ? 0 : monthIndex(r.getDate(3).toLocalDate());
      // Joined after the last observable month: every observed month is before joining, so
      // they compare like never-participants (as R's did does with late cohorts).
      group[u] = cohort > lastPeriod ? 0 : cohort;
    }
    return weighted
        ? Panel.weighted(periods, group, y, ids, weight)
        : new Panel(periods, group, y, ids);
  }
}
