package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.RawRecords;

/**
 * A configured CSV that maps a source's own identifiers to work emails, for exports that carry no
 * emails (Stack Exchange dumps, LMS accounts). A key mapped to two different emails is left
 * unmapped: an identity is never guessed.
 */
final class EmailMappingFile {

  /** The email column of every mapping file. */
  static final String EMAIL = "email";

  /** The mapped email in the returned frame. */
  static final String MAPPED_EMAIL = "mapped_email";

  private EmailMappingFile() {}

  /**
   * Reads the file at {@code path} (relative to the config), which must have the {@code keys}
   * headers and {@code email}. Returns one row per key: the key columns (trimmed, named as the
   * headers) and {@code mapped_email} (trimmed, lower-cased).
   */
  static Dataset<Row> read(
      SparkSession spark, PipelineConfig config, String path, List<String> keys) {
    Map<String, String> columns = new LinkedHashMap<>();
    keys.forEach(k -> columns.put(k, k));
    columns.put(EMAIL, EMAIL);
    List<String> required = new ArrayList<>(columns.values());
    Dataset<Row> raw =
        RawExport.csv(spark, config, path, columns, required)
            .records()
            .filter(col(RawRecords.PARSE_ERROR).isNull().and(col(EMAIL).isNotNull()));
    List<Column> keyColumns = new ArrayList<>();
    List<Column> trimmed = new ArrayList<>();
    for (String k : keys) {
      keyColumns.add(col(k));
      trimmed.add(trim(col(k)).as(k));
    }
    trimmed.add(lower(trim(col(EMAIL))).as(MAPPED_EMAIL));
    return raw.select(trimmed.toArray(Column[]::new))
        .groupBy(keyColumns.toArray(Column[]::new))
        .agg(
            count_distinct(col(MAPPED_EMAIL)).as("emails"),
            first(col(MAPPED_EMAIL)).as(MAPPED_EMAIL))
        .filter(col("emails").equalTo(1))
        .drop("emails");
  }

  /** An empty mapping with the given key columns, for sources configured without a file. */
  static Dataset<Row> none(SparkSession spark, List<String> keys) {
    List<Column> empty = new ArrayList<>();
    keys.forEach(k -> empty.add(org.apache.spark.sql.functions.lit(null).cast("string").as(k)));
    empty.add(org.apache.spark.sql.functions.lit(null).cast("string").as(MAPPED_EMAIL));
    return spark.emptyDataFrame().select(empty.toArray(Column[]::new));
  }

  /** The mapping file when configured, else none. */
  static Dataset<Row> readOrNone(
      SparkSession spark, PipelineConfig config, String path, List<String> keys) {
    return path == null ? none(spark, keys) : read(spark, config, path, keys);
  }
}
