package org.sociallearning.impact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.schemas.TableContract;

/** The estimate history carries the last published copy forward and adds this run's rows. */
class EstimateHistoryTest {

  @TempDir Path output;

  private static Row estimate(String metric, String segment, Double value, String evidence) {
    List<String> columns = TableContract.load("impact_estimates").columnNames();
    Object[] values = new Object[columns.size()];
    values[columns.indexOf("metric")] = metric;
    values[columns.indexOf("segment")] = segment;
    values[columns.indexOf("estimate")] = value;
    values[columns.indexOf("ci_low")] = value == null ? null : value - 0.1;
    values[columns.indexOf("ci_high")] = value == null ? null : value + 0.1;
    values[columns.indexOf("evidence")] = evidence;
    return RowFactory.create(values);
  }

  @Test
  void earlierRunsThenThisRunsOverallRows() throws Exception {
    Path current = Files.createDirectories(output.resolve("current"));
    Files.writeString(
        current.resolve("estimate_history.csv"),
        "run_id,as_of,metric,estimate,ci_low,ci_high,relative_effect,relative_ci_low,"
            + "relative_ci_high,evidence\n"
            + "20250601T021400Z,2025-05-31,win_rate,0.02,-0.01,0.05,,,,inconclusive\n");
    List<String> warnings = new ArrayList<>();
    List<Row> rows =
        EstimateHistory.rows(
            output,
            "20250701T021400Z",
            "2025-06-30",
            List.of(
                estimate("win_rate", "all", 0.04, "weak"),
                estimate("win_rate", "department=Sales", 0.09, "moderate"),
                estimate("csat", "all", null, null)),
            warnings::add);
    assertEquals(List.of(), warnings);
    assertEquals(3, rows.size(), rows.toString());
    assertEquals(
        "[20250601T021400Z,2025-05-31,win_rate,0.02,-0.01,0.05,null,null,null,inconclusive]",
        rows.get(0).toString());
    assertEquals(
        "[20250701T021400Z,2025-06-30,win_rate,0.04,-0.06,0.14,null,null,null,weak]",
        rows.get(1).toString().replace("-0.060000000000000005", "-0.06"));
    assertEquals(
        "[20250701T021400Z,2025-06-30,csat,null,null,null,null,null,null,null]",
        rows.get(2).toString(),
        "a suppressed estimate stays null");
    assertEquals(TableContract.load("estimate_history").columnNames().size(), rows.get(0).length());
  }

  @Test
  void anUnreadableCopyStartsTheHistoryAgainAndSaysSo() throws Exception {
    Path current = Files.createDirectories(output.resolve("current"));
    Files.writeString(current.resolve("estimate_history.csv"), "something else\n1,2\n");
    List<String> warnings = new ArrayList<>();
    List<Row> rows =
        EstimateHistory.rows(
            output,
            "20250701T021400Z",
            "2025-06-30",
            List.of(estimate("win_rate", "all", 0.04, "weak")),
            warnings::add);
    assertEquals(1, rows.size());
    assertEquals(1, warnings.size());
    assertTrue(
        warnings.get(0).startsWith("the estimate history of earlier runs ("), warnings.get(0));
  }
}
