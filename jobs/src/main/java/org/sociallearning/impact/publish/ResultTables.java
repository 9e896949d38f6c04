package org.sociallearning.impact.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.sociallearning.impact.effects.EventTimeEffect;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.schemas.PublishedTableList;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

/**
 * Publish step: writes the estimates and event-study tables as CSV (for people) and Parquet (for
 * BI), both in the shape of their contracts. Missing numbers (suppressed) are empty / null.
 */
public final class ResultTables {

  private ResultTables() {}

  /** Every table a run can publish as CSV and Parquet: {@link PublishedTableList#NAMES}. */
  public static final List<String> PUBLISHED = PublishedTableList.NAMES;

  /** Reads a published table back from {@code <dir>/<table>/} (Parquet) in its contract's shape. */
  public static List<Row> read(SparkSession spark, String table, Path dir) {
    return spark
        .read()
        .schema(SparkSchemas.of(TableContract.load(table)))
        .parquet(dir.resolve(table).toString())
        .collectAsList();
  }

  public static List<Row> eventStudyRows(List<MetricEstimate> estimates) {
    List<Row> rows = new ArrayList<>();
    for (MetricEstimate e : estimates) {
      if (!"all".equals(e.segment())) {
        continue;
      }
      for (EventTimeEffect a : e.eventStudy()) {
        rows.add(
            RowFactory.create(
                e.metric().name(),
                a.eventTime(),
                num(a.estimate()),
                num(a.se()),
                num(a.ciLow()),
                num(a.ciHigh()),
                a.nTreated(),
                num(a.bandLow()),
                num(a.bandHigh())));
      }
    }
    return rows;
  }

  /** Participants vs comparison by calendar month, overall estimates only. */
  public static List<Row> calendarRows(List<MetricEstimate> estimates) {
    List<Row> rows = new ArrayList<>();
    for (MetricEstimate e : estimates) {
      for (org.sociallearning.impact.effects.CalendarComparison.Month m : e.calendar()) {
        rows.add(
            RowFactory.create(
                e.metric().name(),
                java.sql.Date.valueOf(m.month()),
                num(m.participants()),
                num(m.counterfactual()),
                num(m.comparison()),
                m.nParticipants(),
                m.nComparison()));
      }
    }
    return rows;
  }

  /** Balance rows; numbers of rows resting on fewer than {@code minGroupSize} people are nulled. */
  public static List<Row> balanceRows(
      List<org.sociallearning.impact.effects.BalanceTable.Balance> rows, int minGroupSize) {
    List<Row> out = new ArrayList<>();
    for (var b : rows) {
      boolean shown = b.nParticipants() >= minGroupSize && b.nComparison() >= minGroupSize;
      out.add(
          RowFactory.create(
              b.metric(),
              b.variable(),
              shown ? num(b.participants()) : null,
              shown ? num(b.comparison()) : null,
              shown ? num(b.smd()) : null,
              b.nParticipants(),
              b.nComparison()));
    }
    return out;
  }

  /** The two Kaplan-Meier groups; a group below {@code minGroupSize} people keeps only its flag. */
  public static List<Row> firstDealRows(
      org.sociallearning.impact.outcomes.FirstDealComparison comparison, int minGroupSize) {
    List<Row> out = new ArrayList<>();
    addFirstDealRow(out, "participants", comparison.participants(), minGroupSize);
    addFirstDealRow(out, "comparison", comparison.comparison(), minGroupSize);
    return out;
  }

  private static void addFirstDealRow(
      List<Row> out,
      String group,
      org.sociallearning.impact.estimation.KaplanMeier curve,
      int minGroupSize) {
    long people = curve.size();
    if (people < minGroupSize) {
      out.add(RowFactory.create(group, null, null, null, null, null, true));
      return;
    }
    long deals = curve.curve().stream().mapToLong(s -> s.events()).sum();
    var median = curve.median();
    out.add(
        RowFactory.create(
            group,
            people,
            deals,
            num(median.estimate()),
            num(median.ciLow()),
            num(median.ciHigh()),
            false));
  }

