package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.CsvRecordReader;
import org.sociallearning.impact.ingest.InputFiles;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.schemas.RowChecks;

/** The files behind one configured path and their raw records. */
record RawExport(List<Path> files, List<String> displayNames, Dataset<Row> records) {

  /** Reads CSV files (one file, or {@code *.csv} in a folder) after checking required headers. */
  static RawExport csv(
      SparkSession spark,
      PipelineConfig config,
      String path,
      Map<String, String> columns,
      List<String> requiredHeaders) {
    List<Path> files = InputFiles.list(config.resolve(path), "*.csv");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .csv files in " + config.resolve(path));
    }
    CsvRecordReader.requireColumns(files, requiredHeaders);
    Dataset<Row> raw = CsvRecordReader.read(spark, files, config.configDir(), columns);
    return new RawExport(files, names(config, files), raw);
  }

  static List<String> names(PipelineConfig config, List<Path> files) {
    List<String> out = new ArrayList<>();
    for (Path f : files) {
      out.add(
          f.startsWith(config.configDir())
              ? config.configDir().relativize(f).toString()
              : f.toString());
    }
    return out;
  }

  /** The problem a reader recorded for an unreadable record, as the first problem of the row. */
  static Column parseProblem() {
    return when(
        col(RawRecords.PARSE_ERROR).isNotNull(),
        RowChecks.problem("record: unreadable", lit(null))
            .withField(
                "reason",
                org.apache.spark.sql.functions.concat(
                    lit("record: unreadable: "), col(RawRecords.PARSE_ERROR))));
  }

  /** Problems that are present only when {@code condition} holds. */
  static Column problemWhen(Column condition, String reason, Column value) {
    return when(condition, RowChecks.problem(reason, value == null ? lit(null) : value));
  }
}
