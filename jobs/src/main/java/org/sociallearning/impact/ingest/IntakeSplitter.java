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
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.sociallearning.impact.schemas.QualityRule;
import org.sociallearning.impact.schemas.RowChecks;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

/**
 * The last step of every adapter: sets skipped (soft-deleted) records aside, applies the contract's
 * row rules (errors quarantine, warnings are counted), splits good rows from quarantined ones,
 * removes duplicate records (keeping the newest) and counts each outcome and each rule's failing
 * rows.
 */
public final class IntakeSplitter {

  /** Name of the array-of-problems column adapters build. */
  public static final String PROBLEMS = "problems";

  /**
   * An unreadable record reports only that. Otherwise a value that failed to parse is not also
   * reported as missing (parse problems name the export's field, contract checks the canonical
   * column, so "missing" reasons give way to any other reason), and each field reports once.
   */
  private static final String ONE_REASON_PER_FIELD =
      "CASE"
          + " WHEN exists(problems, p -> p.reason LIKE 'record:%')"
          + "   THEN filter(problems, p -> p.reason LIKE 'record:%')"
          + " WHEN exists(problems, p -> p.reason NOT LIKE '%: required value is missing')"
          + "   THEN filter(problems, p -> p.reason NOT LIKE '%: required value is missing')"
          + " ELSE problems END";

  private IntakeSplitter() {}

  /**
   * Optional column adapters add for records the export marks as gone (soft-deleted): a reason
   * string, null for live records. Skipped rows are counted, not checked or quarantined.
   */
  public static final String SKIP_REASON = "skip_reason";

  /**
   * @param typed lineage columns, the contract's columns, {@link #PROBLEMS}: an array of nullable
   *     problem structs from parsing, and optionally {@link #SKIP_REASON}
   * @param key columns that identify a record; duplicates keep the first row by {@code newestFirst}
   */
  public static Intake split(
      String role,
      String format,
      List<String> files,
      Dataset<Row> typed,
      TableContract contract,
      List<String> key,
      List<Column> newestFirst) {
    if (!List.of(typed.columns()).contains(SKIP_REASON)) {
      typed = typed.withColumn(SKIP_REASON, lit(null).cast("string"));
    }
    List<RowChecks.RowCheck> rowChecks = RowChecks.of(contract);
    List<Column> errors = new ArrayList<>();
    rowChecks.stream().filter(c -> c.rule().isError()).forEach(c -> errors.add(c.problem()));
    Column live = col(SKIP_REASON).isNull();
    Dataset<Row> checked =
        typed
            .withColumn(PROBLEMS, concat(col(PROBLEMS), array(errors.toArray(Column[]::new))))
            .withColumn(PROBLEMS, expr("filter(" + PROBLEMS + ", p -> p is not null)"))
            .withColumn(PROBLEMS, expr(ONE_REASON_PER_FIELD))
            .persist(StorageLevel.MEMORY_AND_DISK());

    List<Column> measures =
        new ArrayList<>(
            List.of(
                count(lit(1)),
                sum(when(live.unary_$bang(), 1).otherwise(0)),
                sum(when(live.and(size(col(PROBLEMS)).gt(0)), 1).otherwise(0))));
    for (RowChecks.RowCheck c : rowChecks) {
      measures.add(sum(when(live.and(c.failing()), 1).otherwise(0)));
    }
    Row counts =
        checked
            .agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new))
            .first();
    long read = counts.getLong(0);
    long skipped = counts.isNullAt(1) ? 0 : counts.getLong(1);
    long quarantined = counts.isNullAt(2) ? 0 : counts.getLong(2);

    Dataset<Row> quarantine =
        checked
            .filter(live.and(size(col(PROBLEMS)).gt(0)))
            .select(
                lit(role).as("source"),
                lit(format).as("format"),
                col(RawRecords.FILE).as("file"),
                col(RawRecords.LINE).as("line"),
                expr("array_join(transform(" + PROBLEMS + ", p -> p.reason), '; ')").as("reason"),
                expr(PROBLEMS + "[0].value").as("value"));

    List<Column> keep = new ArrayList<>();
    contract.columnNames().forEach(c -> keep.add(col(c)));
    Dataset<Row> good =
        checked
            .filter(live.and(size(col(PROBLEMS)).equalTo(0)))
            .select(keep.toArray(Column[]::new));
    Dataset<Row> accepted =
        keepNewest(good, key, newestFirst).persist(StorageLevel.MEMORY_AND_DISK());
    long acceptedCount = accepted.count();
    SparkSchemas.requireConforms(contract, accepted.schema());
    long deduplicated = read - skipped - quarantined - acceptedCount;

    List<CheckResult> results = new ArrayList<>();
    for (int k = 0; k < rowChecks.size(); k++) {
      results.add(
          new CheckResult(
              contract.table(),
              rowChecks.get(k).rule(),
              role,
              format,
              read - skipped,
              counts.isNullAt(3 + k) ? 0 : counts.getLong(3 + k),
              true));
    }
    for (QualityRule rule : contract.rules()) {
      if (TableContract.DEDUPLICATED.equals(rule.description())) {
        results.add(
            new CheckResult(
                contract.table(),
                rule,
                role,
                format,
                read - skipped - quarantined,
                deduplicated,
                true));
      }
    }
    return new Intake(
        role,
        format,
        contract.table(),
        files,
        accepted,
        quarantine,
        read,
        quarantined,
        deduplicated,
        acceptedCount,
        skipped,
        skipReasons(checked, skipped),
        results);
  }

  private static Map<String, Long> skipReasons(Dataset<Row> checked, long skipped) {
    Map<String, Long> reasons = new TreeMap<>();
    if (skipped == 0) {
      return reasons;
    }
    for (Row r :
        checked
            .filter(col(SKIP_REASON).isNotNull())
            .groupBy(col(SKIP_REASON))
            .count()
            .collectAsList()) {
      reasons.put(r.getString(0), r.getLong(1));
    }
    return reasons;
  }

  /** One row per key: the first by {@code order} (newest first), ties broken by file and line. */
  static Dataset<Row> keepNewest(Dataset<Row> rows, List<String> key, List<Column> order) {
    List<Column> ordering = new ArrayList<>(order);
    ordering.add(col(RawRecords.FILE).desc());
    ordering.add(col(RawRecords.LINE).desc());
    Column[] partition =
        key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    return rows.withColumn(
            "_rank",
            row_number()
                .over(Window.partitionBy(partition).orderBy(ordering.toArray(Column[]::new))))
        .filter(col("_rank").equalTo(1))
        .drop("_rank");
  }
}
