package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.make_interval;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.SourceSpec;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.CsvRecordReader;
import org.sociallearning.impact.ingest.FieldParsers;
import org.sociallearning.impact.ingest.FieldParsers.Parsed;
import org.sociallearning.impact.ingest.InputFiles;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.JsonPageReader;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.ingest.WorkDurations;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code zendesk-json}: the incremental ticket export (API {@code incremental/tickets/cursor},
 * pages {@code {"tickets": [...], "after_cursor": ..., "end_of_stream": ...}} saved one per file,
 * or the JSON-lines variant with one ticket per line), with {@code ticket_metrics} for resolution
 * times, reopens and agent changes, and {@code users} for agents' emails. A ticket changed during
 * the export window appears once per change: its newest {@code updated_at} wins. Tickets whose
 * newest version has status {@code deleted} are soft-deleted and skipped with that reason. Effort
 * is the ticket custom field named by config {@code effort_field} (the Time Tracking app's total
 * seconds); other custom fields, subjects, descriptions and comments are never read.
 */
public final class ZendeskTicketAdapter implements SourceAdapter {

  static final String FILES = "*.{json,jsonl,ndjson}";
  static final Map<String, String> TICKET_FIELDS =
      CsvRecordReader.columns(
          "id",
          "/id",
          "created_at",
          "/created_at",
          "updated_at",
          "/updated_at",
          "status",
          "/status",
          "priority",
          "/priority",
          "type",
          "/type",
          "assignee_id",
          "/assignee_id",
          "group_id",
          "/group_id",
          "custom_fields",
          "/custom_fields");

  /** Only the custom field named by config effort_field is read; the others may hold free text. */
  static final String CUSTOM_FIELDS = "array<struct<id:string,value:string>>";

  static final Map<String, String> METRIC_FIELDS =
      CsvRecordReader.columns(
          "ticket_id",
          "/ticket_id",
          "updated_at",
          "/updated_at",
          "reopens",
          "/reopens",
          "assignee_stations",
          "/assignee_stations",
          "solved_at",
          "/solved_at",
          "full_resolution_minutes",
          "/full_resolution_time_in_minutes/calendar",
          "status_updated_at",
          "/status_updated_at");

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    List<Path> files = files(config, spec.path());
    Dataset<Row> raw =
        JsonPageReader.read(spark, files, config.configDir(), "tickets", TICKET_FIELDS);
    Parsed updated = FieldParsers.isoInstant("updated_at", col("updated_at"));
    SupersededRecords versions =
        SupersededRecords.of(
            raw.withColumn("updated", updated.value()),
            List.of(col("id")),
            col(RawRecords.PARSE_ERROR).isNull().and(col("id").isNotNull()),
            List.of(col("updated").desc_nulls_last()));
    Dataset<Row> tickets =
        versions
            .current()
            .join(
                broadcast(metrics(spark, config, spec)),
                col("id").equalTo(col("m_ticket_id")),
                "left");