  /** Duration medians; a group below {@code minGroupSize} people keeps its keys only. */
  public static List<Row> durationMedianRows(
      List<org.sociallearning.impact.outcomes.DurationMedians.Median> medians,
      String unit,
      int minGroupSize) {
    List<Row> out = new ArrayList<>();
    for (var m : medians) {
      boolean shown = m.people() >= minGroupSize;
      java.sql.Date month = m.month() == null ? null : java.sql.Date.valueOf(m.month());
      out.add(
          RowFactory.create(
              m.metric(),
              month,
              m.group(),
              unit,
              shown ? m.people() : null,
              shown ? m.items() : null,
              shown ? m.ended() : null,
              shown ? m.censored() : null,
              shown ? num(m.kaplanMeier().estimate()) : null,
              shown ? num(m.kaplanMeier().ciLow()) : null,
              shown ? num(m.kaplanMeier().ciHigh()) : null,
              shown ? num(m.naive()) : null,
              !shown));
    }
    return out;
  }

  public static List<Row> valueRows(List<org.sociallearning.impact.value.ValueRow> values) {
    List<Row> rows = new ArrayList<>();
    for (org.sociallearning.impact.value.ValueRow v : values) {
      rows.add(
          RowFactory.create(
              v.item(), num(v.estimate()), num(v.low()), num(v.high()), v.unit(), v.method()));
    }
    return rows;
  }

  /** Writes {@code <dir>/<table>.csv} and the Parquet folder {@code <dir>/<table>/}. */
  public static void write(SparkSession spark, String table, List<Row> rows, Path dir) {
    TableContract contract = TableContract.load(PublishedTableList.require(table));
    writeCsv(contract, rows, dir.resolve(table + ".csv"));
    spark
        .createDataFrame(rows, SparkSchemas.of(contract))
        .coalesce(1)
        .write()
        .parquet(dir.resolve(table).toString());
  }

  /** Writes a small table as single files {@code <folder>/<name>.parquet} and {@code .csv}. */
  public static void writeSingleFile(
      SparkSession spark, String table, List<Row> rows, Path folder, String name) {
    TableContract contract = TableContract.load(table);
    Path parts = folder.resolve("." + name + "-parts");
    try {
      Files.createDirectories(folder);
      writeCsv(contract, rows, folder.resolve(name + ".csv"));
      spark
          .createDataFrame(rows, SparkSchemas.of(contract))
          .coalesce(1)
          .write()
          .parquet(parts.toString());
      try (java.util.stream.Stream<Path> files = Files.list(parts)) {
        Path part =
            files
                .filter(p -> p.getFileName().toString().endsWith(".parquet"))
                .findFirst()
                .orElseThrow(() -> new IOException("Spark wrote no Parquet file"));
        Files.move(part, folder.resolve(name + ".parquet"));
      }
      StagedOutput.deleteTree(parts);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + folder.resolve(name + ".parquet") + ": " + e.getMessage(), e);
    }
  }

  /**
   * The rows of an aggregated table (a few rows per community or month, never row-level data) in
   * its contract's column order, sorted by those columns so reruns write identical files.
   */
  public static List<Row> rows(String table, Dataset<Row> aggregated) {
    TableContract contract = TableContract.load(table);
    Column[] columns = contract.columnNames().stream().map(functions::col).toArray(Column[]::new);
    return aggregated.select(columns).orderBy(columns).collectAsList();
  }

  /** Writes an aggregated table: {@link #rows(String, Dataset)}, then as CSV and Parquet. */
  public static void write(SparkSession spark, String table, Dataset<Row> aggregated, Path dir) {
    write(spark, table, rows(table, aggregated), dir);
  }

  static void writeCsv(TableContract contract, List<Row> rows, Path file) {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader(contract.columnNames().toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, format)) {
      for (Row r : rows) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
          Object v = r.isNullAt(i) ? "" : r.get(i);
          values.add(v instanceof String text ? SpreadsheetSafe.cell(text) : v);
        }
        printer.printRecord(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static Double num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
