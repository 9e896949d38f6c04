package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.SourceSpec;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.CsvRecordReader;
import org.sociallearning.impact.ingest.FieldParsers;
import org.sociallearning.impact.ingest.FieldParsers.Parsed;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code salesforce-csv}: {@code Opportunity.csv} from Data Export or Data Loader, with {@code
 * User.csv} (config {@code users}) to turn OwnerId into an email. Booleans come as {@code
 * true/false} or {@code 1}/empty; datetimes with {@code Z} or {@code +0000}; soft-deleted rows
 * ({@code IsDeleted}) are skipped as such, and an opportunity whose newest row is deleted is
 * skipped even where an older live copy of it was exported too. Ids are turned into their
 * 18-character form, so 15- and 18-character ids of one record deduplicate and join as one. With
 * config {@code history}, {@code OpportunityHistory.csv} is read too, into opportunity_history.
 */
public final class SalesforceOpportunityAdapter implements SourceAdapter {

  static final Map<String, String> COLUMNS =
      CsvRecordReader.columns(
          "id",
          "Id",
          "is_deleted",
          "IsDeleted",
          "stage",
          "StageName",
          "amount",
          "Amount",
          "close_date",
          "CloseDate",
          "is_closed",
          "IsClosed",
          "is_won",
          "IsWon",
          "owner_id",
          "OwnerId",
          "created_date",
          "CreatedDate",
          "modstamp",
          "SystemModstamp");
  static final List<String> REQUIRED =
      List.of(
          "Id",
          "IsDeleted",
          "StageName",
          "Amount",
          "CloseDate",
          "IsClosed",
          "IsWon",
          "OwnerId",
          "CreatedDate");

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    RawExport export = RawExport.csv(spark, config, spec.path(), COLUMNS, REQUIRED);
    SupersededRecords versions = SupersededRecords.salesforce(export.records());
    Dataset<Row> raw = versions.current();
    Parsed deleted = FieldParsers.bool("IsDeleted", col("is_deleted"), true);
    Parsed closed = FieldParsers.bool("IsClosed", col("is_closed"), true);
    Parsed won = FieldParsers.bool("IsWon", col("is_won"), true);
    Parsed amount = FieldParsers.decimal("Amount", col("amount"));
    Parsed created = FieldParsers.isoInstant("CreatedDate", col("created_date"));
    Parsed modified = FieldParsers.isoInstant("SystemModstamp", col("modstamp"));
    Parsed closeDate = FieldParsers.date("CloseDate", col("close_date"), "yyyy-MM-dd");
    Dataset<Row> typed =
        raw.select(
            lit("salesforce").as("source"),
            SalesforceIds.eighteen(col("id")).as("opportunity_id"),
            SalesforceIds.eighteen(col("owner_id")).as("owner_user_id"),
            created.value().as("created_at"),
            closeDate.value().as("close_date"),
            closed.value().as("is_closed"),
            won.value().as("is_won"),
            amount.value().as("amount"),
            col("stage"),
            modified.value().as("modified_at"),
            col(RawRecords.FILE),
            col(RawRecords.LINE),
            when(deleted.value().equalTo(true), lit("IsDeleted: soft-deleted in Salesforce"))
                .as(IntakeSplitter.SKIP_REASON),
            array(
                    RawExport.parseProblem(),
                    deleted.problem(),
                    closed.problem(),
                    won.problem(),
                    amount.problem(),
                    created.problem(),
                    modified.problem(),
                    closeDate.problem())
                .as(IntakeSplitter.PROBLEMS));
    typed =
        typed
            .join(
                broadcast(ownerEmails(spark, config, spec)),
                col("owner_user_id").equalTo(col("user_key")),
                "left")
            .drop("user_key");
    return versions.counted(
        IntakeSplitter.split(
            source.role(),
            spec.format(),
            export.displayNames(),
            typed,
            TableContract.load("opportunities"),
            List.of("opportunity_id"),
            List.of(coalesce(col("modified_at"), col("created_at")).desc_nulls_last())));
  }

  @Override
  public List<Intake> readAll(
      SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    Intake opportunities = read(spark, config, source);
    if (source.spec().history() == null) {
      return List.of(opportunities);
    }
    return List.of(opportunities, SalesforceOpportunityHistory.read(spark, config, source));
  }

  /** User Id (18-character form) to lower-cased email. */
  static Dataset<Row> ownerEmails(SparkSession spark, PipelineConfig config, SourceSpec spec) {
    if (spec.users() == null) {
      return spark
          .emptyDataFrame()
          .select(
              lit(null).cast("string").as("user_key"), lit(null).cast("string").as("owner_email"));
    }
    RawExport users =
        RawExport.csv(
            spark,
            config,
            spec.users(),
            CsvRecordReader.columns("id", "Id", "email", "Email"),
            List.of("Id", "Email"));
    return users
        .records()
        .filter(col(RawRecords.PARSE_ERROR).isNull().and(col("id").isNotNull()))
        .select(
            SalesforceIds.eighteen(col("id")).as("user_key"),
            lower(trim(col("email"))).as("owner_email"))
        .dropDuplicates("user_key");
  }
}
