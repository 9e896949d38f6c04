package org.sociallearning.impact.job;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.DataQualityException;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.pipeline.FrameCache;
import org.sociallearning.impact.pipeline.Ingest;
import org.sociallearning.impact.pipeline.Ingested;
import org.sociallearning.impact.pipeline.ResolveIdentities;
import org.sociallearning.impact.pipeline.Resolved;
import org.sociallearning.impact.pipeline.StageContext;
import org.sociallearning.impact.pipeline.StageListener;
import org.sociallearning.impact.publish.StageLog;

/**
 * {@code bin/impact validate}: reads every source and resolves people as a run would, then stops:
 * no estimation, nothing written. For checking a customer's exports in their own CI.
 */
public final class ExportCheck {

  /** What the check found: per source its counts, the run's warnings, a failed quality gate. */
  public record Validation(
      List<SourceCheck> sources, List<String> warnings, DataQualityException qualityFailure) {}

  private ExportCheck() {}

  public static Validation run(SparkSession spark, PipelineConfig config, PrintStream progress) {
    try (FrameCache cache = new FrameCache()) {
      StageContext ctx =
          StageContext.open(
              spark, config, new StageLog(progress), "validate", cache, StageListener.NONE);
      Ingested ingested = Ingest.run(ctx);
      DataQualityException failure = null;
      try {
        org.sociallearning.impact.quality.ErrorRateGate.check(
            ingested.all(), ingested.keys(), config.quality());
      } catch (DataQualityException e) {
        failure = e;
      }
      Resolved resolved = ResolveIdentities.run(ctx, ingested);
      List<SourceCheck> checks = new ArrayList<>();
      for (Ingested.SourceIntake s : ingested.intakes()) {
        Intake i = s.intake();
        checks.add(
            new SourceCheck(
                s.key(),
                i.format(),
                i.files().size(),
                i.read(),
                i.acceptedCount(),
                i.quarantined(),
                i.deduplicated(),
                i.skipped(),
                resolved.unmatched(s.key()),
                Ingested.quarantineReasons(i, 5),
                i.skipReasons(),
                Ingested.failingWarnRules(i)));
      }
      return new Validation(checks, ctx.manifest().warnings(), failure);
    }
  }
}
