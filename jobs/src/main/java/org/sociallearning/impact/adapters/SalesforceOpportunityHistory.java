package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
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
 * The {@code history} file of a {@code salesforce-csv} source: {@code OpportunityHistory.csv} from
 * Data Export or Data Loader, one row per saved change of an opportunity, into opportunity_history.
 * Same quirks as Opportunity.csv (BOM, {@code 1}/empty booleans, {@code +0000} offsets, 15- or
 * 18-character ids); soft-deleted rows are skipped with that reason (counted, not quarantined), as
 * in Opportunity.csv.
 */
final class SalesforceOpportunityHistory {

  static final Map<String, String> COLUMNS =
      CsvRecordReader.columns(
          "id",
          "Id",
          "opportunity_id",
          "OpportunityId",
          "stage",
          "StageName",
          "amount",
          "Amount",
          "close_date",
          "CloseDate",
          "created_date",
          "CreatedDate",
          "is_deleted",
          "IsDeleted");
  static final List<String> REQUIRED = List.of("Id", "OpportunityId", "StageName", "CreatedDate");

  private SalesforceOpportunityHistory() {}

  static Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    RawExport export = RawExport.csv(spark, config, spec.history(), COLUMNS, REQUIRED);
    Parsed deleted = FieldParsers.bool("IsDeleted", col("is_deleted"), true);
    Parsed amount = FieldParsers.decimal("Amount", col("amount"));
    Parsed created = FieldParsers.isoInstant("CreatedDate", col("created_date"));
    Parsed closeDate = FieldParsers.date("CloseDate", col("close_date"), "yyyy-MM-dd");
    Dataset<Row> typed =
        export
            .records()
            .select(
                lit("salesforce").as("source"),
                SalesforceIds.eighteen(col("id")).as("history_id"),
                SalesforceIds.eighteen(col("opportunity_id")).as("opportunity_id"),
                trim(col("stage")).as("stage"),
                created.value().as("changed_at"),
                amount.value().as("amount"),
                closeDate.value().as("close_date"),
                col(RawRecords.FILE),
                col(RawRecords.LINE),
                when(deleted.value().equalTo(true), lit("IsDeleted: soft-deleted in Salesforce"))
                    .as(IntakeSplitter.SKIP_REASON),
                array(
                        RawExport.parseProblem(),
                        deleted.problem(),
                        amount.problem(),
                        created.problem(),
                        closeDate.problem())
                    .as(IntakeSplitter.PROBLEMS));
    return IntakeSplitter.split(
        source.role(),
        spec.format() + " (history)",
        export.displayNames(),
        typed,
        TableContract.load("opportunity_history"),
        List.of("history_id"),
        List.of(col("changed_at").desc_nulls_last()));
  }
}
