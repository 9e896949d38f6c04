package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.sociallearning.impact.ingest.FieldParsers;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.RawRecords;

/**
 * For exports that hold every version of a record (event logs, incremental API exports): only each
 * record's newest version goes on to checks and quarantine, so a bad or deleted newest version can
 * never let an older one stand in for it. Older versions are counted as deduplicated. Rows without
 * a usable key go on as they are (they are quarantined).
 *
 * @param current newest versions, plus the rows without a usable key
 * @param superseded how many older versions were set aside
 */
record SupersededRecords(Dataset<Row> current, long superseded) {

  static final String NEWEST = "_newest";

  /**
   * @param usable whether a row's key can be trusted (read, key present and parsed)
   * @param newestFirst ordering within a key; ties go to the later file and line
   */
  static SupersededRecords of(
      Dataset<Row> rows, List<Column> key, Column usable, List<Column> newestFirst) {
    List<Column> partition = new ArrayList<>(key);
    partition.add(0, usable.as("_usable"));
    List<Column> order = new ArrayList<>(newestFirst);
    order.add(col(RawRecords.FILE).desc());
    order.add(col(RawRecords.LINE).desc());
    Dataset<Row> ranked =
        rows.withColumn(
                NEWEST,
                not(usable)
                    .or(
                        row_number()
                            .over(
                                org.apache.spark.sql.expressions.Window.partitionBy(
                                        partition.toArray(Column[]::new))
                                    .orderBy(order.toArray(Column[]::new)))
                            .equalTo(1)))
            .persist(StorageLevel.MEMORY_AND_DISK());
    long superseded = ranked.filter(not(col(NEWEST))).count();
    return new SupersededRecords(ranked.filter(col(NEWEST)).drop(NEWEST), superseded);
  }

  /**
   * A Salesforce object export (columns {@code id}, {@code modstamp}, {@code created_date}): each
   * record's newest row by SystemModstamp, else CreatedDate, with 15- and 18-character ids as one
   * record. A record's newest row decides, deleted or not, so a deletion newer than a live copy (an
   * export that spans the delete, or two exports read together) removes the record.
   */
  static SupersededRecords salesforce(Dataset<Row> records) {
    Column key = SalesforceIds.eighteen(col("id"));
    return of(
        records,
        List.of(key),
        col(RawRecords.PARSE_ERROR).isNull().and(key.isNotNull()),
        List.of(
            org.apache
                .spark
                .sql
                .functions
                .coalesce(
                    FieldParsers.isoInstant("SystemModstamp", col("modstamp")).value(),
                    FieldParsers.isoInstant("CreatedDate", col("created_date")).value())
                .desc_nulls_last()));
  }

  /**
   * The intake of the newest versions, with the older versions counted as read and deduplicated.
   */
  Intake counted(Intake newest) {
    return new Intake(
        newest.role(),
        newest.format(),
        newest.table(),
        newest.files(),
        newest.accepted(),
        newest.quarantine(),
        newest.read() + superseded,
        newest.quarantined(),
        newest.deduplicated() + superseded,
        newest.acceptedCount(),
        newest.skipped(),
        newest.skipReasons(),
        newest.checks());
  }
}
