package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.sociallearning.impact.ingest.LocalizedTimestamps;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code hubspot-deals-csv}: a HubSpot deals export (CRM, Deals, Export; CSV). Headers are the
 * property labels in the exporting user's language; English ones are found ignoring case, others
 * are named in config {@code columns}. Dates are in the account's time zone ({@code timezone}) as
 * {@code yyyy-MM-dd HH:mm} or {@code yyyy-MM-dd} (or {@code timestamp_format}). The deal stage is a
 * label: config {@code won_stages} and {@code lost_stages} say which stages close a deal. The owner
 * is an email when the export carries one ({@code Name (email)}), otherwise the owner's name is
 * mapped through {@code user_emails}.
 */
public final class HubSpotDealAdapter implements SourceAdapter {

  /** Canonical field to the English export headers that may hold it, first match wins. */
  static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

  static {
    HEADERS.put("deal_id", List.of("Deal ID", "Record ID"));
    HEADERS.put("owner", List.of("Deal owner"));
    HEADERS.put("created", List.of("Create date"));
    HEADERS.put("closed", List.of("Close date"));
    HEADERS.put("stage", List.of("Deal stage"));
    HEADERS.put("amount", List.of("Amount"));
    HEADERS.put("modified", List.of("Last modified date", "Last activity date"));
  }

  static final List<String> REQUIRED =
      List.of("deal_id", "owner", "created", "closed", "stage", "amount");
  static final List<String> DEFAULT_PATTERNS =
      List.of("yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd");

  /** An email inside the owner value: alone, or as {@code Name (email)} / {@code Name <email>}. */
  static final String EMAIL = "([^\\s<>()@,;]+@[^\\s<>()@,;]+\\.[^\\s<>()@,;]+)";

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    List<Path> files = InputFiles.list(config.resolve(spec.path()), "*.csv");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .csv files in " + config.resolve(spec.path()));
    }
    Map<String, String> columns = headers(source, files.get(0));
    RawExport export =
        RawExport.csv(
            spark, config, spec.path(), columns, REQUIRED.stream().map(columns::get).toList());
    String configuredPattern = spec.timestampFormatOr(null);
    List<String> patterns =
        configuredPattern == null ? DEFAULT_PATTERNS : List.of(configuredPattern);
    Parsed created =
        LocalizedTimestamps.parse(
            columns.get("created"), col("created"), patterns, spec.javaLocale(), spec.timezone());
    // A close date is a calendar day in the account's zone: read it without moving it.
    Parsed closed =
        LocalizedTimestamps.parse(
            columns.get("closed"), col("closed"), patterns, spec.javaLocale(), "UTC");
    Parsed modified =
        LocalizedTimestamps.parse(
            columns.get("modified"), col("modified"), patterns, spec.javaLocale(), spec.timezone());
    Parsed amount = FieldParsers.decimal(columns.get("amount"), col("amount"));
    Column stage = lower(trim(col("stage")));
    Column won = stage.isin(lowered(spec.wonStages()));
    Column lost = stage.isin(lowered(spec.lostStages()));
    Column ownerEmail = regexp_extract(col("owner"), EMAIL, 1);
    Dataset<Row> typed =
        export
            .records()
            .select(
                lit("hubspot").as("source"),
                trim(col("deal_id")).as("opportunity_id"),
                when(ownerEmail.notEqual(""), lower(ownerEmail)).as("owner_email"),
                trim(col("owner")).as("owner_user_id"),
                trim(regexp_replace(col("owner"), "[(<].*$", "")).as("owner_name"),
                created.value().as("created_at"),
                closed.value().cast("date").as("close_date"),
                coalesce(won.or(lost), lit(false)).as("is_closed"),
                coalesce(won, lit(false)).as("is_won"),
                amount.value().as("amount"),
                trim(col("stage")).as("stage"),
                modified.value().as("modified_at"),
                col(RawRecords.FILE),
                col(RawRecords.LINE),
                array(
                        RawExport.parseProblem(),
                        created.problem(),
                        closed.problem(),
                        modified.problem(),
                        amount.problem())
                    .as(IntakeSplitter.PROBLEMS));
    Dataset<Row> emails = UserEmailMap.read(spark, config, spec);
    typed = UserEmailMap.fill(emails, typed, "owner_user_id", "owner_email");
    typed = UserEmailMap.fill(emails, typed, "owner_name", "owner_email");
    return IntakeSplitter.split(
        source.role(),
        spec.format(),
        export.displayNames(),
        typed,
        TableContract.load("opportunities"),
        List.of("opportunity_id"),
        List.of(coalesce(col("modified_at"), col("created_at")).desc_nulls_last()));
  }

  /**
   * Canonical field to the header this export uses: config {@code columns} first, else the English
   * label found ignoring case. Missing optional fields map to a header no file has.
   */
  static Map<String, String> headers(Sources.ConfiguredSource source, Path firstFile) {
    Map<String, String> configured = source.spec().columns();
    for (String key : configured.keySet()) {
      if (!HEADERS.containsKey(key)) {
        throw new IllegalArgumentException(
            "unknown key '"
                + source.key()
                + ".columns."
                + key
                + "' (allowed: "
                + HEADERS.keySet()
                + ")");
      }
    }
    List<String> header = CsvRecordReader.header(firstFile);
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> field : HEADERS.entrySet()) {
      String name = configured.get(field.getKey());
      for (String candidate : field.getValue()) {
        if (name != null) {
          break;
        }
        name = header.stream().filter(h -> h.equalsIgnoreCase(candidate)).findFirst().orElse(null);
      }
      out.put(field.getKey(), name != null ? name : field.getValue().get(0));
    }
    return out;
  }

  private static Object[] lowered(List<String> stages) {
    List<String> out = new ArrayList<>();
    stages.forEach(s -> out.add(s.strip().toLowerCase(Locale.ROOT)));
    return out.toArray();
  }
}
