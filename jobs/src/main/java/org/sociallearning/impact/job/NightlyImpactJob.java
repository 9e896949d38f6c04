package org.sociallearning.impact.job;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.ingest.InputSnapshot;
import org.sociallearning.impact.pipeline.AssembleTables;
import org.sociallearning.impact.pipeline.BuildOutcomes;
import org.sociallearning.impact.pipeline.DatabaseLoad;
import org.sociallearning.impact.pipeline.DetermineParticipation;
import org.sociallearning.impact.pipeline.EstimateEffects;
import org.sociallearning.impact.pipeline.EstimateHistory;
import org.sociallearning.impact.pipeline.Estimates;
import org.sociallearning.impact.pipeline.FrameCache;
import org.sociallearning.impact.pipeline.Ingest;
import org.sociallearning.impact.pipeline.Ingested;
import org.sociallearning.impact.pipeline.Outcomes;
import org.sociallearning.impact.pipeline.Participation;
import org.sociallearning.impact.pipeline.Publish;
import org.sociallearning.impact.pipeline.PublishedTables;
import org.sociallearning.impact.pipeline.ResolveIdentities;
import org.sociallearning.impact.pipeline.Resolved;
import org.sociallearning.impact.pipeline.RunHistory;
import org.sociallearning.impact.pipeline.StageContext;
import org.sociallearning.impact.pipeline.StageListener;
import org.sociallearning.impact.publish.OutOfSpace;
import org.sociallearning.impact.publish.OutputException;
import org.sociallearning.impact.publish.PostgresSink;
import org.sociallearning.impact.publish.RunLog;
import org.sociallearning.impact.publish.StageLog;
import org.sociallearning.impact.publish.StagedOutput;
import org.sociallearning.impact.quality.ErrorRateGate;

/**
 * The nightly job: runs the stages of the pipeline (see the pipeline package) in order, each on the
 * previous one's result, into a staging folder published in one switch; logs every run, failed or
 * not, and cleans up whatever way it ends.
 *
 * <pre>
 * Ingest -&gt; ResolveIdentities -&gt; DetermineParticipation -&gt; BuildOutcomes -&gt;
 * EstimateEffects -&gt; AssembleTables -&gt; Publish (-&gt; DatabaseLoad)
 * </pre>
 */
public final class NightlyImpactJob {

  /**
   * What a finished run published: {@code output} is the run's own folder under {@code
   * <output>/runs/}, which {@code <output>/current} now points at.
   */
  public record RunResult(
      Path output, Path report, Path manifest, List<MetricEstimate> estimates) {}

  private final SparkSession spark;
  private final PipelineConfig config;
  private final StageLog log;
  private final StageListener listener;

  public NightlyImpactJob(SparkSession spark, PipelineConfig config, PrintStream progress) {
    this(spark, config, progress, StageListener.NONE);
  }

  /** A job whose listener is told as each stage starts (tests make stages fail this way). */
  public NightlyImpactJob(
      SparkSession spark, PipelineConfig config, PrintStream progress, StageListener listener) {
    this.spark = spark;
    this.config = config;
    this.log = new StageLog(progress);
    this.listener = listener;
  }

  public RunResult run() throws java.io.IOException {
    Instant started = Instant.now();
    String runId =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .format(started.atOffset(ZoneOffset.UTC));
    // Before any work: a missing database password is a config error, not a failed night.
    PostgresSink database =
        config.outputSettings().jdbc() == null
            ? null
            : PostgresSink.of(config.outputSettings().jdbc(), System::getenv);
    StagedOutput staged =
        new StagedOutput(config.output(), runId, config.outputSettings().keepRuns());
    Path dir;
    try {
      dir = staged.begin();
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new OutputException(e.getMessage(), e);
    }
    RunLog opened;
    try {
      opened = RunLog.open(config.output(), runId);
    } catch (OutputException e) {
      staged.abandon();
      throw e;
    }
    try (RunLog runLog = opened;
        FrameCache cache = new FrameCache()) {
      log.alsoTo(runLog);
      StageContext ctx = StageContext.open(spark, config, log, runId, cache, listener);
      Ingested[] ingested = new Ingested[1];
      Estimates estimates;
      Path published;
      try {
        InputSnapshot inputs = InputSnapshot.of(Ingest.inputFiles(config));
        ingested[0] = ctx.stage("ingest", () -> Ingest.run(ctx));
        ErrorRateGate.check(ingested[0].all(), ingested[0].keys(), config.quality());
        Resolved resolved = ctx.stage("identity", () -> ResolveIdentities.run(ctx, ingested[0]));
        Participation participation =
            ctx.stage("participation", () -> DetermineParticipation.run(ctx, resolved));
        Outcomes outcomes = ctx.stage("outcomes", () -> BuildOutcomes.run(ctx, resolved));
        estimates =
            ctx.stage("estimation", () -> EstimateEffects.run(ctx, outcomes, participation));
        PublishedTables tables =
            ctx.stage(
                "tables",
                () ->
                    AssembleTables.run(
                        ctx, ingested[0], resolved, participation, outcomes, estimates));
        tables.add("run_history", RunHistory.rows(config, runId, started, ingested[0]));
        tables.add(
            "estimate_history",
            EstimateHistory.rows(
                config.output(),
                runId,
                config.asOf().toString(),
                tables.rows("impact_estimates"),
                ctx.manifest()::warn));
        inputs.requireUnchanged();
        listener.starting("publish");
        published = Publish.run(ctx, ingested[0], tables, dir, staged);
      } catch (Exception | Error e) {
        // Exception, not RuntimeException: Spark throws its checked SparkException unannounced.
        Optional<OutputException> outOfSpace =
            failed(e, staged, runLog, runId, started, ingested[0]);
        if (outOfSpace.isPresent()) {
          throw outOfSpace.get();
        }
        throw e;
      }
      String run = published.getFileName().toString();
      try {
        if (database != null) {
          listener.starting("database");
          DatabaseLoad.run(
              spark, database, published, log, config.outputSettings().jdbc().schema());
        }
      } catch (Exception | Error e) {
        // The files are out; the failure still fails the night, so schedulers notice.
        runLog.finish(
            RunHistory.summary(config, runId, started, "failed", kind(e), ingested[0], run));
        throw e;
      }
      runLog.finish(
          RunHistory.summary(config, runId, started, "succeeded", null, ingested[0], run));
      return new RunResult(
          published,
          published.resolve("report").resolve("index.html"),
          published.resolve("manifest.json"),
          estimates.estimates());
    }
  }

  /**
   * A failed run: its staging folder removed and its line logged (a full disk may refuse that too;
   * the cause matters more). Returns the failure as a full disk where it is one.
   */
  private Optional<OutputException> failed(
      Throwable e,
      StagedOutput staged,
      RunLog runLog,
      String runId,
      Instant started,
      Ingested ingested) {
    staged.abandon();
    Optional<OutputException> outOfSpace =
        OutOfSpace.in(e, config.output(), SparkSessions.scratchFolders(spark));
    Throwable failure = outOfSpace.isPresent() ? outOfSpace.get() : e;
    try {
      runLog.finish(
          RunHistory.summary(config, runId, started, "failed", kind(failure), ingested, null));
    } catch (RuntimeException logFailed) {
      failure.addSuppressed(logFailed);
    }
    return outOfSpace;
  }

  private static String kind(Throwable e) {
    return ExitCode.of(e).name().toLowerCase(Locale.ROOT);
  }
}
