package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
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
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code discourse-export}: posts from a Data Explorer query saved as CSV (one row per post: {@code
 * topic_id, post_number, reply_to_post_number, user_id, created_at, category, accepted_answer};
 * optional {@code post_type, deleted_at}) and the admin user list export (config {@code users}:
 * {@code id, email}) or a {@code user_emails} file. A topic is a thread (post 1 opens it), its
 * category the community. System users (ids 0 and below), whispers and moderator actions are kept
 * but are not interactions; deleted posts are quarantined as such.
 */
public final class DiscourseExportAdapter implements SourceAdapter {

  static final String SOURCE = "discourse";
  static final Map<String, String> COLUMNS =
      CsvRecordReader.columns(
          "topic_id",
          "topic_id",
          "post_number",
          "post_number",
          "reply_to_post_number",
          "reply_to_post_number",
          "user_id",
          "user_id",
          "created_at",
          "created_at",
          "category",
          "category",
          "accepted_answer",
          "accepted_answer",
          "post_type",
          "post_type",
          "deleted_at",
          "deleted_at");
  static final List<String> REQUIRED =
      List.of(
          "topic_id", "post_number", "reply_to_post_number", "user_id", "created_at", "category");

  /**
   * Discourse's post_type for ordinary posts (2: moderator action, 3: small action, 4: whisper).
   */
  static final String REGULAR_POST = "1";

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    RawExport export = RawExport.csv(spark, config, spec.path(), COLUMNS, REQUIRED);
    Dataset<Row> emails = userEmails(spark, config, spec);
    Dataset<Row> raw =
        export
            .records()
            .join(broadcast(emails), trim(col("user_id")).equalTo(col("map_id")), "left");
    Parsed created = FieldParsers.isoInstant("created_at", col("created_at"));
    Parsed postNumber = FieldParsers.integer("post_number", col("post_number"));
    Parsed accepted = FieldParsers.bool("accepted_answer", col("accepted_answer"), false);
    Parsed userId = FieldParsers.integer("user_id", col("user_id"));
    Column topic = trim(col("topic_id"));
    Column human =
        userId
            .value()
            .gt(0)
            .and(coalesce(trim(col("post_type")), lit(REGULAR_POST)).equalTo(REGULAR_POST));
    Dataset<Row> typed =
        raw.select(
            lit(SOURCE).as("source"),
            trim(col("category")).as("channel"),
            concat(topic, lit(":"), postNumber.value().cast("string")).as("message_id"),
            trim(col("user_id")).as("source_user_id"),
            col(EmailMappingFile.MAPPED_EMAIL).as("email"),
            col("mapped_name").as("person_name"),
            created.value().as("occurred_at"),
            concat(topic, lit(":1")).as("thread_id"),
            postNumber.value().gt(1).as("is_reply"),
            coalesce(human, lit(false)).as("is_interaction"),
            accepted.value().as("is_accepted_answer"),
            col(RawRecords.FILE),
            col(RawRecords.LINE),
            array(
                    RawExport.parseProblem(),
                    created.problem(),
                    postNumber.problem(),
                    accepted.problem(),
                    userId.problem())
                .as(IntakeSplitter.PROBLEMS),
            when(col("deleted_at").isNotNull(), lit("deleted_at: deleted in Discourse"))
                .as(IntakeSplitter.SKIP_REASON));
    return IntakeSplitter.split(
        source.role(),
        spec.format(),
        export.displayNames(),
        typed,
        TableContract.load("forum_interactions"),
        List.of("message_id"),
        List.of());
  }

  /**
   * {@code map_id, mapped_email, mapped_name}: the users export's emails (and names, when it has a
   * {@code name} column), else the user_emails file.
   */
  private static Dataset<Row> userEmails(
      SparkSession spark, PipelineConfig config, SourceSpec spec) {
    Dataset<Row> mapped =
        EmailMappingFile.readOrNone(spark, config, spec.userEmails(), List.of("user_id"))
            .withColumnRenamed("user_id", "map_id");
    if (spec.users() == null) {
      return mapped.withColumn("mapped_name", lit(null).cast("string"));
    }
    Dataset<Row> exported =
        RawExport.csv(
                spark,
                config,
                spec.users(),
                CsvRecordReader.columns("id", "id", "email", "email", "name", "name"),
                List.of("id", "email"))
            .records()
            .filter(col(RawRecords.PARSE_ERROR).isNull().and(col("id").isNotNull()))
            .select(
                trim(col("id")).as("map_id"),
                lower(trim(col("email"))).as(EmailMappingFile.MAPPED_EMAIL),
                trim(col("name")).as("mapped_name"))
            .dropDuplicates("map_id");
    // The configured mapping wins over the export's own addresses (e.g. personal emails).
    Dataset<Row> names = exported.select(col("map_id").as("name_id"), col("mapped_name"));
    return mapped
        .unionByName(
            exported
                .drop("mapped_name")
                .join(
                    mapped.select(col("map_id").as("taken")),
                    col("map_id").equalTo(col("taken")),
                    "left_anti"))
        .join(names, col("map_id").equalTo(col("name_id")), "left")
        .drop("name_id");
  }
}
