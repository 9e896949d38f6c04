package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

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
import org.sociallearning.impact.ingest.JsonRecordReader;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code xapi-jsonl}: xAPI 1.0.3 statements, one per line, actors by {@code mbox}. Social verbs
 * (config {@code participation.social_verbs}) are social learning; completions, quiz answers and
 * launches are formal learning and are kept only as context.
 */
public final class XapiStatementAdapter implements SourceAdapter {

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    List<Path> files = InputFiles.list(config.resolve(spec.path()), "*.jsonl");
    Dataset<Row> raw = JsonRecordReader.read(spark, files, config.configDir(),
        JsonRecordReader.Layout.LINES, CsvRecordReader.columns(
            "id", "/id", "mbox", "/actor/mbox", "verb_id", "/verb/id",
            "activity_id", "/object/id", "timestamp", "/timestamp"));
    Parsed timestamp = FieldParsers.isoInstant("timestamp", col("timestamp"));
    Column verb = lower(regexp_extract(col("verb_id"), "([^/#]+)/?$", 1));
    Column email = lower(trim(regexp_replace(col("mbox"), "(?i)^mailto:", "")));
    Dataset<Row> typed = raw.select(
        col("id").as("statement_id"),
        email.as("email"),
        verb.as("verb"),
        col("verb_id"),
        col("activity_id"),
        timestamp.value().as("occurred_at"),
        verb.isin(config.participation().socialVerbs().toArray()).as("is_social"),
        col(RawRecords.FILE), col(RawRecords.LINE),
        array(RawExport.parseProblem(), timestamp.problem()).as(IntakeSplitter.PROBLEMS));
    return IntakeSplitter.split(source.role(), spec.format(), RawExport.names(config, files),
        typed, TableContract.load("learning_statements"), List.of("statement_id"), List.of());
  }
}
