package org.sociallearning.impact.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sociallearning.impact.adapters.AdapterRegistry;
import org.sociallearning.impact.bi.DataQuality;
import org.sociallearning.impact.bi.DimCommunity;
import org.sociallearning.impact.bi.DimEmployee;
import org.sociallearning.impact.bi.OutcomesMonthly;
import org.sociallearning.impact.bi.ParticipationMonthly;
import org.sociallearning.impact.config.EstimationSettings;
import org.sociallearning.impact.config.ParticipationSettings;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.estimation.BenjaminiHochberg;
import org.sociallearning.impact.estimation.ControlGroup;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.identity.IdentityResolution;
import org.sociallearning.impact.identity.IdentityTables;
import org.sociallearning.impact.identity.RosterDirectory;
import org.sociallearning.impact.quality.CheckResult;
import org.sociallearning.impact.quality.ErrorRateGate;
import org.sociallearning.impact.quality.QualityChecksTable;
import org.sociallearning.impact.quality.TableRules;
import org.sociallearning.impact.ingest.InputException;
import org.sociallearning.impact.ingest.InputSnapshot;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.knowledge.Expertise;
import org.sociallearning.impact.knowledge.KnowledgeFlowMonthly;
import org.sociallearning.impact.knowledge.QuestionThreads;
import org.sociallearning.impact.outcomes.DurationMedians;
import org.sociallearning.impact.outcomes.EmployeeMonthOutcomes;
import org.sociallearning.impact.outcomes.FirstDealComparison;
import org.sociallearning.impact.outcomes.MetricCatalog;
import org.sociallearning.impact.outcomes.SalesOutcomes;
import org.sociallearning.impact.outcomes.TicketEffort;
import org.sociallearning.impact.outcomes.TimeToResolve;
import org.sociallearning.impact.outcomes.TimeToFirstDeal;
import org.sociallearning.impact.participation.CommunityPatterns;
import org.sociallearning.impact.publish.PseudonymKey;
import org.sociallearning.impact.outcomes.OutcomeWindow;
import org.sociallearning.impact.participation.CommunityTime;
import org.sociallearning.impact.participation.FormalLearningContext;
import org.sociallearning.impact.outcomes.StageDurations;
import org.sociallearning.impact.participation.LearningMix;
import org.sociallearning.impact.participation.ParticipantProfile;
import org.sociallearning.impact.participation.SocialLearningParticipation;
import org.sociallearning.impact.publish.DatabaseSinkException;
import org.sociallearning.impact.publish.Manifest;
import org.sociallearning.impact.publish.OutOfSpace;
import org.sociallearning.impact.publish.OutputException;
import org.sociallearning.impact.publish.PrivacySummary;
import org.sociallearning.impact.publish.PostgresSink;
import org.sociallearning.impact.publish.QuarantineFile;
import org.sociallearning.impact.publish.ResultTables;
import org.sociallearning.impact.publish.StagedOutput;
import org.sociallearning.impact.report.ReportWriter;
import org.sociallearning.impact.value.ParticipantVolumes;
import org.sociallearning.impact.value.ValueEstimates;
import org.sociallearning.impact.value.ValueInputs;
import org.sociallearning.impact.value.ValueRow;
import org.sociallearning.impact.schemas.MetricDefinition;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

/**
 * The nightly job: read every configured export, resolve people, find who took part in social
 * learning and when, build employee-month outcomes, estimate effects, and publish estimates,
 * report, quarantine and manifest in one swap. The only class that wires I/O to the pure steps.
 */
public final class NightlyImpactJob {

  /**
   * What a finished run published: {@code output} is the run's own folder under
   * {@code <output>/runs/}, which {@code <output>/current} now points at.
   */
  public record Validation(List<SourceCheck> sources, List<String> warnings,
      org.sociallearning.impact.ingest.DataQualityException qualityFailure) {}

  public record RunResult(Path output, Path report, Path manifest, List<MetricEstimate> estimates) {}

  private final SparkSession spark;
  private final PipelineConfig config;
  private final StageLog log;

  public NightlyImpactJob(SparkSession spark, PipelineConfig config, PrintStream progress) {
    this.spark = spark;
    this.config = config;
    this.log = new StageLog(progress);
  }

  public RunResult run() throws java.io.IOException {
    Instant started = Instant.now();
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .format(started.atOffset(ZoneOffset.UTC));
    // Before any work: a missing database password is a config error, not a failed night.
    PostgresSink database = config.outputSettings().jdbc() == null ? null
        : PostgresSink.of(config.outputSettings().jdbc(), System::getenv);
    StagedOutput staged = new StagedOutput(config.output(), runId,
        config.outputSettings().keepRuns());
    Path dir;
    try {
      dir = staged.begin();
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new OutputException(e.getMessage(), e);
    }
    try (RunLog runLog = RunLog.open(config.output(), runId)) {
      return runLogged(runLog, runId, started, database, staged, dir);
    } finally {
      releaseKept();
    }
  }

