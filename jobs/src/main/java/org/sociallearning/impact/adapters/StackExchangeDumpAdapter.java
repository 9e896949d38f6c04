package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.SourceSpec;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.CsvRecordReader;
import org.sociallearning.impact.ingest.FieldParsers;
import org.sociallearning.impact.ingest.FieldParsers.Parsed;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.ingest.XmlRecordReader;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code stackexchange-dump}: a Stack Exchange data dump or Stack Overflow for Teams export folder
 * ({@code Posts.xml}, optional {@code Comments.xml}). Questions ({@code PostTypeId} 1) open
 * threads; answers (2, {@code ParentId}) and comments reply in their question's thread, whose
 * community is the configured {@code community} or else the question's first tag. Timestamps are
 * UTC without a zone. The dump has no emails: authors map to people through the {@code user_emails}
 * file. Tag wikis and other post types are kept but are not interactions, nor is anything by the
 * Community bot (user -1) or by deleted users.
 */
public final class StackExchangeDumpAdapter implements SourceAdapter {

  static final String SOURCE = "stackexchange";
  static final String TIMESTAMP = "yyyy-MM-dd'T'HH:mm:ss[.SSS]";
  static final String COMMUNITY_BOT = "-1";

  /** Communities of posts outside any question (tag wikis). */
  static final String UNTAGGED = "untagged";

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    Path folder = config.resolve(spec.path());
    Path postsFile = folder.resolve("Posts.xml");
    if (!Files.isRegularFile(postsFile)) {
      throw new IllegalArgumentException(
          source.key()
              + ": "
              + folder
              + " is not a Stack Exchange"
              + " dump folder: Posts.xml is missing (unpack the site's .7z archive there)");
    }
    List<Path> files = new ArrayList<>(List.of(postsFile));
    Dataset<Row> posts =
        XmlRecordReader.read(
                spark,
                List.of(postsFile),
                config.configDir(),
                "row",
                CsvRecordReader.columns(
                    "id",
                    "Id",
                    "post_type",
                    "PostTypeId",
                    "parent_id",
                    "ParentId",
                    "accepted_answer_id",
                    "AcceptedAnswerId",
                    "user_id",
                    "OwnerUserId",
                    "created",
                    "CreationDate",
                    "tags",
                    "Tags"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> threads = threads(posts, spec.community());
    Dataset<Row> rows = postRows(posts, threads);
    Path commentsFile = folder.resolve("Comments.xml");
    if (Files.isRegularFile(commentsFile)) {
      files.add(commentsFile);
      Dataset<Row> comments =
          XmlRecordReader.read(
              spark,
              List.of(commentsFile),
              config.configDir(),
              "row",
              CsvRecordReader.columns(
                  "id", "Id", "post_id", "PostId", "user_id", "UserId", "created", "CreationDate"));
      rows = rows.unionByName(commentRows(comments, posts, threads));
    }
    Dataset<Row> emails =
        EmailMappingFile.readOrNone(spark, config, spec.userEmails(), List.of("user_id"));
    Dataset<Row> typed =
        typed(
            rows.join(
                broadcast(emails.withColumnRenamed("user_id", "map_id")),
                col("user_id").equalTo(col("map_id")),
                "left"));
    return IntakeSplitter.split(
        source.role(),
        spec.format(),
        RawExport.names(config, files),
        typed,
        TableContract.load("forum_interactions"),
        List.of("message_id"),
        List.of());
  }

  /**
   * One row per question: {@code thread_post_id, community, thread_accepted_id}. The community is
   * the configured one, else the first tag ({@code <a><b>} in older dumps, {@code |a|b|} in newer).
   */
  static Dataset<Row> threads(Dataset<Row> posts, String community) {
    Column firstTag = regexp_extract(col("tags"), "^[<|]([^>|]+)", 1);
    Column name =
        community != null
            ? lit(community)
            : when(firstTag.notEqual(""), firstTag).otherwise(lit(UNTAGGED));
    return posts
        .filter(col("post_type").equalTo("1").and(col("id").isNotNull()))
        .select(
            col("id").as("thread_post_id"),
            name.as("community"),
            col("accepted_answer_id").as("thread_accepted_id"))
        .dropDuplicates("thread_post_id");
  }

  /** Questions, answers and other posts with their thread, community and acceptance. */
  static Dataset<Row> postRows(Dataset<Row> posts, Dataset<Row> threads) {
    Column isAnswer = col("post_type").equalTo("2");
    Dataset<Row> withThread =
        posts.withColumn("thread_of", when(isAnswer, col("parent_id")).otherwise(col("id")));
    return withThread
        .join(threads, col("thread_of").equalTo(col("thread_post_id")), "left")
        .select(
            col(RawRecords.FILE),
            col(RawRecords.LINE),
            col(RawRecords.PARSE_ERROR),
            concat(lit("post:"), col("id")).as("message_id"),
            col("user_id"),
            col("created"),
            col("post_type").isin("1", "2").as("is_post_or_comment"),
            isAnswer.as("is_reply"),
            when(isAnswer, coalesce(col("thread_accepted_id").equalTo(col("id")), lit(false)))
                .as("is_accepted_answer"),
            concat(lit("post:"), col("thread_of")).as("thread_id"),
            when(col("post_type").isin("1", "2"), col("community"))
                .otherwise(lit(UNTAGGED))
                .as("channel"),
            RawExport.problemWhen(
                    isAnswer.and(col("thread_post_id").isNull()),
                    "ParentId: no such question in Posts.xml",
                    col("parent_id"))
                .as("link_problem"));
  }

  /** Comments reply in the thread of the post they comment on (a question or an answer). */
  static Dataset<Row> commentRows(Dataset<Row> comments, Dataset<Row> posts, Dataset<Row> threads) {
    Dataset<Row> targets =
        posts.select(
            col("id").as("target_id"),
            when(col("post_type").equalTo("2"), col("parent_id"))
                .otherwise(col("id"))
                .as("target_thread"));
    return comments
        .join(targets, col("post_id").equalTo(col("target_id")), "left")
        .join(threads, col("target_thread").equalTo(col("thread_post_id")), "left")
        .select(
            col(RawRecords.FILE),
            col(RawRecords.LINE),
            col(RawRecords.PARSE_ERROR),
            concat(lit("comment:"), col("id")).as("message_id"),
            col("user_id"),
            col("created"),
            lit(true).as("is_post_or_comment"),
            lit(true).as("is_reply"),
            lit(null).cast("boolean").as("is_accepted_answer"),
            concat(lit("post:"), col("target_thread")).as("thread_id"),
            coalesce(col("community"), lit(UNTAGGED)).as("channel"),
            RawExport.problemWhen(
                    col("target_id").isNull(), "PostId: no such post in Posts.xml", col("post_id"))
                .as("link_problem"));
  }

  private static Dataset<Row> typed(Dataset<Row> rows) {
    Parsed created = FieldParsers.localTimestamp("CreationDate", col("created"), TIMESTAMP, "UTC");
    Column knownAuthor = col("user_id").isNotNull().and(col("user_id").notEqual(COMMUNITY_BOT));
    return rows.select(
        lit(SOURCE).as("source"),
        col("channel"),
        col("message_id"),
        col("user_id").as("source_user_id"),
        col(EmailMappingFile.MAPPED_EMAIL).as("email"),
        // DisplayName is a chosen handle, not a name to match people by.
        lit(null).cast("string").as("person_name"),
        created.value().as("occurred_at"),
        col("thread_id"),
        col("is_reply"),
        col("is_post_or_comment").and(knownAuthor).as("is_interaction"),
        col("is_accepted_answer"),
        col(RawRecords.FILE),
        col(RawRecords.LINE),
        array(RawExport.parseProblem(), created.problem(), col("link_problem"))
            .as(IntakeSplitter.PROBLEMS));
  }
}
