package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.SourceSpec;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.CsvRecordReader;
import org.sociallearning.impact.ingest.FieldParsers;
import org.sociallearning.impact.ingest.FieldParsers.Parsed;
import org.sociallearning.impact.ingest.InputFiles;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.schemas.RowChecks;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code viva-engage-export}: a Viva Engage (Yammer) network data export, unzipped: {@code
 * Messages.csv}, {@code Users.csv}, {@code Groups.csv}, one folder per export or several side by
 * side (a message exported twice counts once). Communities are groups; a message's thread is its
 * {@code thread_id}, replies have a {@code replied_to_id}. Messages deleted in Viva Engage ({@code
 * deleted_at} set) are quarantined as such. Message bodies are never read.
 */
public final class VivaEngageExportAdapter implements SourceAdapter {

  static final String SOURCE = "viva-engage";

  /** Where messages outside any group go: the network's main feed, or private messages. */
  static final String ALL_COMPANY = "all-company";

  static final String PRIVATE = "private-messages";

  static final List<String> REQUIRED =
      List.of(
          "id", "replied_to_id", "thread_id", "group_id", "sender_id", "created_at", "deleted_at");

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    Path folder = config.resolve(spec.path());
    List<Path> files = InputFiles.list(folder, "{Messages.csv,**/Messages.csv}");
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          source.key()
              + ": no Messages.csv in "
              + folder
              + " (unzip the network data export from Viva Engage admin, Export data, there)");
    }
    CsvRecordReader.requireColumns(files, REQUIRED);
    Dataset<Row> messages =
        CsvRecordReader.read(
            spark,
            files,
            config.configDir(),
            CsvRecordReader.columns(
                "id",
                "id",
                "replied_to_id",
                "replied_to_id",
                "thread_id",
                "thread_id",
                "group_id",
                "group_id",
                "group_name",
                "group_name",
                "in_private_conversation",
                "in_private_conversation",
                "sender_id",
                "sender_id",
                "sender_type",
                "sender_type",
                "sender_email",
                "sender_email",
                "created_at",
                "created_at",
                "deleted_at",
                "deleted_at"));
    Dataset<Row> withNames =
        messages
            .join(
                broadcast(
                    lookup(
                        spark, config, folder, "Groups.csv", "name", "group_key", "group_label")),
                col("group_id").equalTo(col("group_key")),
                "left")
            .join(
                broadcast(
                    lookup(
                        spark,
                        config,
                        folder,
                        "Users.csv",
                        "email",
                        "user_key",
                        "user_email",
                        "name",
                        "user_name")),
                col("sender_id").equalTo(col("user_key")),
                "left");
    return IntakeSplitter.split(
        source.role(),
        spec.format(),
        RawExport.names(config, files),
        typed(withNames),
        TableContract.load("forum_interactions"),
        List.of("message_id"),
        List.of());
  }

  private static Dataset<Row> typed(Dataset<Row> raw) {
    Parsed created = exportTimestamp("created_at", col("created_at"));
    Column privateMessage = lower(trim(col("in_private_conversation"))).equalTo("true");
    Column channel =
        coalesce(
            col("group_label"),
            col("group_name"),
            when(privateMessage, lit(PRIVATE)).otherwise(lit(ALL_COMPANY)));
    Column human =
        col("sender_id")
            .isNotNull()
            .and(coalesce(lower(col("sender_type")), lit("user")).equalTo("user"));
    return raw.select(
        lit(SOURCE).as("source"),
        channel.as("channel"),
        trim(col("id")).as("message_id"),
        col("sender_id").as("source_user_id"),
        lower(trim(coalesce(col("user_email"), col("sender_email")))).as("email"),
        col("user_name").as("person_name"),
        created.value().as("occurred_at"),
        trim(coalesce(col("thread_id"), col("id"))).as("thread_id"),
        col("replied_to_id")
            .isNotNull()
            .or(col("thread_id").isNotNull().and(col("thread_id").notEqual(col("id"))))
            .as("is_reply"),
        human.as("is_interaction"),
        lit(null).cast("boolean").as("is_accepted_answer"),
        col(RawRecords.FILE),
        col(RawRecords.LINE),
        array(RawExport.parseProblem(), created.problem()).as(IntakeSplitter.PROBLEMS),
        when(col("deleted_at").isNotNull(), lit("deleted_at: deleted in Viva Engage (soft delete)"))
            .as(IntakeSplitter.SKIP_REASON));
  }

  /**
   * Timestamps as Viva Engage exports have written them: ISO 8601 with a zone, {@code 2024-03-05
   * 09:12:44 UTC}, or the API's {@code 2024/03/05 09:12:44 +0000}; all UTC.
   */
  static Parsed exportTimestamp(String field, Column raw) {
    Parsed iso = FieldParsers.isoInstant(field, raw);
    Column value =
        coalesce(
            iso.value(),
            to_utc_timestamp(try_to_timestamp(trim(raw), lit("yyyy-MM-dd HH:mm:ss 'UTC'")), "UTC"),
            try_to_timestamp(trim(raw), lit("yyyy/MM/dd HH:mm:ss Z")));
    return new Parsed(
        value,
        when(
            raw.isNotNull().and(value.isNull()),
            RowChecks.problem(
                field + ": not a date-time like 2024-03-05T09:12:44Z or 2024-03-05 09:12:44 UTC",
                raw)));
  }

  /** id to one attribute from every {@code name} file under the export folder, one row per id. */
  private static Dataset<Row> lookup(
      SparkSession spark,
      PipelineConfig config,
      Path folder,
      String name,
      String attribute,
      String keyAs,
      String valueAs) {
    return lookup(spark, config, folder, name, attribute, keyAs, valueAs, null, null);
  }

  /** As above, plus an optional second attribute ({@code extra}, null when not exported). */
  private static Dataset<Row> lookup(
      SparkSession spark,
      PipelineConfig config,
      Path folder,
      String name,
      String attribute,
      String keyAs,
      String valueAs,
      String extra,
      String extraAs) {
    List<Path> files = InputFiles.list(folder, "{" + name + ",**/" + name + "}");
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          folder
              + " has no "
              + name
              + ": export users and groups"
              + " with the messages (Viva Engage admin, Export data, all data types)");
    }
    CsvRecordReader.requireColumns(files, List.of("id", attribute));
    java.util.Map<String, String> columns =
        new java.util.LinkedHashMap<>(CsvRecordReader.columns("id", "id", attribute, attribute));
    if (extra != null) {
      columns.put(extra, extra);
    }
    Dataset<Row> rows =
        CsvRecordReader.read(spark, files, config.configDir(), columns)
            .filter(col(RawRecords.PARSE_ERROR).isNull().and(col("id").isNotNull()));
    Column extraValue = extra == null ? lit(null).cast("string") : trim(col(extra));
    Dataset<Row> out =
        rows.select(
                trim(col("id")).as(keyAs),
                trim(col(attribute)).as(valueAs),
                extraValue.as(extraAs == null ? "unused_extra" : extraAs))
            .dropDuplicates(keyAs);
    return extraAs == null ? out.drop("unused_extra") : out;
  }
}