  private RunResult runLogged(RunLog runLog, String runId, Instant started,
      PostgresSink database, StagedOutput staged, Path dir) throws java.io.IOException {
    {
      log.alsoTo(runLog);
      List<Intake> intakes = new ArrayList<>();
      RunResult result;
      try {
        Manifest manifest = new Manifest(runId, config.asOf().toString(),
            config.configFile().toString(), config.digest());
        InputSnapshot inputs = InputSnapshot.of(inputFiles());
        intakes.addAll(ingest());
        ErrorRateGate.check(intakes, sourceKeys(), config.quality());
        Map<String, Dataset<Row>> resolved = resolveIdentities(intakes, manifest);
        Dataset<Row> participants = participation(resolved, manifest);
        List<MetricEstimate> estimates = estimate(resolved, participants, manifest);
        knowledgeFlow(resolved, manifest, dir);
        biTables(resolved, participants, intakes, dir);
        value(resolved, participants, estimates, dir);
        if (hasSource("opportunities")) {
          firstDeals(resolved, participants, dir);
        }
        if (hasStageHistory()) {
          stageDurations(resolved, dir);
        }
        durationMedians(resolved, participants, dir);
        inputs.requireUnchanged();
        result = publish(dir, staged, manifest, intakes, estimates, started, runId);
      } catch (Exception | Error e) {
        // Exception, not RuntimeException: Spark throws its checked SparkException unannounced.
        staged.abandon();
        java.util.Optional<OutputException> outOfSpace = OutOfSpace.in(e, config.output(),
            SparkSessions.scratchFolders(spark));
        Throwable failure = outOfSpace.isPresent() ? outOfSpace.get() : e;
        try {
          runLog.finish(summary(runId, started, "failed",
              ExitCode.of(failure).name().toLowerCase(java.util.Locale.ROOT), intakes, null));
        } catch (RuntimeException logFailed) {
          // A full disk may refuse the log's last line too; the cause matters more.
          failure.addSuppressed(logFailed);
        }
        if (outOfSpace.isPresent()) {
          throw outOfSpace.get();
        }
        throw e;
      }
      String published = result.output().getFileName().toString();
      try {
        if (database != null) {
          toDatabase(database, result.output());
        }
      } catch (Exception | Error e) {
        // The files are out; the failure still fails the night, so schedulers notice. Exception:
        // reading the tables back may throw Spark's undeclared SparkException.
        runLog.finish(summary(runId, started, "failed",
            ExitCode.of(e).name().toLowerCase(java.util.Locale.ROOT), intakes, published));
        throw e;
      }
      runLog.finish(summary(runId, started, "succeeded", null, intakes, published));
      return result;
    }
  }

  /**
   * The published run's tables, read back from its folder so the database holds exactly what
   * the files hold, written to {@code output.jdbc} in one transaction.
   */
  private void toDatabase(PostgresSink database, Path run) {
    StageLog.Timer t = log.start();
    List<PostgresSink.Table> tables = new ArrayList<>();
    List<String> unpublished = new ArrayList<>();
    try {
      for (String table : ResultTables.PUBLISHED) {
        if (java.nio.file.Files.isDirectory(run.resolve(table))) {
          tables.add(new PostgresSink.Table(TableContract.load(table),
              ResultTables.read(spark, table, run)));
        } else {
          unpublished.add(table);
        }
      }
    } catch (RuntimeException e) {
      throw new DatabaseSinkException("database sink: cannot read the published tables back from "
          + run + ": " + e.getMessage(), e);
    }
    PostgresSink.Result loaded = database.load(run.getFileName().toString(), tables, unpublished);
    t.finish("database " + config.outputSettings().jdbc().schema(), loaded.rows(),
        loaded.tables());
  }

  /**
   * Reads every source and resolves people as a run would, then stops: no estimation, nothing
   * written. For checking a customer's exports in their own CI.
   */
  public Validation validate() {
    List<Intake> intakes = ingest();
    org.sociallearning.impact.ingest.DataQualityException failure = null;
    try {
      ErrorRateGate.check(intakes, sourceKeys(), config.quality());
    } catch (org.sociallearning.impact.ingest.DataQualityException e) {
      failure = e;
    }
    Manifest scratch = new Manifest("validate", config.asOf().toString(),
        config.configFile().toString(), config.digest());
    resolveIdentities(intakes, scratch);
    List<SourceCheck> checks = new ArrayList<>();
    for (int k = 0; k < intakes.size(); k++) {
      Intake i = intakes.get(k);
      Map<String, Long> reasons = quarantineReasons(i, 5);
      checks.add(new SourceCheck(intakeSources.get(k), i.format(), i.files().size(), i.read(),
          i.acceptedCount(), i.quarantined(), i.deduplicated(), i.skipped(),
          unmatchedBySource.getOrDefault(intakeSources.get(k), 0L), reasons, i.skipReasons(),
          warnRules(i)));
    }
    return new Validation(checks, scratch.warnings(), failure);
  }

  private RunLog.RunSummary summary(String runId, Instant started, String status,
      String errorKind, List<Intake> intakes, String publishedRun) {
    return new RunLog.RunSummary(runId, status, errorKind, started.toString(),
        Instant.now().toString(), config.asOf().toString(), config.digest(),
        intakes.stream().mapToLong(Intake::read).sum(),
        intakes.stream().mapToLong(Intake::quarantined).sum(), publishedRun);
  }

  /** Earlier runs from their logs, then this one (which is about to publish). */
  private List<Row> runHistoryRows(String runId, Instant started, List<Intake> intakes) {
    List<RunLog.RunSummary> runs = new ArrayList<>();
    for (RunLog.RunSummary r : RunLog.history(config.output())) {
      if (!r.runId().equals(runId)) {
        runs.add(r);
      }
    }
    runs.add(summary(runId, started, "succeeded", null, intakes, null));
    List<Row> rows = new ArrayList<>();
    for (RunLog.RunSummary r : runs) {
      rows.add(org.apache.spark.sql.RowFactory.create(r.runId(), r.status(), r.errorKind(),
          r.startedAt(), r.finishedAt(), r.asOf(), r.configSha256(),
          r.rowsRead() < 0 ? null : r.rowsRead(),
          r.rowsQuarantined() < 0 ? null : r.rowsQuarantined(),
          r.runId().equals(runId) ? runId : r.publishedRun()));
    }
    return rows;
  }

