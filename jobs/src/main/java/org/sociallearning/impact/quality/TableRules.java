package org.sociallearning.impact.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.sociallearning.impact.ingest.CheckResult;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.schemas.QualityRule;
import org.sociallearning.impact.schemas.RowChecks;
import org.sociallearning.impact.schemas.TableContract;

/**
 * Table rules of the contracts ({@code unique}, {@code relationship}), checked once every source is
 * read, on each source's accepted rows: a relationship looks its values up in the accepted rows of
 * the table it points to (all sources of that table together). Error rules move failing rows to
 * quarantine with the rule's name as reason; warn rules are only counted.
 */
public final class TableRules {

  private TableRules() {}

  /** Every intake after its contract's table rules, in the same order. */
  public static List<Intake> apply(List<Intake> intakes) {
    Map<String, Dataset<Row>> tables = new TreeMap<>();
    for (Intake i : intakes) {
      tables.merge(i.table(), i.accepted(), Dataset::unionByName);
    }
    List<Intake> out = new ArrayList<>();
    for (Intake i : intakes) {
      out.add(apply(i, tables));
    }
    return out;
  }

  static Intake apply(Intake intake, Map<String, Dataset<Row>> tables) {
    TableContract contract = TableContract.load(intake.table());
    List<QualityRule> rules = new ArrayList<>();
    List<CheckResult> notRun = new ArrayList<>();
    for (QualityRule rule : contract.rules()) {
      if (rule.isRowRule() || TableContract.DEDUPLICATED.equals(rule.description())) {
        continue;
      }
      if ("relationship".equals(rule.rule()) && !tables.containsKey(rule.toTable())) {
        notRun.add(
            new CheckResult(intake.table(), rule, intake.role(), intake.format(), 0, 0, false));
      } else {
        rules.add(rule);
      }
    }
    if (rules.isEmpty()) {
      return notRun.isEmpty()
          ? intake
          : intake.afterTableRules(intake.accepted(), intake.quarantine(), 0, notRun);
    }
    Dataset<Row> flagged = intake.accepted();
    for (QualityRule rule : rules) {
      flagged = flag(flagged, rule, tables);
    }
    flagged = flagged.persist(StorageLevel.MEMORY_AND_DISK());
    List<Column> failures = new ArrayList<>();
    for (QualityRule rule : rules) {
      failures.add(sum(when(col(flagName(rule)), 1).otherwise(0)));
    }
    Row counts = flagged.agg(count(lit(1)), failures.toArray(Column[]::new)).first();
    long checked = counts.getLong(0);
    List<CheckResult> results = new ArrayList<>(notRun);
    List<Column> reasons = new ArrayList<>();
    List<Column> values = new ArrayList<>();
    Column anyError = lit(false);
    for (int k = 0; k < rules.size(); k++) {
      QualityRule rule = rules.get(k);
      results.add(
          new CheckResult(
              intake.table(),
              rule,
              intake.role(),
              intake.format(),
              checked,
              counts.isNullAt(k + 1) ? 0 : counts.getLong(k + 1),
              true));
      if (rule.isError()) {
        Column failing = col(flagName(rule));
        anyError = anyError.or(failing);
        reasons.add(when(failing, lit(rule.reason())));
        boolean masked = contract.column(rule.column()).orElseThrow().isDirectlyIdentifying();
        values.add(
            when(
                failing,
                masked
                    ? lit(RowChecks.MASK)
                    : concat_ws(
                        ", ",
                        rule.columns().stream()
                            .map(c -> col(c).cast("string"))
                            .toArray(Column[]::new))));
      }
    }
    Dataset<Row> failed = flagged.filter(anyError);
    long moved = failed.count();
    if (moved == 0) {
      return intake.afterTableRules(intake.accepted(), intake.quarantine(), 0, results);
    }
    Dataset<Row> quarantine =
        intake
            .quarantine()
            .unionByName(
                failed.select(
                    lit(intake.role()).as("source"),
                    lit(intake.format()).as("format"),
                    col("source_file").as("file"),
                    col("source_line").as("line"),
                    concat_ws("; ", reasons.toArray(Column[]::new)).as("reason"),
                    coalesce(values.toArray(Column[]::new)).as("value")));
    Dataset<Row> accepted =
        flagged
            .filter(anyError.unary_$bang())
            .select(contract.columnNames().stream().map(c -> col(c)).toArray(Column[]::new))
            .persist(StorageLevel.MEMORY_AND_DISK());
    return intake.afterTableRules(accepted, quarantine, moved, results);
  }

  private static String flagName(QualityRule rule) {
    return "_fails_" + rule.name();
  }

  /** Adds a boolean column {@code _fails_<rule>}: true for rows breaking the rule. */
  static Dataset<Row> flag(Dataset<Row> rows, QualityRule rule, Map<String, Dataset<Row>> tables) {
    Column present = lit(true);
    for (String c : rule.columns()) {
      present = present.and(col(c).isNotNull());
    }
    if ("unique".equals(rule.rule())) {
      Column[] key = rule.columns().stream().map(c -> col(c)).toArray(Column[]::new);
      return rows.withColumn(
          flagName(rule), present.and(count(lit(1)).over(Window.partitionBy(key)).gt(1)));
    }
    Dataset<Row> keys =
        tables
            .get(rule.toTable())
            .select(col(rule.toColumn()).as("_ref"))
            .filter(col("_ref").isNotNull())
            .distinct()
            .withColumn("_found", lit(true));
    return rows.join(keys, col(rule.column()).equalTo(col("_ref")), "left")
        .withColumn(flagName(rule), present.and(col("_found").isNull()))
        .drop("_ref", "_found");
  }
}
