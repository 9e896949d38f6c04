package org.sociallearning.impact.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.ingest.CheckResult;
import org.sociallearning.impact.publish.PrivacySummary;
import org.sociallearning.impact.publish.QuarantineFile;
import org.sociallearning.impact.publish.ResultTables;
import org.sociallearning.impact.publish.StageLog;
import org.sociallearning.impact.publish.StagedOutput;
import org.sociallearning.impact.quality.QualityChecksTable;
import org.sociallearning.impact.report.ReportWriter;

/**
 * Stage 7: writes every assembled table (CSV and Parquet), the quarantine, the quality checks, the
 * manifest and the report into the run's staging folder, then publishes the folder in one switch of
 * {@code current}. The report reads what was just written, exactly as {@code bin/impact report}
 * does later.
 */
public final class Publish {

  /** Files every run writes besides its tables. */
  static final List<String> OTHER_OUTPUTS =
      List.of(
          "quality/checks.parquet",
          "quality/checks.csv",
          "quarantine/quarantine.csv",
          "report/index.html",
          "report/impact-report.pdf",
          "manifest.json");

  /** The file name in the quality folder of each operational file's contract. */
  static final Map<String, String> QUALITY_FILE_NAMES =
      Map.of(DashboardTables.UNRESOLVED_IDENTITY_LIST, "unresolved_identities");

  private Publish() {}

  /** Writes everything into {@code dir} and publishes it; returns the published run folder. */
  public static Path run(
      StageContext ctx, Ingested ingested, PublishedTables tables, Path dir, StagedOutput staged)
      throws java.io.IOException {
    StageLog.Timer t = ctx.log().start();
    List<String> outputs = new ArrayList<>();
    for (Map.Entry<String, List<Row>> table : tables.tables().entrySet()) {
      ResultTables.write(ctx.spark(), table.getKey(), table.getValue(), dir);
      outputs.add(table.getKey() + ".csv");
      outputs.add(table.getKey() + "/");
    }
    QuarantineFile.write(ingested.quarantine(), dir);
    qualityChecks(ctx, ingested, dir);
    for (Map.Entry<String, List<Row>> file : tables.qualityFiles().entrySet()) {
      String name = QUALITY_FILE_NAMES.get(file.getKey());
      ResultTables.writeSingleFile(
          ctx.spark(), file.getKey(), file.getValue(), dir.resolve("quality"), name);
      outputs.add("quality/" + name + ".csv");
      outputs.add("quality/" + name + ".parquet");
    }
    t.finish("publish", tables.tables().size(), ingested.rowsQuarantined());
    outputs.addAll(OTHER_OUTPUTS);
    int minGroup = ctx.config().estimation().minGroupSize();
    ctx.manifest().put("min_group_size", minGroup);
    ctx.manifest()
        .put(
            "report",
            Map.of(
                "primary_metrics",
                ctx.config().report().primaryMetrics(),
                "locale",
                ctx.config().report().locale()));
    Map<String, Object> privacy =
        new java.util.LinkedHashMap<>(
            PrivacySummary.of(
                dir,
                minGroup,
                ctx.config().privacy().pseudonymKeyFile() != null
                    ? "file"
                    : ctx.pseudonymKey().stable() ? "environment" : "one-off"));
    Object personTable = ctx.manifest().remove(DashboardTables.PERSON_TABLE_PRIVACY);
    if (personTable != null) {
      privacy.put("person_table", personTable);
    }
    ctx.manifest().put("privacy", privacy);
    ctx.manifest().write(dir.resolve("manifest.json"), ctx.log().stages(), outputs);
    StageLog.Timer r = ctx.log().start();
    ReportWriter.rewrite(dir);
    r.finish("report", tables.tables().size(), 2);
    return staged.publish();
  }

  /** Every rule's result per source, as {@code quality/checks.parquet} and {@code .csv}. */
  private static void qualityChecks(StageContext ctx, Ingested ingested, Path dir) {
    List<CheckResult> results = ingested.checks();
    ResultTables.writeSingleFile(
        ctx.spark(),
        QualityChecksTable.CONTRACT,
        QualityChecksTable.rows(results),
        dir.resolve("quality"),
        "checks");
    Map<String, Long> byStatus = new TreeMap<>();
    List<Map<String, Object>> failing = new ArrayList<>();
    for (CheckResult c : results) {
      byStatus.merge(c.status(), 1L, Long::sum);
      if (!CheckResult.PASS.equals(c.status())) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("source", c.source());
        item.put("table", c.table());
        item.put("rule", c.rule().name());
        item.put("severity", c.rule().severity());
        item.put("status", c.status());
        item.put("rows_failing", c.rowsFailing());
        failing.add(item);
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("checks_by_status", byStatus);
    summary.put("not_passing", failing);
    ctx.manifest().put("quality_checks", summary);
  }
}
