package org.sociallearning.impact.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.sociallearning.impact.schemas.PublishedTableList;
import org.sociallearning.impact.schemas.TableContract;

/**
 * The published {@code estimate_history} table: the rows the last published run carried (from its
 * {@code estimate_history.csv} under {@code <output>/current/}), then this run's overall estimate
 * of every metric. Carried forward run to run, so it outlives the runs {@code keep_runs} removes.
 */
public final class EstimateHistory {

  static final String TABLE = PublishedTableList.require("estimate_history");

  private static final List<String> NUMBERS =
      List.of(
          "estimate",
          "ci_low",
          "ci_high",
          "relative_effect",
          "relative_ci_low",
          "relative_ci_high");

  private EstimateHistory() {}

  /**
   * Earlier runs' rows (none when the last published copy is missing or unreadable: {@code
   * warnings} then gets a line), then one row per metric of {@code estimates}' overall rows.
   */
  public static List<Row> rows(
      Path output,
      String runId,
      String asOf,
      List<Row> estimates,
      java.util.function.Consumer<String> warnings) {
    List<Row> out = new ArrayList<>(previous(output, runId, warnings));
    // The assembled rows are in the contract's column order (they carry no schema).
    List<String> columns = TableContract.load("impact_estimates").columnNames();
    for (Row r : estimates) {
      if (!"all".equals(r.get(columns.indexOf("segment")))) {
        continue;
      }
      List<Object> values = new ArrayList<>(List.of(runId, asOf, r.get(columns.indexOf("metric"))));
      for (String column : NUMBERS) {
        values.add(r.get(columns.indexOf(column)));
      }
      values.add(r.get(columns.indexOf("evidence")));
      out.add(RowFactory.create(values.toArray()));
    }
    return out;
  }

  private static List<Row> previous(
      Path output, String runId, java.util.function.Consumer<String> warnings) {
    Path file = output.resolve("current").resolve(PublishedTableList.csv(TABLE));
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    List<Row> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      for (CSVRecord rec : parser) {
        if (rec.get("run_id").equals(runId)) {
          continue;
        }
        List<Object> values = new ArrayList<>(List.of(rec.get("run_id"), rec.get("as_of")));
        values.add(rec.get("metric"));
        for (String column : NUMBERS) {
          String v = rec.get(column);
          values.add(v.isBlank() ? null : Double.valueOf(v));
        }
        values.add(rec.get("evidence").isBlank() ? null : rec.get("evidence"));
        out.add(RowFactory.create(values.toArray()));
      }
    } catch (IOException | RuntimeException e) {
      warnings.accept(
          "the estimate history of earlier runs ("
              + file
              + ") could not be read and starts again with this run: "
              + e.getMessage());
      return List.of();
    }
    return out;
  }
}