  private List<Intake> ingest() {
    List<Intake> intakes = new ArrayList<>();
    for (Sources.ConfiguredSource source : config.sources().all()) {
      StageLog.Timer t = log.start();
      List<Intake> read;
      try {
        read = AdapterRegistry.forFormat(source.spec().format()).readAll(spark, config, source);
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new InputException(source.key() + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        if (causedByUnreadableExport(e)) {
          throw new InputException(source.key() + ": " + unreadable(e).getMessage(), e);
        }
        throw e;
      }
      intakes.addAll(read);
      read.forEach(i -> intakeSources.add(source.key()));
      t.finish("ingest " + source.role() + " (" + source.spec().format() + ")",
          read.stream().mapToLong(Intake::read).sum(),
          read.stream().mapToLong(Intake::acceptedCount).sum());
    }
    StageLog.Timer t = log.start();
    List<Intake> checked = TableRules.apply(intakes);
    t.finish("quality rules", intakes.stream().mapToLong(Intake::acceptedCount).sum(),
        checked.stream().mapToLong(Intake::acceptedCount).sum());
    return checked;
  }

  /** The config key of each intake's source, in intake order (a source may yield several). */
  private List<String> sourceKeys() {
    return List.copyOf(intakeSources);
  }

  /** Warn rules with failing rows in one source, and how many rows failed each. */
  private static Map<String, Long> warnRules(Intake intake) {
    Map<String, Long> out = new TreeMap<>();
    for (CheckResult c : intake.checks()) {
      if (!c.rule().isError() && c.rowsFailing() > 0) {
        out.merge(c.rule().name(), c.rowsFailing(), Long::sum);
      }
    }
    return out;
  }

  private static boolean causedByUnreadableExport(Throwable e) {
    return unreadable(e) != null;
  }

  private static Throwable unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.sociallearning.impact.ingest.UnreadableExportException) {
        return t;
      }
    }
    return null;
  }

  /** Canonical tables by name (sources of one table unioned) with employee_id added. */
  private Map<String, Dataset<Row>> resolveIdentities(List<Intake> intakes, Manifest manifest) {
    StageLog.Timer t = log.start();
    Map<String, Dataset<Row>> tables = new TreeMap<>();
    for (String table : List.of("roster", "forum_interactions", "learning_statements",
        "formal_completions", "service_tickets", "opportunities", "opportunity_history")) {
      Dataset<Row> union = null;
      for (Intake i : intakes) {
        if (i.table().equals(table)) {
          union = union == null ? i.accepted() : union.unionByName(i.accepted());
        }
      }
      tables.put(table, union != null ? union
          : spark.createDataFrame(List.of(), SparkSchemas.of(TableContract.load(table))));
    }
    manifest.put("canonical_rows_by_source", rowsBySource(tables));
    RosterDirectory.Directory directory = RosterDirectory.build(spark, config,
        tables.get("roster"));
    directory.mappings().problems().forEach(p -> manifest.warn("identity.id_mappings: " + p));
    Map<String, Dataset<Row>> resolved = new TreeMap<>();
    resolved.put("roster", tables.get("roster"));
    resolved.put("opportunity_history", tables.get("opportunity_history"));
    List<String> keys = sourceKeys();
    identityOutcomes.clear();
    long unmatchedTotal = 0;
    for (int k = 0; k < intakes.size(); k++) {
      Intake i = intakes.get(k);
      if ("roster".equals(i.table()) || "opportunity_history".equals(i.table())) {
        continue; // the roster is the directory; stage history names no people
      }
      IdentityResolution.Result r = IdentityResolution.resolve(i.accepted(), i.table(),
          directory.resolver());
      Dataset<Row> rows = keep(r.rows());
      resolved.merge(i.table(), rows, Dataset::unionByName);
      identityOutcomes.add(new IdentityTables.SourceOutcome(keys.get(k), i.format(), i.table(), r));
      unmatchedBySource.put(keys.get(k), r.unresolved());
      unmatchedTotal += r.unresolved();
    }
    for (String table : tables.keySet()) {
      resolved.computeIfAbsent(table, name -> tables.get(name)
          .withColumn(IdentityResolution.EMPLOYEE_ID, lit(null).cast("string")));
    }
    long rows = 0;
    for (int k = 0; k < intakes.size(); k++) {
      Intake i = intakes.get(k);
      manifest.source(keys.get(k), i, unmatchedBySource.getOrDefault(keys.get(k), 0L),
          identityEntry(keys.get(k)));
      rows += i.acceptedCount();
    }
    for (Sources.ConfiguredSource crm : config.sources().all()) {
      if ("salesforce-csv".equals(crm.spec().format()) && crm.spec().users() == null) {
        manifest.warn(crm.key() + " has no users file (User.csv): opportunity owners cannot be"
            + " matched to people, so sales outcomes cannot be attributed");
      }
    }
    if (unmatchedTotal > 0) {
      manifest.warn(unmatchedTotal + " identities in the exports did not match the HR roster"
          + " (ambiguous or unmatched; see unresolved_identities); their activity is not"
          + " attributed to anyone");
    }
    t.finish("identity", rows, directory.rosterRows());
    return resolved;
  }

  /** Every file the configured sources name (paths, folders and patterns expanded, companions). */
  private List<Path> inputFiles() {
    List<Path> files = new ArrayList<>();
    for (Sources.ConfiguredSource source : config.sources().all()) {
      List<String> paths = new ArrayList<>(source.spec().companionFiles().values());
      paths.add(0, source.spec().path());
      for (String path : paths) {
        files.addAll(org.sociallearning.impact.ingest.InputFiles.list(config.resolve(path), "**"));
      }
    }
    return files;
  }

  /** The config key of the source each intake came from (a source may yield several tables). */
  private final List<String> intakeSources = new ArrayList<>();


  private Map<String, Object> identityEntry(String key) {
    for (IdentityTables.SourceOutcome o : identityOutcomes) {
      if (o.key().equals(key)) {
        return IdentityTables.manifestEntry(o, pseudonymKey().pseudonyms(),
            MANIFEST_UNRESOLVED_LIMIT);
      }
    }
    return null;
  }

  /** Unresolved identities listed per source in the manifest (all are in the table). */
  static final int MANIFEST_UNRESOLVED_LIMIT = 50;

  private final List<IdentityTables.SourceOutcome> identityOutcomes = new ArrayList<>();
  private final Map<String, Long> unmatchedBySource = new TreeMap<>();

  /**
   * Accepted rows per canonical table and source system, for tables that several systems feed
   * (Slack and Viva Engage into forum_interactions): shows each made it into the one table.
   */
  private static Map<String, Map<String, Long>> rowsBySource(Map<String, Dataset<Row>> tables) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
      if (!List.of(e.getValue().columns()).contains("source")) {
        continue;
      }
      Map<String, Long> counts = new TreeMap<>();
      for (Row r : e.getValue().groupBy(col("source")).count().collectAsList()) {
        counts.put(r.getString(0), r.getLong(1));
      }
      out.put(e.getKey(), counts);
    }
    return out;
  }

  private Dataset<Row> participation(Map<String, Dataset<Row>> resolved, Manifest manifest) {
    StageLog.Timer t = log.start();
    // Not cached: it is a filter of the resolved forum rows, which are; caching it as well
    // measured no faster (BENCHMARKS.md).
    Dataset<Row> interactions = SocialLearningParticipation.interactions(
        resolved.get("forum_interactions"), resolved.get("learning_statements"),
        config.participation().communities(), config.asOf());
    socialInteractions = interactions;
    learningMix = LearningMix.monthly(interactions, resolved.get("learning_statements"),
        config.asOf(), config.estimation().minGroupSize());
    ParticipationSettings rule = config.participation();
    Dataset<Row> met = SocialLearningParticipation.participants(interactions,
        rule.minInteractions(), rule.windowDays());
    Dataset<Row> participants = keep(met
        .join(ParticipantProfile.of(met, interactions, rule.profileMonths(), config.asOf()),
            IdentityResolution.EMPLOYEE_ID, "left"));
    triedIt = keep(SocialLearningParticipation.triedIt(interactions, participants));
    for (String attribute : config.estimation().covariates()) {
      rosterAttributes.put(attribute, pairs(resolved.get("roster"), attribute));
    }
    segments = new SegmentPanels.PersonSegments(
        pairs(resolved.get("roster"), "department"),
        pairs(participants, "community"),
        pairs(participants, "intensity"),
        pairs(SocialLearningParticipation.courseThenCommunity(
            resolved.get("learning_statements"), resolved.get("formal_completions"),
            participants, config.asOf()), "blended"));
    manifest.put("formal_learning", FormalLearningContext.of(
        resolved.get("learning_statements"), resolved.get("formal_completions"), participants,
        config.asOf()));
    if (segments.blended().isEmpty()) {
      manifest.warn("blended learning: no formal course completions in the learning records, so"
          + " course-then-community is not compared");
    }
    long participantCount = participants.count();
    long triedItCount = triedIt.count();
    Map<String, Object> summary = new java.util.LinkedHashMap<>();
    summary.put("min_interactions", rule.minInteractions());
    summary.put("window_days", rule.windowDays());
    summary.put("profile_months", rule.profileMonths());
    summary.put("participants", participantCount);
    summary.put("tried_it", triedItCount);
    summary.put("tried_it_handling", rule.triedIt());
    manifest.put("participation", summary);
    t.finish("participation", interactions.count(), participantCount);
    return participants;
  }

  /** One value per employee (a dimension: one row per person, small enough for the driver). */
  private static Map<String, String> pairs(Dataset<Row> rows, String column) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : rows.select(col(IdentityResolution.EMPLOYEE_ID), col(column)).collectAsList()) {
      if (!r.isNullAt(0) && !r.isNullAt(1)) {
        out.put(r.getString(0), r.getString(1));
      }
    }
    return out;
  }

  private SegmentPanels.PersonSegments segments;
  private Dataset<Row> socialInteractions;
  /** People who interacted below the rule's threshold ({@code employee_id, interactions}). */
  private Dataset<Row> triedIt;
  private PseudonymKey pseudonymKey;

  /** The run's pseudonym key, read once (a one-off key must be the same for every table). */
  private PseudonymKey pseudonymKey() {
    if (pseudonymKey == null) {
      pseudonymKey = PseudonymKey.of(config);
    }
    return pseudonymKey;
  }

  /**
   * Dimensions and monthly facts for dashboards (see the bi package): aggregates with small
   * cells suppressed, people only under pseudonyms.
   */
  private void biTables(Map<String, Dataset<Row>> resolved, Dataset<Row> participants,
      List<Intake> intakes, Path dir) {
    StageLog.Timer t = log.start();
    EstimationSettings settings = config.estimation();
    int minGroup = settings.minGroupSize();
    Dataset<Row> roster = resolved.get("roster");
    ResultTables.write(spark, "dim_employee", DimEmployee.of(roster, participants,
        config.asOf(), pseudonymKey().pseudonyms(), minGroup), dir);
    ResultTables.write(spark, "dim_community", DimCommunity.of(
        resolved.get("forum_interactions"),
        CommunityPatterns.regex(config.participation().communities()), minGroup), dir);
    ResultTables.write(spark, "fact_participation_monthly",
        ParticipationMonthly.of(socialInteractions, participants, minGroup), dir);
    OutcomeWindow tickets = new OutcomeWindow(config.asOf(), settings.ticketHorizonDays());
    OutcomeWindow deals = new OutcomeWindow(config.asOf(), settings.salesHorizonDays());
    Dataset<Row> service = null;
    Dataset<Row> sales = null;
    for (MetricDefinition metric : MetricDefinition.all()) {
      if (!MetricCatalog.EMPLOYEE_MONTH.contains(metric.name())
          || !hasSource(metric.sourceTable())) {
        continue;
      }
      Dataset<Row> items = MetricCatalog.items(metric.name(), resolved.get("service_tickets"),
          resolved.get("opportunities"), tickets, deals)
          .filter(col(IdentityResolution.EMPLOYEE_ID).isNotNull());
      Dataset<Row> fact = OutcomesMonthly.of(metric, items, roster, participants, triedIt,
          minGroup);
      if ("service_tickets".equals(metric.sourceTable())) {
        service = service == null ? fact : service.unionByName(fact);
      } else {
        sales = sales == null ? fact : sales.unionByName(fact);
      }
    }
    writeFact("fact_service_outcomes_monthly", service, dir);
    writeFact("fact_sales_outcomes_monthly", sales, dir);
    List<DataQuality.SourceFigures> figures = new ArrayList<>();
    for (int k = 0; k < intakes.size(); k++) {
      Intake i = intakes.get(k);
      figures.add(new DataQuality.SourceFigures(intakeSources.get(k), i.format(), i.read(),
          i.acceptedCount(), i.quarantined(), i.deduplicated(),
          unmatchedBySource.getOrDefault(intakeSources.get(k), 0L),
          quarantineReasons(i, Integer.MAX_VALUE), i.skipped(), i.skipReasons(), warnRules(i),
          identityMatches(intakeSources.get(k))));
    }
    List<Row> quality = DataQuality.rows(figures);
    ResultTables.write(spark, "data_quality", quality, dir);
    ResultTables.write(spark, "identity_resolution",
        IdentityTables.resolutionRows(identityOutcomes), dir);
    ResultTables.write(spark, "unresolved_identities",
        IdentityTables.unresolvedRows(identityOutcomes, pseudonymKey().pseudonyms()), dir);
    t.finish("bi tables", figures.size(), quality.size());
  }

  /** Identities per match rule of one source (null for the roster). */
  private Map<String, Long> identityMatches(String key) {
    for (IdentityTables.SourceOutcome o : identityOutcomes) {
      if (o.key().equals(key)) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        o.result().countsByRule().forEach((rule, c) -> {
          if (rule != org.sociallearning.impact.identity.MatchRule.NO_IDENTITY) {
            out.put(rule.label(), c[0]);
          }
        });
        return out;
      }
    }
    return Map.of();
  }

  /** Every rule's result per source, as {@code quality/checks.parquet} and {@code .csv}. */
  private void qualityChecks(List<Intake> intakes, Manifest manifest, Path dir) {
    List<CheckResult> results = new ArrayList<>();
    List<String> keys = sourceKeys();
    for (int k = 0; k < intakes.size(); k++) {
      for (CheckResult c : intakes.get(k).checks()) {
        results.add(c.forSource(keys.get(k)));
      }
    }
    ResultTables.writeSingleFile(spark, QualityChecksTable.CONTRACT,
        QualityChecksTable.rows(results), dir.resolve("quality"), "checks");
    Map<String, Long> byStatus = new TreeMap<>();
    List<Map<String, Object>> failing = new ArrayList<>();
    for (CheckResult c : results) {
      byStatus.merge(c.status(), 1L, Long::sum);
      if (!CheckResult.PASS.equals(c.status())) {
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        item.put("source", c.source());
        item.put("table", c.table());
        item.put("rule", c.rule().name());
        item.put("severity", c.rule().severity());
        item.put("status", c.status());
        item.put("rows_failing", c.rowsFailing());
        failing.add(item);
      }
    }
    Map<String, Object> summary = new java.util.LinkedHashMap<>();
    summary.put("checks_by_status", byStatus);
    summary.put("not_passing", failing);
    manifest.put("quality_checks", summary);
  }

  /** A fact table, or an empty one in its contract's shape when its sources are not configured. */
  private void writeFact(String table, Dataset<Row> fact, Path dir) {
    if (fact == null) {
      ResultTables.write(spark, table, List.<Row>of(), dir);
    } else {
      ResultTables.write(spark, table, fact, dir);
    }
  }

  /** Quarantine reasons of one source with their counts, most frequent first. */
  private static Map<String, Long> quarantineReasons(Intake intake, int limit) {
    Map<String, Long> reasons = new java.util.LinkedHashMap<>();
    for (Row r : intake.quarantine().groupBy(col("reason")).count()
        .orderBy(col("count").desc(), col("reason")).limit(limit).collectAsList()) {
      reasons.put(r.getString(0), r.getLong(1));
    }
    return reasons;
  }
  private Dataset<Row> learningMix;
  private final List<BalanceTable.Balance> balance = new ArrayList<>();
  private final Map<String, Map<String, String>> rosterAttributes = new TreeMap<>();

  /**
   * Each unit's stratum for exact stratification (its values of estimation.covariates, unknown
   * values as null so the estimator drops and counts them), or null when none are configured.
   */
  private String[] strataFor(Panel panel) {
    List<String> covariates = config.estimation().covariates();
    if (covariates.isEmpty()) {
      return null;
    }
    String[] strata = new String[panel.unitCount()];
    for (int u = 0; u < strata.length; u++) {
      StringBuilder key = new StringBuilder();
      for (String attribute : covariates) {
        String value = rosterAttributes.get(attribute).get(panel.unitIds()[u]);
        if (value == null) {
          key = null;
          break;
        }
        key.append(key.length() == 0 ? "" : " | ").append(value);
      }
      strata[u] = key == null ? null : key.toString();
    }
    return strata;
  }

  private List<MetricEstimate> estimate(Map<String, Dataset<Row>> resolved,
      Dataset<Row> participants, Manifest manifest) {
    EstimationSettings settings = config.estimation();
    DidOptions options = didOptions();
    OutcomeWindow tickets = new OutcomeWindow(config.asOf(), settings.ticketHorizonDays());
    OutcomeWindow deals = new OutcomeWindow(config.asOf(), settings.salesHorizonDays());
    List<MetricEstimate> out = new ArrayList<>();
    for (MetricDefinition metric : MetricDefinition.all()) {
      if (!hasSource(metric.sourceTable())) {
        continue;
      }
      if (MetricCatalog.VOLUME.contains(metric.name())) {
        out.add(volume(metric, resolved, participants, options, manifest));
        continue;
      }
      // Per-person metrics (time to first deal) are not employee-month panels.
      if (!MetricCatalog.EMPLOYEE_MONTH.contains(metric.name())) {
        continue;
      }
      StageLog.Timer t = log.start();
      Dataset<Row> items = metric.logScale()
          ? withoutTriedIt(MetricCatalog.items(metric.name(), resolved.get("service_tickets"),
              resolved.get("opportunities"), tickets, deals)).persist(StorageLevel.MEMORY_AND_DISK())
          : null;
      Dataset<Row> panelRows = (items != null ? EmployeeMonthOutcomes.aggregate(items)
          : withoutTriedIt(MetricCatalog.employeeMonths(metric.name(),
              resolved.get("service_tickets"), resolved.get("opportunities"), tickets, deals)))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Row sum = panelRows.agg(org.apache.spark.sql.functions.sum(col("items"))).first();
      long itemCount = sum.isNullAt(0) ? 0 : sum.getLong(0);
      Panel panel = PanelAssembler.assemble(panelRows, participants);
      t.finish("outcomes " + metric.name(), itemCount, panelRows.count());
      t = log.start();
      MetricEstimate estimate = MetricEstimation.estimate(metric, "all", panel, options,
          settings.minGroupSize(), strataFor(panel));
      if (items != null && !estimate.suppressed()) {
        // The typical item (log scale) and the mean per item (what money needs) differ when
        // items change by different factors: estimate the mean from the same items.
        Panel levels = PanelAssembler.assembleWeighted(
            EmployeeMonthOutcomes.aggregateLevels(items), participants);
        estimate = estimate.withMeanEffect(MeanEffects.of(levels, options, strataFor(levels)));
      }
      out.add(estimate);
      manifest.estimatorNotes(metric.name(), estimate.estimatorNotes());
      panelRows.unpersist();
      if (items != null) {
        items.unpersist();
      }
      balance.add(BalanceTable.preJoiningOutcome(metric.name(), panel));
      balance.addAll(BalanceTable.attribute(metric.name(), "department", segments.department(),
          panel));
      Map<String, Panel> bySegment = SegmentPanels.of(panel, segments);
      for (Map.Entry<String, Panel> segment : bySegment.entrySet()) {
        out.add(MetricEstimation.estimate(metric, segment.getKey(), segment.getValue(), options,
            settings.minGroupSize(), strataFor(segment.getValue())));
      }
      t.finish("estimate " + metric.name(), panel.unitCount(), 1 + bySegment.size());
    }
    out = VolumeNotes.attach(out);
    return withAdjustedPValues(out);
  }

  /**
   * A volume diagnostic (items started per employee-month, zero months included): estimated
   * like an outcome, overall only; its finding reaches the per-item outcomes as a note.
   */
  private MetricEstimate volume(MetricDefinition metric, Map<String, Dataset<Row>> resolved,
      Dataset<Row> participants, DidOptions options, Manifest manifest) {
    EstimationSettings settings = config.estimation();
    StageLog.Timer t = log.start();
    Dataset<Row> panelRows = withoutTriedIt(MetricCatalog.volume(metric.name(),
        resolved.get("service_tickets"), resolved.get("opportunities"), resolved.get("roster"),
        new OutcomeWindow(config.asOf(), settings.ticketHorizonDays()),
        new OutcomeWindow(config.asOf(), settings.salesHorizonDays())));
    Panel panel = PanelAssembler.assemble(panelRows, participants);
    MetricEstimate estimate = MetricEstimation.estimate(metric, "all", panel, options,
        settings.minGroupSize(), strataFor(panel));
    manifest.estimatorNotes(metric.name(), estimate.estimatorNotes());
    t.finish("volume " + metric.name(), panel.unitCount(), 1);
    return estimate;
  }

  /**
   * Rows of people who tried social learning without meeting the participation rule left out
   * (participation.tried_it: exclude, the default), so they are in neither group; kept as
   * comparison people with {@code compare}.
   */
  private Dataset<Row> withoutTriedIt(Dataset<Row> rows) {
    if (config.participation().comparesTriedIt()) {
      return rows;
    }
    return rows.join(triedIt.select(col(IdentityResolution.EMPLOYEE_ID)),
        IdentityResolution.EMPLOYEE_ID, "left_anti");
  }

  /** What this run cached for the whole run; released when it ends, however it ends. */
  private final List<Dataset<Row>> kept = new ArrayList<>();

  /** Caches a frame that later stages read again, until the run ends. */
  private Dataset<Row> keep(Dataset<Row> frame) {
    Dataset<Row> cached = frame.persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(cached);
    return cached;
  }

  private void releaseKept() {
    kept.forEach(Dataset::unpersist);
    kept.clear();
  }

  /** The estimator's settings from the config's estimation section. */
  private DidOptions didOptions() {
    EstimationSettings settings = config.estimation();
    return new DidOptions(ControlGroup.parse(settings.control()), settings.bootstrapReplicates(),
        settings.seed(), 0.95)
        .withAnticipation(settings.anticipation())
        .withBasePeriod(org.sociallearning.impact.estimation.BasePeriod.parse(
            settings.basePeriod()));
  }

  /** Knowledge flow in the communities: answers, speed, silo bridging, who the helpers are. */
  private void knowledgeFlow(Map<String, Dataset<Row>> resolved, Manifest manifest, Path dir) {
    StageLog.Timer t = log.start();
    PseudonymKey key = pseudonymKey();
    if (!key.stable()) {
      manifest.warn("no pseudonym key (privacy.pseudonym_key_file or " + PseudonymKey.ENV
          + "): helper pseudonyms use a one-off key and will"
          + " not match those of other runs");
      log.warn("no pseudonym key is configured (privacy.pseudonym_key_file or "
          + PseudonymKey.ENV + "): pseudonyms in this run's tables will not match other runs'");
    }
    manifest.put("pseudonyms_stable_across_runs", key.stable());
    int minGroup = config.estimation().minGroupSize();
    java.sql.Timestamp cutoff = new OutcomeWindow(config.asOf(), 1).cutoff();
    Dataset<Row> threads = QuestionThreads.of(resolved.get("forum_interactions"),
        resolved.get("roster"), CommunityPatterns.regex(config.participation().communities()),
        cutoff).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> answers = QuestionThreads.answers(resolved.get("forum_interactions"), threads,
        cutoff);
    ResultTables.write(spark, "knowledge_flow_monthly", KnowledgeFlowMonthly.of(threads, minGroup),
        dir);
    ResultTables.write(spark, "top_helpers",
        Expertise.topHelpers(answers, key.pseudonyms(), TOP_HELPERS, minGroup), dir);
    ResultTables.write(spark, "knowledge_concentration",
        Expertise.concentration(answers, minGroup), dir);
    t.finish("knowledge flow", threads.count(), answers.count());
    threads.unpersist();
  }

  static final int TOP_HELPERS = 5;

  /** New sellers' days to a first won deal, participants against others, censoring-aware. */
  private void firstDeals(Map<String, Dataset<Row>> resolved, Dataset<Row> participants,
      Path dir) {
    StageLog.Timer t = log.start();
    EstimationSettings settings = config.estimation();
    Dataset<Row> people = TimeToFirstDeal.people(resolved.get("roster"),
        resolved.get("opportunities"), new OutcomeWindow(config.asOf(), settings.salesHorizonDays()));
    Dataset<Row> groups = TimeToFirstDeal.landmarkGroups(people, resolved.get("roster"),
        participants, settings.firstDealLandmarkDays());
    FirstDealComparison comparison = FirstDealComparison.of(groups,
        FirstDealComparison.ComparisonGroup.NOT_PARTICIPATING_AT_LANDMARK);
    List<Row> rows = ResultTables.firstDealRows(comparison, settings.minGroupSize());
    ResultTables.write(spark, "first_deal_comparison", rows, dir);
    t.finish("first deals",
        comparison.participants().size() + comparison.comparison().size(), rows.size());
  }

  /** Time spent per sales stage, from the CRM stage history (no people in it). */
  private void stageDurations(Map<String, Dataset<Row>> resolved, Path dir) {
    StageLog.Timer t = log.start();
    Dataset<Row> visits = StageDurations.visits(resolved.get("opportunity_history"),
        new OutcomeWindow(config.asOf(), 1).cutoff());
    Dataset<Row> summary = StageDurations.summary(visits, config.estimation().minGroupSize());
    ResultTables.write(spark, "stage_durations", summary, dir);
    t.finish("stage durations", visits.count(), summary.count());
  }

  private boolean hasStageHistory() {
    return config.sources().crm().stream().anyMatch(s -> s.history() != null);
  }

  /** Kaplan-Meier against naive medians of ticket and deal durations, participants vs others. */
  private void durationMedians(Map<String, Dataset<Row>> resolved, Dataset<Row> participants,
      Path dir) {
    StageLog.Timer t = log.start();
    EstimationSettings settings = config.estimation();
    List<Row> rows = new ArrayList<>();
    if (hasSource("service_tickets")) {
      rows.addAll(ResultTables.durationMedianRows(DurationMedians.of(TimeToResolve.METRIC,
          withoutTriedIt(DurationMedians.ticketDurations(resolved.get("service_tickets"),
              new OutcomeWindow(config.asOf(), settings.ticketHorizonDays()))), participants),
          "hours", settings.minGroupSize()));
    }
    if (hasSource("opportunities")) {
      rows.addAll(ResultTables.durationMedianRows(DurationMedians.of(SalesOutcomes.SALES_CYCLE,
          withoutTriedIt(DurationMedians.dealDurations(resolved.get("opportunities"),
              new OutcomeWindow(config.asOf(), settings.salesHorizonDays()))), participants),
          "days", settings.minGroupSize()));
    }
    ResultTables.write(spark, "duration_medians", rows, dir);
    t.finish("duration medians", participants.count(), rows.size());
  }

  /** Hours saved, revenue effect and ROI from the estimates and what participants handled. */
  private void value(Map<String, Dataset<Row>> resolved, Dataset<Row> participants,
      List<MetricEstimate> estimates, Path dir) {
    StageLog.Timer t = log.start();
    EstimationSettings settings = config.estimation();
    OutcomeWindow tickets = new OutcomeWindow(config.asOf(), settings.ticketHorizonDays());
    ValueInputs inputs = ParticipantVolumes.of(
        hasSource("service_tickets") ? resolved.get("service_tickets") : null,
        hasSource("opportunities") ? resolved.get("opportunities") : null, participants,
        tickets, new OutcomeWindow(config.asOf(), settings.salesHorizonDays()));
    MetricEstimate.MeanEffect effort = hasSource("service_tickets")
        ? effortPerTicket(resolved.get("service_tickets"), participants, tickets)
        : MetricEstimate.MeanEffect.NONE;
    inputs = inputs.with(effort, config.value().minutesPerInteraction() == null ? Double.NaN
        : CommunityTime.interactionsPerYear(socialInteractions, config.asOf()));
    List<ValueRow> rows = ValueEstimates.compute(config.value(), estimates, inputs);
    ResultTables.write(spark, "value_estimates", ResultTables.valueRows(rows), dir);
    t.finish("value", estimates.size(), rows.size());
  }

  /**
   * The effect of joining on the hours of work logged per ticket, where the exports carry
   * effort: the same design as the headline on employee-month means of effort weighted by their
   * tickets. NONE when no ticket has effort or the effect cannot be estimated.
   */
  private MetricEstimate.MeanEffect effortPerTicket(Dataset<Row> tickets,
      Dataset<Row> participants, OutcomeWindow window) {
    Dataset<Row> effort = withoutTriedIt(TicketEffort.items(tickets, window))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      if (effort.isEmpty()) {
        return MetricEstimate.MeanEffect.NONE;
      }
      DidOptions options = didOptions().withReplicates(0);
      Panel panel = PanelAssembler.assembleWeighted(EmployeeMonthOutcomes.aggregate(effort),
          participants);
      return MeanEffects.of(panel, options, strataFor(panel));
    } finally {
      effort.unpersist();
    }
  }

  /** Benjamini-Hochberg across every estimate of the run: many metrics, some false alarms. */
  static List<MetricEstimate> withAdjustedPValues(List<MetricEstimate> estimates) {
    List<Integer> tested = new ArrayList<>();
    for (int i = 0; i < estimates.size(); i++) {
      // Volume diagnostics are no claims of an effect: they do not count as tests here.
      if (!Double.isNaN(estimates.get(i).pValue()) && !estimates.get(i).metric().isVolume()) {
        tested.add(i);
      }
    }
    double[] adjusted = BenjaminiHochberg.adjust(
        tested.stream().mapToDouble(i -> estimates.get(i).pValue()).toArray());
    List<MetricEstimate> out = new ArrayList<>(estimates);
    for (int k = 0; k < tested.size(); k++) {
      out.set(tested.get(k), estimates.get(tested.get(k)).withAdjustedPValue(adjusted[k]));
    }
    return out;
  }

  private boolean hasSource(String table) {
    return switch (table) {
      case "service_tickets" -> !config.sources().serviceDesk().isEmpty();
      case "opportunities" -> !config.sources().crm().isEmpty();
      default -> true;
    };
  }

  private RunResult publish(Path dir, StagedOutput staged, Manifest manifest,
      List<Intake> intakes, List<MetricEstimate> estimates, Instant started, String runId)
      throws java.io.IOException {
    StageLog.Timer t = log.start();
    ResultTables.write(spark, "run_history", runHistoryRows(runId, started, intakes), dir);
    ResultTables.write(spark, "impact_estimates", ResultTables.estimateRows(estimates), dir);
    ResultTables.write(spark, "impact_event_study", ResultTables.eventStudyRows(estimates), dir);
    ResultTables.write(spark, "impact_calendar", ResultTables.calendarRows(estimates), dir);
    ResultTables.write(spark, "learning_mix_monthly", learningMix, dir);
    ResultTables.write(spark, "balance",
        ResultTables.balanceRows(balance, config.estimation().minGroupSize()), dir);
    Dataset<Row> quarantine = null;
    for (Intake i : intakes) {
      quarantine = quarantine == null ? i.quarantine() : quarantine.unionByName(i.quarantine());
    }
    QuarantineFile.write(quarantine, dir);
    qualityChecks(intakes, manifest, dir);
    long quarantined = intakes.stream().mapToLong(Intake::quarantined).sum();
    t.finish("publish", estimates.size(), quarantined);
    List<String> outputs = new ArrayList<>(List.of("impact_estimates.csv", "impact_estimates/",
        "impact_event_study.csv", "impact_event_study/", "knowledge_flow_monthly.csv",
        "knowledge_flow_monthly/", "top_helpers.csv", "top_helpers/",
        "knowledge_concentration.csv", "knowledge_concentration/", "balance.csv", "balance/",
        "first_deal_comparison.csv", "first_deal_comparison/", "duration_medians.csv",
        "duration_medians/", "value_estimates.csv",
        "value_estimates/", "run_history.csv", "run_history/", "dim_employee.csv",
        "dim_employee/", "dim_community.csv", "dim_community/", "fact_participation_monthly.csv",
        "fact_participation_monthly/", "fact_service_outcomes_monthly.csv",
        "fact_service_outcomes_monthly/", "fact_sales_outcomes_monthly.csv",
        "fact_sales_outcomes_monthly/", "data_quality.csv", "data_quality/",
        "identity_resolution.csv", "identity_resolution/", "unresolved_identities.csv",
        "unresolved_identities/", "quality/checks.parquet", "quality/checks.csv",
        "impact_calendar.csv", "impact_calendar/", "learning_mix_monthly.csv",
        "learning_mix_monthly/", "quarantine/quarantine.csv", "report/index.html",
        "report/impact-report.pdf", "manifest.json"));
    if (hasStageHistory()) {
      outputs.addAll(List.of("stage_durations.csv", "stage_durations/"));
    }
    manifest.put("min_group_size", config.estimation().minGroupSize());
    manifest.put("privacy", PrivacySummary.of(dir, config.estimation().minGroupSize(),
        config.privacy().pseudonymKeyFile() != null ? "file"
            : pseudonymKey().stable() ? "environment" : "one-off"));
    manifest.write(dir.resolve("manifest.json"), log.stages(), outputs);
    // The report reads what was just published, exactly as `bin/impact report` does later.
    StageLog.Timer r = log.start();
    ReportWriter.rewrite(dir);
    r.finish("report", estimates.size(), 2);
    Path out = staged.publish();
    return new RunResult(out, out.resolve("report").resolve("index.html"),
        out.resolve("manifest.json"), estimates);
  }
}
