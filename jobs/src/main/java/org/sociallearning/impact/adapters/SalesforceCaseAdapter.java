package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
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
 * {@code salesforce-case-csv}: Service Cloud {@code Case.csv} from Data Export or Data Loader, with
 * {@code User.csv} (config {@code users}) to turn OwnerId into an email (cases owned by a queue,
 * ids starting {@code 00G}, have none). A case has no resolution time of its own: a closed case
 * counts as resolved at its ClosedDate. Same quirks as Opportunity.csv (BOM, {@code 1}/empty
 * booleans, {@code +0000} offsets, 15- or 18-character ids); soft-deleted rows are skipped with
 * that reason (counted, not quarantined), as in Opportunity.csv. Case.csv carries no logged effort,
 * so effort_hours is null. Subject, Description and the Supplied* contact fields are never read.
 */
public final class SalesforceCaseAdapter implements SourceAdapter {

  static final Map<String, String> COLUMNS =
      CsvRecordReader.columns(
          "id",
          "Id",
          "is_deleted",
          "IsDeleted",
          "status",
          "Status",
          "priority",
          "Priority",
          "type",
          "Type",
          "is_closed",
          "IsClosed",
          "closed_date",
          "ClosedDate",
          "is_escalated",
          "IsEscalated",
          "owner_id",
          "OwnerId",
          "created_date",
          "CreatedDate",
          "modstamp",
          "SystemModstamp");
  static final List<String> REQUIRED =
      List.of("Id", "IsDeleted", "Status", "IsClosed", "ClosedDate", "OwnerId", "CreatedDate");

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    RawExport export = RawExport.csv(spark, config, spec.path(), COLUMNS, REQUIRED);
    Parsed deleted = FieldParsers.bool("IsDeleted", col("is_deleted"), true);
    Parsed closed = FieldParsers.bool("IsClosed", col("is_closed"), true);
    Parsed escalated = FieldParsers.bool("IsEscalated", col("is_escalated"), true);
    Parsed created = FieldParsers.isoInstant("CreatedDate", col("created_date"));
    Parsed closedAt = FieldParsers.isoInstant("ClosedDate", col("closed_date"));
    Parsed modified = FieldParsers.isoInstant("SystemModstamp", col("modstamp"));
    SupersededRecords versions = SupersededRecords.salesforce(export.records());
    Dataset<Row> typed =
        versions
            .current()
            .select(
                lit("salesforce").as("source"),
                SalesforceIds.eighteen(col("id")).as("ticket_id"),
                created.value().as("opened_at"),
                when(closed.value(), closedAt.value()).as("resolved_at"),
                closedAt.value().as("closed_at"),
                col("priority"),
                col("status").as("state"),
                col("type").as("category"),
                lit(null).cast("string").as("assignment_group"),
                SalesforceIds.eighteen(col("owner_id")).as("assignee_id"),
                lit(null).cast("int").as("reassignment_count"),
                lit(null).cast("int").as("reopen_count"),
                lit(null).cast("boolean").as("made_sla"),
                escalated.value().as("escalated"),
                lit(null).cast("double").as("effort_hours"),
                coalesce(modified.value(), created.value()).as("updated_at"),
                col(RawRecords.FILE),
                col(RawRecords.LINE),
                when(deleted.value().equalTo(true), lit("IsDeleted: soft-deleted in Salesforce"))
                    .as(IntakeSplitter.SKIP_REASON),
                array(
                        RawExport.parseProblem(),
                        deleted.problem(),
                        closed.problem(),
                        escalated.problem(),
                        created.problem(),
                        closedAt.problem(),
                        modified.problem(),
                        RawExport.problemWhen(
                            closed
                                .value()
                                .and(closedAt.value().isNull())
                                .and(col("closed_date").isNull()),
                            "ClosedDate: missing on a closed case",
                            null),
                        RawExport.problemWhen(
                            closedAt.value().lt(created.value()),
                            "ClosedDate: before CreatedDate",
                            col("closed_date")))
                    .as(IntakeSplitter.PROBLEMS));
    typed =
        typed
            .join(
                broadcast(SalesforceOpportunityAdapter.ownerEmails(spark, config, spec)),
                col("assignee_id").equalTo(col("user_key")),
                "left")
            .withColumnRenamed("owner_email", "assignee_email")
            .drop("user_key");
    return versions.counted(
        IntakeSplitter.split(
            source.role(),
            spec.format(),
            export.displayNames(),
            typed,
            TableContract.load("service_tickets"),
            List.of("ticket_id"),
            List.of(col("updated_at").desc_nulls_last())));
  }
}
