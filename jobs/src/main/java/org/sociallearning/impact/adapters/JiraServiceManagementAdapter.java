package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.SourceSpec;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.CsvRecordReader;
import org.sociallearning.impact.ingest.FieldParsers.Parsed;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.LocalizedTimestamps;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.ingest.WorkDurations;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code jira-sm-csv}: a Jira Service Management issue search exported as CSV (all fields or
 * current fields). Dates are written in the exporting user's format, language and time zone (config
 * {@code timestamp_format}, default {@code dd/MMM/yy h:mm a}; {@code locale}; {@code timezone}).
 * Multi-value fields repeat their header (several {@code Labels}, {@code Watchers}, {@code Comment}
 * columns); the single-value columns read here are found whatever repeats around them. Jira exports
 * names, not emails: the assignee's account id ({@code Assignee Id}, Jira Cloud) or name is mapped
 * to an email through {@code user_emails}. Effort is {@code Time Spent} (whole seconds, the issue's
 * own work log; {@code Σ Time Spent} adds sub-tasks and is not used). Summary, Description and
 * Comment are never read.
 */
public final class JiraServiceManagementAdapter implements SourceAdapter {

  static final String DEFAULT_TIMESTAMP_FORMAT = "dd/MMM/yy h:mm a";

  static final Map<String, String> COLUMNS =
      CsvRecordReader.columns(
          "key",
          "Issue key",
          "created",
          "Created",
          "updated",
          "Updated",
          "resolved",
          "Resolved",
          "assignee",
          "Assignee",
          "assignee_account",
          "Assignee Id",
          "status",
          "Status",
          "priority",
          "Priority",
          "issue_type",
          "Issue Type",
          "request_type",
          "Custom field (Request Type)",
          "time_spent",
          "Time Spent");
  static final List<String> REQUIRED =
      List.of("Issue key", "Created", "Resolved", "Assignee", "Status");

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    RawExport export = RawExport.csv(spark, config, spec.path(), COLUMNS, REQUIRED);
    List<String> patterns = List.of(spec.timestampFormatOr(DEFAULT_TIMESTAMP_FORMAT));
    Parsed created =
        LocalizedTimestamps.parse(
            "Created", col("created"), patterns, spec.javaLocale(), spec.timezone());
    Parsed updated =
        LocalizedTimestamps.parse(
            "Updated", col("updated"), patterns, spec.javaLocale(), spec.timezone());
    Parsed resolved =
        LocalizedTimestamps.parse(
            "Resolved", col("resolved"), patterns, spec.javaLocale(), spec.timezone());
    Parsed effort = WorkDurations.seconds("Time Spent", col("time_spent"));
    Dataset<Row> typed =
        export
            .records()
            .select(
                lit("jira").as("source"),
                trim(col("key")).as("ticket_id"),
                created.value().as("opened_at"),
                resolved.value().as("resolved_at"),
                lit(null).cast("timestamp").as("closed_at"),
                col("priority"),
                col("status").as("state"),
                coalesce(col("request_type"), col("issue_type")).as("category"),
                lit(null).cast("string").as("assignment_group"),
                trim(coalesce(col("assignee_account"), col("assignee"))).as("assignee_id"),
                trim(col("assignee")).as("assignee_name"),
                lit(null).cast("string").as("assignee_email"),
                lit(null).cast("int").as("reassignment_count"),
                lit(null).cast("int").as("reopen_count"),
                lit(null).cast("boolean").as("made_sla"),
                lit(null).cast("boolean").as("escalated"),
                effort.value().as("effort_hours"),
                coalesce(updated.value(), created.value()).as("updated_at"),
                col(RawRecords.FILE),
                col(RawRecords.LINE),
                array(
                        RawExport.parseProblem(),
                        created.problem(),
                        updated.problem(),
                        resolved.problem(),
                        effort.problem(),
                        RawExport.problemWhen(
                            resolved.value().lt(created.value()),
                            "Resolved: before Created",
                            col("resolved")))
                    .as(IntakeSplitter.PROBLEMS));
    // The user_emails file may list people by account id or by the name the export shows.
    Dataset<Row> emails = UserEmailMap.read(spark, config, spec);
    typed = UserEmailMap.fill(emails, typed, "assignee_id", "assignee_email");
    typed = UserEmailMap.fill(emails, typed, "assignee_name", "assignee_email");
    return IntakeSplitter.split(
        source.role(),
        spec.format(),
        export.displayNames(),
        typed,
        TableContract.load("service_tickets"),
        List.of("ticket_id"),
        List.of(col("updated_at").desc_nulls_last()));
  }
}
