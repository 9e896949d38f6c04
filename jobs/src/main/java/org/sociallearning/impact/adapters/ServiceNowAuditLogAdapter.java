package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
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
 * {@code servicenow-audit-csv}: an incident event log (one row per update of an incident, as in an
 * export of the audit history or the incident_metric/sys_audit reports). An incident's state is its
 * row with the highest {@code sys_mod_count} (ties: the newest {@code sys_updated_at}); the earlier
 * rows are its history and count as deduplicated. Missing values are {@code ?}; timestamps default
 * to {@code dd-MM-yyyy HH:mm}. When the export lacks ServiceNow's own reassignment or reopen
 * counters, they are derived from the history: changes of assignment_group between recorded
 * updates, and moves out of Resolved or Closed (lower bounds when the log misses updates). An
 * unassigned latest row keeps the last recorded assignee. Effort is the latest row's {@code
 * time_worked} when the log has it (a running total, in the shapes {@link
 * ServiceNowIncidentAdapter} reads).
 */
public final class ServiceNowAuditLogAdapter implements SourceAdapter {

  static final String DEFAULT_TIMESTAMP_FORMAT = "dd-MM-yyyy HH:mm";
  static final String MISSING = "?";
  static final List<String> DONE_STATES = List.of("resolved", "closed");

  static final Map<String, String> COLUMNS =
      CsvRecordReader.columns(
          "number",
          "number",
          "state",
          "incident_state",
          "sys_mod_count",
          "sys_mod_count",
          "opened_at",
          "opened_at",
          "resolved_at",
          "resolved_at",
          "closed_at",
          "closed_at",
          "sys_updated_at",
          "sys_updated_at",
          "priority",
          "priority",
          "category",
          "category",
          "assignment_group",
          "assignment_group",
          "assigned_to",
          "assigned_to",
          "assignee_email",
          "assigned_to.email",
          "reassignment_count",
          "reassignment_count",
          "reopen_count",
          "reopen_count",
          "made_sla",
          "made_sla",
          "time_worked",
          "time_worked");
  static final List<String> REQUIRED =
      List.of(
          "number", "incident_state", "sys_mod_count", "opened_at", "resolved_at", "assigned_to");

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    RawExport export = RawExport.csv(spark, config, spec.path(), COLUMNS, REQUIRED);
    Dataset<Row> raw = export.records();
    for (String field : COLUMNS.keySet()) {
      raw = raw.withColumn(field, when(trim(col(field)).notEqual(MISSING), col(field)));
    }
    String fmt = spec.timestampFormatOr(DEFAULT_TIMESTAMP_FORMAT);
    String zone = spec.timezone();
    Parsed mod = FieldParsers.integer("sys_mod_count", col("sys_mod_count"));
    Parsed updated =
        FieldParsers.localTimestamp("sys_updated_at", col("sys_updated_at"), fmt, zone);
    Dataset<Row> events =
        withHistory(
            raw.withColumn("mod", mod.value())
                .withColumn("updated_at", updated.value())
                .withColumn(
                    "usable",
                    col(RawRecords.PARSE_ERROR)
                        .isNull()
                        .and(col("number").isNotNull())
                        .and(col("mod").isNotNull())));
    SupersededRecords versions =
        SupersededRecords.of(
            events,
            List.of(col("number")),
            col("usable"),
            List.of(col("mod").desc(), col("updated_at").desc_nulls_last()));
    Dataset<Row> current = versions.current();

    Parsed opened = FieldParsers.localTimestamp("opened_at", col("opened_at"), fmt, zone);
    Parsed resolved = FieldParsers.localTimestamp("resolved_at", col("resolved_at"), fmt, zone);
    Parsed closed = FieldParsers.localTimestamp("closed_at", col("closed_at"), fmt, zone);
    Parsed reassigned = FieldParsers.integer("reassignment_count", col("reassignment_count"));
    Parsed reopened = FieldParsers.integer("reopen_count", col("reopen_count"));
    Parsed sla = FieldParsers.bool("made_sla", col("made_sla"), false);
    Parsed effort = WorkDurations.serviceNow("time_worked", col("time_worked"));
    Dataset<Row> typed =
        current.select(
            lit("servicenow").as("source"),
            trim(col("number")).as("ticket_id"),
            opened.value().as("opened_at"),
            resolved.value().as("resolved_at"),
            closed.value().as("closed_at"),
            col("priority"),
            col("state"),
            col("category"),
            col("assignment_group"),
            trim(col("known_assignee")).as("assignee_id"),
            lower(trim(col("assignee_email"))).as("assignee_email"),
            coalesce(reassigned.value(), col("group_changes")).as("reassignment_count"),
            coalesce(reopened.value(), col("reopens")).as("reopen_count"),
            sla.value().as("made_sla"),
            lit(null).cast("boolean").as("escalated"),
            effort.value().as("effort_hours"),
            col("updated_at"),
            col(RawRecords.FILE),
            col(RawRecords.LINE),
            array(
                    RawExport.parseProblem(),
                    mod.problem(),
                    updated.problem(),
                    opened.problem(),
                    RawExport.problemWhen(
                        col("sys_mod_count").isNull(),
                        "sys_mod_count: required value is missing",
                        null),
                    resolved.problem(),
                    closed.problem(),
                    reassigned.problem(),
                    reopened.problem(),
                    sla.problem(),
                    effort.problem(),
                    RawExport.problemWhen(
                        resolved.value().lt(opened.value()),
                        "resolved_at: before opened_at",
                        col("resolved_at")))
                .as(IntakeSplitter.PROBLEMS));
    typed =
        UserEmailMap.fill(
            UserEmailMap.read(spark, config, spec), typed, "assignee_id", "assignee_email");
    Intake latest =
        IntakeSplitter.split(
            source.role(),
            spec.format(),
            export.displayNames(),
            typed,
            TableContract.load("service_tickets"),
            List.of("ticket_id"),
            List.of(col("updated_at").desc_nulls_last()));
    return versions.counted(latest);
  }

  /**
   * Adds, per incident, {@code group_changes}, {@code reopens} and {@code known_assignee} (the last
   * recorded assigned_to up to each row).
   */
  static Dataset<Row> withHistory(Dataset<Row> events) {
    WindowSpec incident = Window.partitionBy(col("usable"), col("number"));
    WindowSpec oldestFirst =
        incident.orderBy(
            col("mod"),
            col("updated_at").asc_nulls_first(),
            col(RawRecords.FILE),
            col(RawRecords.LINE));
    WindowSpec whole =
        oldestFirst.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    WindowSpec upToHere = oldestFirst.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column previousGroup = lag(col("assignment_group"), 1).over(oldestFirst);
    Column previousState = lower(trim(lag(col("state"), 1).over(oldestFirst)));
    Column regrouped =
        previousGroup.isNotNull().and(not(previousGroup.eqNullSafe(col("assignment_group"))));
    Column reopen =
        previousState
            .isin(DONE_STATES.toArray())
            .and(not(coalesce(lower(trim(col("state"))).isin(DONE_STATES.toArray()), lit(false))));
    return events
        .withColumn("regrouped", when(regrouped, 1).otherwise(0))
        .withColumn("reopened", when(reopen, 1).otherwise(0))
        .withColumn("group_changes", sum(col("regrouped")).over(whole).cast("int"))
        .withColumn("reopens", sum(col("reopened")).over(whole).cast("int"))
        .withColumn("known_assignee", last(col("assigned_to"), true).over(upToHere));
  }
}
