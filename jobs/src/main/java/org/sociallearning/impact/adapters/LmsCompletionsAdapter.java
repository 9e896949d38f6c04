package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.SourceSpec;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.FieldParsers;
import org.sociallearning.impact.ingest.FieldParsers.Parsed;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.schemas.RowChecks;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code lms-completions-csv}: a formal-completions report from any LMS (Cornerstone, Docebo,
 * Moodle, SAP SuccessFactors Learning) whose columns the config maps ({@code columns}: {@code
 * email} or {@code user_id}, {@code course_id}, {@code completed_at}). Completion times are ISO
 * 8601 with a zone, or local in {@code timestamp_format} and {@code timezone} (a date-only pattern
 * works too). The same person, course and time exported twice counts once.
 */
public final class LmsCompletionsAdapter implements SourceAdapter {

  static final String SOURCE = "lms";

  /** Config {@code columns} keys this format reads. */
  public static final List<String> FIELDS = SourceSpec.LMS_COMPLETION_FIELDS;

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    Map<String, String> columns = new LinkedHashMap<>();
    for (String field : FIELDS) {
      columns.put(field, spec.columns().get(field));
    }
    columns.values().removeIf(v -> v == null);
    RawExport export =
        RawExport.csv(spark, config, spec.path(), columns, new ArrayList<>(columns.values()));
    Dataset<Row> raw = export.records();
    for (String field : FIELDS) {
      if (!columns.containsKey(field)) {
        raw = raw.withColumn(field, lit(null).cast("string"));
      }
    }
    Dataset<Row> mapping =
        EmailMappingFile.readOrNone(spark, config, spec.userEmails(), List.of("user_id"))
            .withColumnRenamed("user_id", "map_id");
    raw = raw.join(broadcast(mapping), trim(col("user_id")).equalTo(col("map_id")), "left");

    Parsed iso = FieldParsers.isoInstant("completed_at", col("completed_at"));
    Parsed local =
        FieldParsers.localTimestamp(
            "completed_at", col("completed_at"), spec.timestampFormat(), spec.timezone());
    Column completedAt = coalesce(iso.value(), local.value());
    Column email = coalesce(lower(trim(col("email"))), col(EmailMappingFile.MAPPED_EMAIL));
    Dataset<Row> typed =
        raw.select(
            lit(SOURCE).as("source"),
            email.as("email"),
            trim(col("user_id")).as("source_user_id"),
            trim(col("course_id")).as("course_id"),
            completedAt.as("completed_at"),
            col(RawRecords.FILE),
            col(RawRecords.LINE),
            array(
                    RawExport.parseProblem(),
                    when(
                        col("completed_at").isNotNull().and(completedAt.isNull()),
                        RowChecks.problem(
                            "completed_at: not an ISO 8601 date-time with a zone nor a"
                                + " date-time like "
                                + spec.timestampFormat(),
                            col("completed_at"))),
                    RawExport.problemWhen(
                        email.isNull().and(col("user_id").isNotNull()),
                        "user_id: no email for this LMS user (map it in user_emails)",
                        col("user_id")),
                    RawExport.problemWhen(
                        email.isNotNull().and(email.contains("@").unary_$bang()),
                        "email: not an email address",
                        lit(RowChecks.MASK)))
                .as(IntakeSplitter.PROBLEMS));
    return IntakeSplitter.split(
        source.role(),
        spec.format(),
        export.displayNames(),
        typed,
        TableContract.load("formal_completions"),
        List.of("email", "source_user_id", "course_id", "completed_at"),
        List.of());
  }
}