    Column status = lower(trim(col("status")));
    Parsed created = FieldParsers.isoInstant("created_at", col("created_at"));
    Parsed solvedAt = FieldParsers.isoInstant("ticket_metrics.solved_at", col("m_solved_at"));
    Parsed statusAt =
        FieldParsers.isoInstant("ticket_metrics.status_updated_at", col("m_status_updated_at"));
    Parsed minutes =
        FieldParsers.integer(
            "ticket_metrics.full_resolution_time_in_minutes", col("m_full_resolution_minutes"));
    Parsed reopens = FieldParsers.integer("ticket_metrics.reopens", col("m_reopens"));
    Parsed stations =
        FieldParsers.integer("ticket_metrics.assignee_stations", col("m_assignee_stations"));
    // from_json would read a lone object as a list of one: only a JSON array is a list here.
    Column customFields =
        when(
            trim(col("custom_fields")).startsWith("["),
            from_json(col("custom_fields"), DataType.fromDDL(CUSTOM_FIELDS), Map.of()));
    Parsed effort = effort(customFields, spec.effortField());
    Column byMinutes =
        created
            .value()
            .plus(make_interval(lit(0), lit(0), lit(0), lit(0), lit(0), minutes.value(), lit(0)));
    Column solved = status.isin("solved", "closed");
    Dataset<Row> typed =
        tickets.select(
            lit("zendesk").as("source"),
            trim(col("id")).as("ticket_id"),
            created.value().as("opened_at"),
            when(solved, coalesce(solvedAt.value(), byMinutes)).as("resolved_at"),
            when(status.equalTo("closed"), coalesce(statusAt.value(), col("updated")))
                .as("closed_at"),
            col("priority"),
            col("status").as("state"),
            col("type").as("category"),
            col("group_id").as("assignment_group"),
            trim(col("assignee_id")).as("assignee_id"),
            greatest(stations.value().minus(1), lit(0)).as("reassignment_count"),
            reopens.value().as("reopen_count"),
            lit(null).cast("boolean").as("made_sla"),
            lit(null).cast("boolean").as("escalated"),
            effort.value().as("effort_hours"),
            col("updated").as("updated_at"),
            col(RawRecords.FILE),
            col(RawRecords.LINE),
            array(
                    RawExport.parseProblem(),
                    updated.problem(),
                    created.problem(),
                    solvedAt.problem(),
                    statusAt.problem(),
                    minutes.problem(),
                    reopens.problem(),
                    stations.problem(),
                    effort.problem(),
                    RawExport.problemWhen(
                        lit(spec.effortField() != null)
                            .and(col("custom_fields").isNotNull())
                            .and(customFields.isNull()),
                        "custom_fields: not a list of {id, value} objects",
                        null))
                .as(IntakeSplitter.PROBLEMS),
            when(status.equalTo("deleted"), lit("status: deleted in Zendesk (soft delete)"))
                .as(IntakeSplitter.SKIP_REASON));
    typed =
        typed
            .join(
                broadcast(userEmails(spark, config, spec)),
                col("assignee_id").equalTo(col("user_id")),
                "left")
            .drop("user_id");
    Intake newest =
        IntakeSplitter.split(
            source.role(),
            spec.format(),
            RawExport.names(config, files),
            typed,
            TableContract.load("service_tickets"),
            List.of("ticket_id"),
            List.of(col("updated_at").desc_nulls_last()));
    return versions.counted(newest);
  }

  /**
   * Hours from the ticket field named by config {@code effort_field} (the Time Tracking app's
   * "Total time spent (sec)", whole seconds as a string or a number); null without the key, or on
   * tickets where the field is missing or empty.
   */
  static Parsed effort(Column customFields, String fieldId) {
    if (fieldId == null) {
      return new Parsed(lit(null).cast("double"), lit(null));
    }
    Column field = filter(customFields, f -> f.getField("id").equalTo(lit(fieldId)));
    return WorkDurations.seconds(
        "custom_fields[" + fieldId + "]", try_element_at(field, lit(1)).getField("value"));
  }

  static List<Path> files(PipelineConfig config, String path) {
    List<Path> files = InputFiles.list(config.resolve(path), FILES);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .json or .jsonl files in " + config.resolve(path));
    }
    return files;
  }

  /** The newest ticket_metrics record per ticket, columns prefixed {@code m_}; empty if none. */
  static Dataset<Row> metrics(SparkSession spark, PipelineConfig config, SourceSpec spec) {
    if (spec.ticketMetrics() == null) {
      Dataset<Row> none = spark.emptyDataFrame();
      for (String field : METRIC_FIELDS.keySet()) {
        none = none.withColumn("m_" + field, lit(null).cast("string"));
      }
      return none;
    }
    Dataset<Row> raw =
        readable(
            JsonPageReader.read(
                spark,
                files(config, spec.ticketMetrics()),
                config.configDir(),
                "ticket_metrics",
                METRIC_FIELDS),
            "ticket_metrics");
    Dataset<Row> newest =
        raw.filter(col("ticket_id").isNotNull())
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy("ticket_id")
                            .orderBy(col("updated_at").desc_nulls_last())))
            .filter(col("_rank").equalTo(1));
    for (String field : METRIC_FIELDS.keySet()) {
      newest = newest.withColumnRenamed(field, "m_" + field);
    }
    return newest.select(
        METRIC_FIELDS.keySet().stream().map(f -> col("m_" + f)).toArray(Column[]::new));
  }

  /** Agents' user id to lower-cased email from the users export; empty if none. */
  static Dataset<Row> userEmails(SparkSession spark, PipelineConfig config, SourceSpec spec) {
    if (spec.users() == null) {
      return spark
          .emptyDataFrame()
          .select(
              lit(null).cast("string").as("user_id"),
              lit(null).cast("string").as("assignee_email"));
    }
    Dataset<Row> raw =
        readable(
            JsonPageReader.read(
                spark,
                files(config, spec.users()),
                config.configDir(),
                "users",
                CsvRecordReader.columns("id", "/id", "email", "/email")),
            "users");
    return raw.filter(col("id").isNotNull())
        .select(trim(col("id")).as("user_id"), lower(trim(col("email"))).as("assignee_email"))
        .dropDuplicates("user_id");
  }

  /** A companion file's records; one that cannot be read stops the run, naming file and line. */
  private static Dataset<Row> readable(Dataset<Row> raw, String key) {
    List<Row> bad =
        raw.filter(col(RawRecords.PARSE_ERROR).isNotNull())
            .select(RawRecords.FILE, RawRecords.LINE, RawRecords.PARSE_ERROR)
            .limit(1)
            .collectAsList();
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException(
          bad.get(0).getString(0)
              + " ("
              + key
              + ") line "
              + bad.get(0).getLong(1)
              + ": "
              + bad.get(0).getString(2)
              + "; re-export the file");
    }
    return raw;
  }
}
