package org.sociallearning.impact.pipeline;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.ingest.CheckResult;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

/**
 * The ingest stage's result: every configured source read into canonical tables, with its
 * reconciliation (read = accepted + quarantined + deduplicated + skipped) and quality checks, in
 * config order. A source may yield several intakes (a Salesforce export: opportunities and their
 * history).
 */
public record Ingested(List<SourceIntake> intakes) {

  /** One intake and the config key of the source it came from ({@code sources.crm[0]}). */
  public record SourceIntake(String key, Intake intake) {}

  /** The canonical tables the pipeline reads, in the order identity resolution takes them. */
  public static final List<String> CANONICAL_TABLES =
      List.of(
          "roster",
          "forum_interactions",
          "learning_statements",
          "formal_completions",
          "service_tickets",
          "opportunities",
          "opportunity_history");

  public Ingested {
    intakes = List.copyOf(intakes);
  }

  public List<Intake> all() {
    return intakes.stream().map(SourceIntake::intake).toList();
  }

  public List<String> keys() {
    return intakes.stream().map(SourceIntake::key).toList();
  }

  /** Accepted rows of every source of each canonical table, unioned; empty tables in shape. */
  public Map<String, Dataset<Row>> acceptedTables(SparkSession spark) {
    Map<String, Dataset<Row>> tables = new TreeMap<>();
    for (String table : CANONICAL_TABLES) {
      Dataset<Row> union = null;
      for (Intake i : all()) {
        if (i.table().equals(table)) {
          union = union == null ? i.accepted() : union.unionByName(i.accepted());
        }
      }
      tables.put(
          table,
          union != null
              ? union
              : spark.createDataFrame(List.of(), SparkSchemas.of(TableContract.load(table))));
    }
    return tables;
  }

  /** Every intake's quarantined rows in one frame (null when there are no intakes). */
  public Dataset<Row> quarantine() {
    Dataset<Row> all = null;
    for (Intake i : all()) {
      all = all == null ? i.quarantine() : all.unionByName(i.quarantine());
    }
    return all;
  }

  /** Every quality rule's result, each named with the source it ran on. */
  public List<CheckResult> checks() {
    return intakes.stream()
        .flatMap(s -> s.intake().checks().stream().map(c -> c.forSource(s.key())))
        .toList();
  }

  public long rowsRead() {
    return all().stream().mapToLong(Intake::read).sum();
  }

  public long rowsQuarantined() {
    return all().stream().mapToLong(Intake::quarantined).sum();
  }

  /** Warn rules with failing rows in one intake, and how many rows failed each. */
  public static Map<String, Long> failingWarnRules(Intake intake) {
    Map<String, Long> out = new TreeMap<>();
    for (CheckResult c : intake.checks()) {
      if (!c.rule().isError() && c.rowsFailing() > 0) {
        out.merge(c.rule().name(), c.rowsFailing(), Long::sum);
      }
    }
    return out;
  }

  /** Quarantine reasons of one intake with their counts, most frequent first. */
  public static Map<String, Long> quarantineReasons(Intake intake, int limit) {
    Map<String, Long> reasons = new java.util.LinkedHashMap<>();
    for (Row r :
        intake
            .quarantine()
            .groupBy(org.apache.spark.sql.functions.col("reason"))
            .count()
            .orderBy(
                org.apache.spark.sql.functions.col("count").desc(),
                org.apache.spark.sql.functions.col("reason"))
            .limit(limit)
            .collectAsList()) {
      reasons.put(r.getString(0), r.getLong(1));
    }
    return reasons;
  }
}
