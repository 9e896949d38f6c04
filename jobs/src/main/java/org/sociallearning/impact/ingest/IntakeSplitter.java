package org.sociallearning.impact.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.sociallearning.impact.schemas.RowChecks;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

/**
 * The last step of every adapter: applies the contract's row checks, splits good rows from
 * quarantined ones, removes duplicate records (keeping the newest) and counts each outcome.
 */
public final class IntakeSplitter {

  /** Name of the array-of-problems column adapters build. */
  public static final String PROBLEMS = "problems";

  /**
   * An unreadable record reports only that. Otherwise a value that failed to parse is not also
   * reported as missing (parse problems name the export's field, contract checks the canonical
   * column, so "missing" reasons give way to any other reason), and each field reports once.
   */
  private static final String ONE_REASON_PER_FIELD = "CASE"
      + " WHEN exists(problems, p -> p.reason LIKE 'record:%')"
      + "   THEN filter(problems, p -> p.reason LIKE 'record:%')"
      + " WHEN exists(problems, p -> p.reason NOT LIKE '%: required value is missing')"
      + "   THEN filter(problems, p -> p.reason NOT LIKE '%: required value is missing')"
      + " ELSE problems END";

  private IntakeSplitter() {}

  /**
   * @param typed lineage columns, the contract's columns, and {@link #PROBLEMS}: an array of
   *     nullable problem structs from parsing
   * @param key columns that identify a record; duplicates keep the first row by {@code newestFirst}
   */
  public static Intake split(String role, String format, List<String> files, Dataset<Row> typed,
      TableContract contract, List<String> key, List<Column> newestFirst) {
    List<Column> checks = new ArrayList<>(RowChecks.violations(contract));
    Dataset<Row> checked = typed
        .withColumn(PROBLEMS, concat(col(PROBLEMS), array(checks.toArray(Column[]::new))))
        .withColumn(PROBLEMS, expr("filter(" + PROBLEMS + ", p -> p is not null)"))
        .withColumn(PROBLEMS, expr(ONE_REASON_PER_FIELD))
        .persist(StorageLevel.MEMORY_AND_DISK());

    Row counts = checked.agg(count(lit(1)), sum(when(size(col(PROBLEMS)).gt(0), 1).otherwise(0)))
        .first();
    long read = counts.getLong(0);
    long quarantined = counts.isNullAt(1) ? 0 : counts.getLong(1);

    Dataset<Row> quarantine = checked.filter(size(col(PROBLEMS)).gt(0))
        .select(lit(role).as("source"), lit(format).as("format"),
            col(RawRecords.FILE).as("file"), col(RawRecords.LINE).as("line"),
            expr("array_join(transform(" + PROBLEMS + ", p -> p.reason), '; ')").as("reason"),
            expr(PROBLEMS + "[0].value").as("value"));

    List<Column> keep = new ArrayList<>();
    contract.columnNames().forEach(c -> keep.add(col(c)));
    Dataset<Row> good = checked.filter(size(col(PROBLEMS)).equalTo(0))
        .select(keep.toArray(Column[]::new));
    Dataset<Row> accepted = keepNewest(good, key, newestFirst)
        .persist(StorageLevel.MEMORY_AND_DISK());
    long acceptedCount = accepted.count();
    SparkSchemas.requireConforms(contract, accepted.schema());
    return new Intake(role, format, contract.table(), files, accepted, quarantine, read,
        quarantined, read - quarantined - acceptedCount, acceptedCount);
  }

  /** One row per key: the first by {@code order} (newest first), ties broken by file and line. */
  static Dataset<Row> keepNewest(Dataset<Row> rows, List<String> key, List<Column> order) {
    List<Column> ordering = new ArrayList<>(order);
    ordering.add(col(RawRecords.FILE).desc());
    ordering.add(col(RawRecords.LINE).desc());
    Column[] partition = key.stream().map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
    return rows
        .withColumn("_rank", row_number().over(Window.partitionBy(partition)
            .orderBy(ordering.toArray(Column[]::new))))
        .filter(col("_rank").equalTo(1))
        .drop("_rank");
  }
}
