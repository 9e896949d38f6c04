package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.SourceSpec;
import org.sociallearning.impact.ingest.CsvRecordReader;
import org.sociallearning.impact.ingest.RawRecords;

/**
 * A source's {@code user_emails} file: CSV with columns {@code user_id,email}, where user_id is the
 * id or name the export shows for a person (Jira account id or display name, a HubSpot deal owner,
 * a ServiceNow assignee). For exports that carry no emails. Users are matched trimmed and ignoring
 * case; a user listed twice with different emails matches neither (never guess a person).
 */
final class UserEmailMap {

  static final String KEY = "user_key";
  static final String EMAIL = "mapped_email";

  private UserEmailMap() {}

  /** {@code user_key, mapped_email}; empty when the source configures no file. */
  static Dataset<Row> read(SparkSession spark, PipelineConfig config, SourceSpec spec) {
    if (spec.userEmails() == null) {
      return spark
          .emptyDataFrame()
          .select(lit(null).cast("string").as(KEY), lit(null).cast("string").as(EMAIL));
    }
    RawExport map =
        RawExport.csv(
            spark,
            config,
            spec.userEmails(),
            CsvRecordReader.columns("user", "user_id", "email", "email"),
            List.of("user_id", "email"));
    return map.records()
        .filter(
            col(RawRecords.PARSE_ERROR)
                .isNull()
                .and(col("user").isNotNull())
                .and(col("email").isNotNull()))
        .select(key(col("user")).as(KEY), lower(trim(col("email"))).as(EMAIL))
        .distinct()
        .groupBy(KEY)
        .agg(
            org.apache.spark.sql.functions.count(lit(1)).as("n"),
            org.apache.spark.sql.functions.first(EMAIL).as(EMAIL))
        .filter(col("n").equalTo(1))
        .drop("n");
  }

  /** How a user value is compared with the file's keys. */
  static Column key(Column user) {
    return lower(trim(user));
  }

  /** Fills {@code emailColumn} from the map by {@code userColumn} where it is still empty. */
  static Dataset<Row> fill(
      Dataset<Row> map, Dataset<Row> rows, String userColumn, String emailColumn) {
    return rows.join(broadcast(map), key(col(userColumn)).equalTo(col(KEY)), "left")
        .withColumn(emailColumn, coalesce(col(emailColumn), col(EMAIL)))
        .drop(KEY, EMAIL);
  }
}
