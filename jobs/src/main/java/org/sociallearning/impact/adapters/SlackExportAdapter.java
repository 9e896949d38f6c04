package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.SourceSpec;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.CsvRecordReader;
import org.sociallearning.impact.ingest.FieldParsers;
import org.sociallearning.impact.ingest.FieldParsers.Parsed;
import org.sociallearning.impact.ingest.InputFiles;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.JsonRecordReader;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code slack-export}: a workspace export folder ({@code users.json}, {@code channels.json},
 * {@code <channel>/<YYYY-MM-DD>.json}). {@code ts} is epoch seconds with microseconds; replies
 * carry {@code thread_ts}; messages with a {@code subtype} (joins, bots, channel events) and bot
 * users are kept but are not interactions. People map by {@code profile.email}.
 */
public final class SlackExportAdapter implements SourceAdapter {

  private static final StructType USERS =
      new StructType()
          .add("slack_user_id", DataTypes.StringType)
          .add("email", DataTypes.StringType)
          .add("real_name", DataTypes.StringType)
          .add("is_bot", DataTypes.BooleanType);

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    Path folder = config.resolve(spec.path());
    Path usersFile = folder.resolve("users.json");
    if (!Files.isRegularFile(usersFile)) {
      throw new IllegalArgumentException(
          source.key()
              + ": "
              + folder
              + " is not a Slack export"
              + " folder: users.json is missing (export the workspace with Slack's Export tool and"
              + " unzip it)");
    }
    List<Path> files = InputFiles.list(folder, "*/*.json");
    Dataset<Row> raw =
        JsonRecordReader.read(
            spark,
            files,
            config.configDir(),
            JsonRecordReader.Layout.ARRAY,
            CsvRecordReader.columns(
                "type",
                "/type",
                "subtype",
                "/subtype",
                "user",
                "/user",
                "bot_id",
                "/bot_id",
                "ts",
                "/ts",
                "thread_ts",
                "/thread_ts"));
    Parsed ts = FieldParsers.epochSeconds("ts", col("ts"));
    Column channel = regexp_extract(col(RawRecords.FILE), "([^/]+)/[^/]+\\.json$", 1);
    // One row per user id, so that a repeated entry in users.json cannot multiply messages.
    Dataset<Row> withUsers =
        raw.join(
            broadcast(users(spark, usersFile).dropDuplicates("slack_user_id")),
            col("user").equalTo(col("slack_user_id")),
            "left");
    Column interaction =
        col("subtype")
            .isNull()
            .and(col("user").isNotNull())
            .and(col("bot_id").isNull())
            .and(coalesce(col("is_bot"), lit(false)).unary_$bang());
    Dataset<Row> typed =
        withUsers.select(
            lit("slack").as("source"),
            channel.as("channel"),
            concat(channel, lit(":"), col("ts")).as("message_id"),
            col("user").as("source_user_id"),
            col("email"),
            col("real_name").as("person_name"),
            ts.value().as("occurred_at"),
            concat(channel, lit(":"), coalesce(col("thread_ts"), col("ts"))).as("thread_id"),
            col("thread_ts").isNotNull().and(col("thread_ts").notEqual(col("ts"))).as("is_reply"),
            interaction.as("is_interaction"),
            lit(null).cast("boolean").as("is_accepted_answer"),
            col(RawRecords.FILE),
            col(RawRecords.LINE),
            array(
                    RawExport.parseProblem(),
                    ts.problem(),
                    RawExport.problemWhen(
                        col("ts").isNull().and(col(RawRecords.PARSE_ERROR).isNull()),
                        "ts: required value is missing",
                        null))
                .as(IntakeSplitter.PROBLEMS));
    return IntakeSplitter.split(
        source.role(),
        spec.format(),
        RawExport.names(config, files),
        typed,
        TableContract.load("forum_interactions"),
        List.of("message_id"),
        List.of());
  }

  /** users.json is small (one object per member): read it on the driver. */
  static Dataset<Row> users(SparkSession spark, Path usersFile) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(usersFile.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Only where: the parser's own message quotes the text it choked on, and an export's
      // users.json can hold tokens and personal data. The cause stays out for the same reason.
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      throw new IllegalArgumentException(
          "cannot read "
              + usersFile
              + ": not valid JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + usersFile + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(usersFile + " must hold a JSON array of users");
    }
    List<Row> rows = new ArrayList<>();
    for (JsonNode u : root) {
      String email = u.path("profile").path("email").asText("");
      String name = u.path("profile").path("real_name").asText(u.path("real_name").asText(""));
      rows.add(
          RowFactory.create(
              u.path("id").asText(null),
              email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT),
              name.isBlank() ? null : name.strip(),
              u.path("is_bot").asBoolean(false)));
    }
    return spark.createDataFrame(rows, USERS);
  }
}
