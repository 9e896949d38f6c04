package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sha1;
import static org.apache.spark.sql.functions.trim;

import java.nio.file.Path;
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
import org.sociallearning.impact.ingest.InputFiles;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.JsonRecordReader;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.schemas.RowChecks;
import org.sociallearning.impact.schemas.TableContract;

/**
 * xAPI 1.0.3 statements: {@code xapi-jsonl} (one per line) and {@code xapi-json} (an LRS export:
 * files holding a JSON array, or {@code GET /statements} pages {@code {"statements": [...], "more":
 * "..."}}). Actors are identified by {@code mbox}, by {@code mbox_sha1sum} (matched against the
 * SHA-1 of the roster's emails) or by an LMS {@code account} ({@code homePage}, {@code name})
 * mapped to an email in the {@code account_emails} file. Social verbs (config {@code
 * participation.social_verbs}) are social learning; completions, quiz answers and launches are
 * formal learning and are kept only as context.
 */
public final class XapiStatementAdapter implements SourceAdapter {

  static final Map<String, String> FIELDS =
      CsvRecordReader.columns(
          "id",
          "/id",
          "mbox",
          "/actor/mbox",
          "mbox_sha1sum",
          "/actor/mbox_sha1sum",
          "home_page",
          "/actor/account/homePage",
          "account_name",
          "/actor/account/name",
          "verb_id",
          "/verb/id",
          "activity_id",
          "/object/id",
          "timestamp",
          "/timestamp");
  static final List<String> ACCOUNT_KEYS = List.of("home_page", "account_name");

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    Dataset<Row> raw;
    List<Path> files;
    if ("xapi-json".equals(spec.format())) {
      files = InputFiles.list(config.resolve(spec.path()), "**.json");
      raw = JsonRecordReader.readArrays(spark, files, config.configDir(), "statements", FIELDS);
    } else {
      files = InputFiles.list(config.resolve(spec.path()), "*.jsonl");
      raw =
          JsonRecordReader.read(
              spark, files, config.configDir(), JsonRecordReader.Layout.LINES, FIELDS);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          source.key() + ": no statement files in " + config.resolve(spec.path()));
    }
    Dataset<Row> accounts =
        EmailMappingFile.readOrNone(spark, config, spec.accountEmails(), ACCOUNT_KEYS)
            .select(
                col("home_page").as("map_home_page"),
                col("account_name").as("map_account_name"),
                col(EmailMappingFile.MAPPED_EMAIL));
    Dataset<Row> withAccounts =
        raw.join(
            broadcast(accounts),
            trim(col("home_page"))
                .equalTo(col("map_home_page"))
                .and(trim(col("account_name")).equalTo(col("map_account_name"))),
            "left");
    Dataset<Row> withHashes =
        withAccounts.join(
            broadcast(rosterHashes(spark, config)),
            lower(trim(col("mbox_sha1sum"))).equalTo(col("roster_sha1")),
            "left");

    Parsed timestamp = FieldParsers.isoInstant("timestamp", col("timestamp"));
    Column verb = lower(regexp_extract(col("verb_id"), "([^/#]+)/?$", 1));
    Column mboxEmail = lower(trim(regexp_replace(col("mbox"), "(?i)^mailto:", "")));
    Column email = coalesce(mboxEmail, col(EmailMappingFile.MAPPED_EMAIL), col("roster_email"));
    Column actor =
        coalesce(
            col("mbox"),
            col("mbox_sha1sum"),
            concat(col("home_page"), lit(" "), col("account_name")));
    Dataset<Row> typed =
        withHashes.select(
            col("id").as("statement_id"),
            email.as("email"),
            verb.as("verb"),
            col("verb_id"),
            col("activity_id"),
            timestamp.value().as("occurred_at"),
            verb.isin(config.participation().socialVerbs().toArray()).as("is_social"),
            col(RawRecords.FILE),
            col(RawRecords.LINE),
            array(
                    RawExport.parseProblem(),
                    timestamp.problem(),
                    RawExport.problemWhen(
                        email.isNull().and(actor.isNotNull()),
                        "actor: no email (mbox_sha1sum not on the roster, or account not in"
                            + " account_emails)",
                        lit(RowChecks.MASK)),
                    RawExport.problemWhen(
                        actor.isNull(),
                        "actor: neither mbox, mbox_sha1sum nor account (groups are not read)",
                        null))
                .as(IntakeSplitter.PROBLEMS));
    return IntakeSplitter.split(
        source.role(),
        spec.format(),
        RawExport.names(config, files),
        typed,
        TableContract.load("learning_statements"),
        List.of("statement_id"),
        List.of());
  }

  /**
   * {@code roster_sha1, roster_email}: SHA-1 of {@code mailto:<email>} for every roster email, as
   * written and lower-cased, the two ways an LRS may have hashed it.
   */
  static Dataset<Row> rosterHashes(SparkSession spark, PipelineConfig config) {
    SourceSpec roster = config.sources().roster();
    String header = roster.columns().get("email");
    Dataset<Row> emails =
        RawExport.csv(
                spark,
                config,
                roster.path(),
                CsvRecordReader.columns("email", header),
                List.of(header))
            .records()
            .filter(col(RawRecords.PARSE_ERROR).isNull().and(col("email").isNotNull()))
            .select(trim(col("email")).as("written"));
    Dataset<Row> asWritten =
        emails.select(
            sha1(concat(lit("mailto:"), col("written"))).as("roster_sha1"),
            lower(col("written")).as("roster_email"));
    Dataset<Row> lowered =
        emails.select(
            sha1(concat(lit("mailto:"), lower(col("written")))).as("roster_sha1"),
            lower(col("written")).as("roster_email"));
    return asWritten.union(lowered).dropDuplicates("roster_sha1");
  }
}
