package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
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
import org.sociallearning.impact.ingest.FieldParsers;
import org.sociallearning.impact.ingest.FieldParsers.Parsed;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.ingest.WorkDurations;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code servicenow-csv}: an incident list export (List view, Export, CSV). Timestamps are in the
 * exporting user's time zone and format (config {@code timezone}, {@code timestamp_format}); an
 * incident exported twice keeps its newest {@code sys_updated_on}; open incidents have no {@code
 * resolved_at}. Time worked ({@code time_worked}, optional) is the effort: the list's display value
 * ({@code 2 Hours 30 Minutes}) or, in an export of raw values, the date-time the duration is stored
 * as ({@code 1970-01-01 02:30:00}). Free text (short_description, description) is never read.
 */
public final class ServiceNowIncidentAdapter implements SourceAdapter {

  static final Map<String, String> COLUMNS =
      CsvRecordReader.columns(
          "number",
          "number",
          "opened_at",
          "opened_at",
          "resolved_at",
          "resolved_at",
          "closed_at",
          "closed_at",
          "priority",
          "priority",
          "state",
          "state",
          "category",
          "category",
          "assignment_group",
          "assignment_group",
          "assignee_email",
          "assigned_to.email",
          "assignee_id",
          "assigned_to",
          "reassignment_count",
          "reassignment_count",
          "reopen_count",
          "reopen_count",
          "made_sla",
          "made_sla",
          "sys_updated_on",
          "sys_updated_on",
          "time_worked",
          "time_worked");
  static final List<String> REQUIRED =
      List.of("number", "opened_at", "resolved_at", "assigned_to.email", "sys_updated_on");

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    RawExport export = RawExport.csv(spark, config, spec.path(), COLUMNS, REQUIRED);
    String fmt = spec.timestampFormat();
    String zone = spec.timezone();
    Parsed opened = FieldParsers.localTimestamp("opened_at", col("opened_at"), fmt, zone);
    Parsed resolved = FieldParsers.localTimestamp("resolved_at", col("resolved_at"), fmt, zone);
    Parsed closed = FieldParsers.localTimestamp("closed_at", col("closed_at"), fmt, zone);
    Parsed updated =
        FieldParsers.localTimestamp("sys_updated_on", col("sys_updated_on"), fmt, zone);
    Parsed reassigned = FieldParsers.integer("reassignment_count", col("reassignment_count"));
    Parsed reopened = FieldParsers.integer("reopen_count", col("reopen_count"));
    Parsed sla = FieldParsers.bool("made_sla", col("made_sla"), false);
    Parsed effort = WorkDurations.serviceNow("time_worked", col("time_worked"));
    Dataset<Row> typed =
        export
            .records()
            .select(
                lit("servicenow").as("source"),
                trim(col("number")).as("ticket_id"),
                opened.value().as("opened_at"),
                resolved.value().as("resolved_at"),
                closed.value().as("closed_at"),
                col("priority"),
                col("state"),
                col("category"),
                col("assignment_group"),
                trim(col("assignee_id")).as("assignee_id"),
                lower(trim(col("assignee_email"))).as("assignee_email"),
                reassigned.value().as("reassignment_count"),
                reopened.value().as("reopen_count"),
                sla.value().as("made_sla"),
                lit(null).cast("boolean").as("escalated"),
                effort.value().as("effort_hours"),
                updated.value().as("updated_at"),
                col(RawRecords.FILE),
                col(RawRecords.LINE),
                array(
                        RawExport.parseProblem(),
                        opened.problem(),
                        resolved.problem(),
                        closed.problem(),
                        updated.problem(),
                        reassigned.problem(),
                        reopened.problem(),
                        sla.problem(),
                        effort.problem())
                    .as(IntakeSplitter.PROBLEMS));
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
