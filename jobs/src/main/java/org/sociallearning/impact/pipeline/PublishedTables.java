package org.sociallearning.impact.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.publish.ResultTables;

/**
 * What a run publishes, before it is written: every published table's rows by table name, in the
 * contract's column order (all are aggregates, small enough to hold). Tables are added once; a
 * second addition of one name is a bug.
 */
public final class PublishedTables {

  private final Map<String, List<Row>> tables = new LinkedHashMap<>();
  private final Map<String, List<Row>> qualityFiles = new LinkedHashMap<>();

  /**
   * An operational file for the analyst in the run's quality folder, not a BI table (it reaches
   * neither the database nor the report): {@code quality/<name>.csv} and {@code .parquet}, in the
   * shape of {@code contract}.
   */
  public PublishedTables addQualityFile(String contract, List<Row> rows) {
    if (qualityFiles.putIfAbsent(contract, List.copyOf(rows)) != null) {
      throw new IllegalStateException("quality file " + contract + " was assembled twice");
    }
    return this;
  }

  /** Per contract, the rows of each operational file of the quality folder. */
  public Map<String, List<Row>> qualityFiles() {
    return Collections.unmodifiableMap(qualityFiles);
  }

  public PublishedTables add(String table, List<Row> rows) {
    if (tables.putIfAbsent(table, List.copyOf(rows)) != null) {
      throw new IllegalStateException("table " + table + " was assembled twice");
    }
    return this;
  }

  /** An aggregated frame, collected in its contract's column order, sorted. */
  public PublishedTables add(String table, Dataset<Row> aggregated) {
    return add(table, ResultTables.rows(table, aggregated));
  }

  public Map<String, List<Row>> tables() {
    return Collections.unmodifiableMap(tables);
  }

  public List<Row> rows(String table) {
    List<Row> rows = tables.get(table);
    if (rows == null) {
      throw new IllegalArgumentException("table " + table + " was not assembled");
    }
    return rows;
  }
}
