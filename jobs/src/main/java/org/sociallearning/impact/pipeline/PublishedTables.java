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
