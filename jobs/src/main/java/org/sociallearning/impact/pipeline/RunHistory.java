package org.sociallearning.impact.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.publish.RunLog;

/**
 * The run's line in the run log (status, rows read and quarantined, what it published) and the
 * published {@code run_history} table: every earlier run from the logs, then this one.
 */
public final class RunHistory {

  private RunHistory() {}

  /** This run's summary; rows unknown (-1) before anything was read. */
  public static RunLog.RunSummary summary(
      PipelineConfig config,
      String runId,
      Instant started,
      String status,
      String errorKind,
      Ingested ingested,
      String publishedRun) {
    return new RunLog.RunSummary(
        runId,
        status,
        errorKind,
        started.toString(),
        Instant.now().toString(),
        config.asOf().toString(),
        config.digest(),
        ingested == null ? 0 : ingested.rowsRead(),
        ingested == null ? 0 : ingested.rowsQuarantined(),
        publishedRun);
  }

  /** Earlier runs from their logs, then this one (which is about to publish). */
  public static List<Row> rows(
      PipelineConfig config, String runId, Instant started, Ingested ingested) {
    List<RunLog.RunSummary> runs = new ArrayList<>();
    for (RunLog.RunSummary r : RunLog.history(config.output())) {
      if (!r.runId().equals(runId)) {
        runs.add(r);
      }
    }
    runs.add(summary(config, runId, started, "succeeded", null, ingested, null));
    List<Row> rows = new ArrayList<>();
    for (RunLog.RunSummary r : runs) {
      rows.add(
          RowFactory.create(
              r.runId(),
              r.status(),
              r.errorKind(),
              r.startedAt(),
              r.finishedAt(),
              r.asOf(),
              r.configSha256(),
              r.rowsRead() < 0 ? null : r.rowsRead(),
              r.rowsQuarantined() < 0 ? null : r.rowsQuarantined(),
              r.runId().equals(runId) ? runId : r.publishedRun()));
    }
    return rows;
  }
}
