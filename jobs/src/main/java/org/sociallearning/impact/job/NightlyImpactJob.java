package org.sociallearning.impact.job;

import static org.apache.spark.sql.functions.col;

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
import org.sociallearning.impact.config.EstimationSettings;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.estimation.BenjaminiHochberg;
import org.sociallearning.impact.estimation.ControlGroup;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.identity.IdentityResolution;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.knowledge.Expertise;
import org.sociallearning.impact.knowledge.KnowledgeFlowMonthly;
import org.sociallearning.impact.knowledge.QuestionThreads;
import org.sociallearning.impact.outcomes.FirstDealComparison;
import org.sociallearning.impact.outcomes.MetricCatalog;
import org.sociallearning.impact.outcomes.TimeToFirstDeal;
import org.sociallearning.impact.participation.CommunityPatterns;
import org.sociallearning.impact.publish.PseudonymKey;
import org.sociallearning.impact.outcomes.OutcomeWindow;
import org.sociallearning.impact.participation.LearningMix;
import org.sociallearning.impact.participation.SocialLearningParticipation;
import org.sociallearning.impact.publish.Manifest;
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

  /** What a finished run published. */
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
    StagedOutput staged = new StagedOutput(config.output(), runId);
    Path dir = staged.begin();
    try {
      Manifest manifest = new Manifest(runId, config.asOf().toString(),
          config.configFile().toString(), config.digest());
      List<Intake> intakes = ingest();
      Map<String, Dataset<Row>> resolved = resolveIdentities(intakes, manifest);
      Dataset<Row> participants = participation(resolved, manifest);
      List<MetricEstimate> estimates = estimate(resolved, participants, manifest);
      knowledgeFlow(resolved, manifest, dir);
      value(resolved, participants, estimates, dir);
      if (hasSource("opportunities")) {
        firstDeals(resolved, participants, dir);
      }
      RunResult result = publish(dir, staged, manifest, intakes, estimates, started);
      return result;
    } catch (RuntimeException | java.io.IOException | Error e) {
      staged.abandon();
      throw e;
    }
  }

  private List<Intake> ingest() {
    List<Intake> intakes = new ArrayList<>();
    for (Sources.ConfiguredSource source : config.sources().all()) {
      StageLog.Timer t = log.start();
      Intake intake = AdapterRegistry.forFormat(source.spec().format())
          .read(spark, config, source);
      intakes.add(intake);
      t.finish("ingest " + source.role() + " (" + intake.format() + ")", intake.read(),
          intake.acceptedCount());
    }
    return intakes;
  }

  /** Canonical tables by name (sources of one table unioned) with employee_id added. */
  private Map<String, Dataset<Row>> resolveIdentities(List<Intake> intakes, Manifest manifest) {
    StageLog.Timer t = log.start();
    Map<String, Dataset<Row>> tables = new TreeMap<>();
    for (String table : List.of("roster", "forum_interactions", "learning_statements",
        "service_tickets", "opportunities")) {
      Dataset<Row> union = null;
      for (Intake i : intakes) {
        if (i.table().equals(table)) {
          union = union == null ? i.accepted() : union.unionByName(i.accepted());
        }
      }
      tables.put(table, union != null ? union
          : spark.createDataFrame(List.of(), SparkSchemas.of(TableContract.load(table))));
    }
    Dataset<Row> directory = IdentityResolution.emailDirectory(tables.get("roster")).cache();
    Map<String, String> emailColumn = Map.of("forum_interactions", "email",
        "learning_statements", "email", "service_tickets", "assignee_email",
        "opportunities", "owner_email");
    Map<String, Dataset<Row>> resolved = new TreeMap<>();
    resolved.put("roster", tables.get("roster"));
    long rows = 0;
    long unmatchedTotal = 0;
    for (Map.Entry<String, String> e : new TreeMap<>(emailColumn).entrySet()) {
      Dataset<Row> r = IdentityResolution.resolve(tables.get(e.getKey()), e.getValue(), directory)
          .persist(StorageLevel.MEMORY_AND_DISK());
      resolved.put(e.getKey(), r);
      long unmatched = IdentityResolution.unmatchedIdentities(r, e.getValue());
      unmatchedTotal += unmatched;
      unmatchedByTable.put(e.getKey(), unmatched);
    }
    for (Intake i : intakes) {
      manifest.source(i.role(), i.format(), i.files(), i.read(), i.acceptedCount(),
          i.quarantined(), i.deduplicated(), unmatchedByTable.getOrDefault(i.table(), 0L));
      rows += i.acceptedCount();
    }
    for (Sources.ConfiguredSource crm : config.sources().all()) {
      if ("crm".equals(crm.role()) && crm.spec().users() == null) {
        manifest.warn(crm.key() + " has no users file (User.csv): opportunity owners cannot be"
            + " matched to people, so sales outcomes cannot be attributed");
      }
    }
    if (unmatchedTotal > 0) {
      manifest.warn(unmatchedTotal + " identities in the exports did not match the HR roster"
          + " (by email); their activity is not attributed to anyone");
    }
    t.finish("identity", rows, directory.count());
    return resolved;
  }

  private final Map<String, Long> unmatchedByTable = new TreeMap<>();

  private Dataset<Row> participation(Map<String, Dataset<Row>> resolved, Manifest manifest) {
    StageLog.Timer t = log.start();
    Dataset<Row> interactions = SocialLearningParticipation.interactions(
        resolved.get("forum_interactions"), resolved.get("learning_statements"),
        config.participation().communities(), config.asOf());
    learningMix = LearningMix.monthly(interactions, resolved.get("learning_statements"),
        config.asOf(), config.estimation().minGroupSize());
    Dataset<Row> participants = SocialLearningParticipation.withIntensity(
            SocialLearningParticipation.participants(interactions,
                config.participation().minInteractions()), config.asOf())
        .persist(StorageLevel.MEMORY_AND_DISK());
    for (String attribute : config.estimation().covariates()) {
      rosterAttributes.put(attribute, pairs(resolved.get("roster"), attribute));
    }
    segments = new SegmentPanels.PersonSegments(
        pairs(resolved.get("roster"), "department"),
        pairs(SocialLearningParticipation.primaryCommunity(interactions), "community"),
        pairs(participants, "intensity"),
        pairs(SocialLearningParticipation.courseThenCommunity(
            resolved.get("learning_statements"), participants, config.asOf()), "blended"));
    if (segments.blended().isEmpty()) {
      manifest.warn("blended learning: no formal course completions in the learning records, so"
          + " course-then-community is not compared");
    }
    t.finish("participation", interactions.count(), participants.count());
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
    DidOptions options = new DidOptions(ControlGroup.parse(settings.control()),
        settings.bootstrapReplicates(), settings.seed(), 0.95)
        .withAnticipation(settings.anticipation());
    OutcomeWindow tickets = new OutcomeWindow(config.asOf(), settings.ticketHorizonDays());
    OutcomeWindow deals = new OutcomeWindow(config.asOf(), settings.salesHorizonDays());
    List<MetricEstimate> out = new ArrayList<>();
    for (MetricDefinition metric : MetricDefinition.all()) {
      // Per-person metrics (time to first deal) are not employee-month panels.
      if (!MetricCatalog.EMPLOYEE_MONTH.contains(metric.name())
          || !hasSource(metric.sourceTable())) {
        continue;
      }
      StageLog.Timer t = log.start();
      Dataset<Row> panelRows = MetricCatalog.employeeMonths(metric.name(),
              resolved.get("service_tickets"), resolved.get("opportunities"), tickets, deals)
          .persist(StorageLevel.MEMORY_AND_DISK());
      Row sum = panelRows.agg(org.apache.spark.sql.functions.sum(col("items"))).first();
      long itemCount = sum.isNullAt(0) ? 0 : sum.getLong(0);
      Panel panel = PanelAssembler.assemble(panelRows, participants);
      t.finish("outcomes " + metric.name(), itemCount, panelRows.count());
      t = log.start();
      MetricEstimate estimate = MetricEstimation.estimate(metric, "all", panel, options,
          settings.minGroupSize(), strataFor(panel));
      out.add(estimate);
      manifest.estimatorNotes(metric.name(), estimate.estimatorNotes());
      panelRows.unpersist();
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
    return withAdjustedPValues(out);
  }

  /** Knowledge flow in the communities: answers, speed, silo bridging, who the helpers are. */
  private void knowledgeFlow(Map<String, Dataset<Row>> resolved, Manifest manifest, Path dir) {
    StageLog.Timer t = log.start();
    PseudonymKey key = PseudonymKey.fromEnvironment();
    if (!key.stable()) {
      manifest.warn(PseudonymKey.ENV + " is not set: helper pseudonyms use a one-off key and will"
          + " not match those of other runs");
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

  /** Hours saved, revenue effect and ROI from the estimates and what participants handled. */
  private void value(Map<String, Dataset<Row>> resolved, Dataset<Row> participants,
      List<MetricEstimate> estimates, Path dir) {
    StageLog.Timer t = log.start();
    EstimationSettings settings = config.estimation();
    ValueInputs inputs = ParticipantVolumes.of(
        hasSource("service_tickets") ? resolved.get("service_tickets") : null,
        hasSource("opportunities") ? resolved.get("opportunities") : null, participants,
        new OutcomeWindow(config.asOf(), settings.ticketHorizonDays()),
        new OutcomeWindow(config.asOf(), settings.salesHorizonDays()));
    List<ValueRow> rows = ValueEstimates.compute(config.value(), estimates, inputs);
    ResultTables.write(spark, "value_estimates", ResultTables.valueRows(rows), dir);
    t.finish("value", estimates.size(), rows.size());
  }

  /** Benjamini-Hochberg across every estimate of the run: many metrics, some false alarms. */
  static List<MetricEstimate> withAdjustedPValues(List<MetricEstimate> estimates) {
    List<Integer> tested = new ArrayList<>();
    for (int i = 0; i < estimates.size(); i++) {
      if (!Double.isNaN(estimates.get(i).pValue())) {
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
      List<Intake> intakes, List<MetricEstimate> estimates, Instant started)
      throws java.io.IOException {
    StageLog.Timer t = log.start();
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
    long quarantined = intakes.stream().mapToLong(Intake::quarantined).sum();
    t.finish("publish", estimates.size(), quarantined);
    List<String> outputs = List.of("impact_estimates.csv", "impact_estimates/",
        "impact_event_study.csv", "impact_event_study/", "knowledge_flow_monthly.csv",
        "knowledge_flow_monthly/", "top_helpers.csv", "top_helpers/",
        "knowledge_concentration.csv", "knowledge_concentration/", "balance.csv", "balance/",
        "first_deal_comparison.csv", "first_deal_comparison/", "value_estimates.csv",
        "value_estimates/", "impact_calendar.csv", "impact_calendar/",
        "learning_mix_monthly.csv", "learning_mix_monthly/", "quarantine/quarantine.csv",
        "report/index.html", "report/impact-report.pdf", "manifest.json");
    manifest.put("min_group_size", config.estimation().minGroupSize());
    manifest.write(dir.resolve("manifest.json"), log.stages(), outputs);
    // The report reads what was just published, exactly as `bin/impact report` does later.
    StageLog.Timer r = log.start();
    ReportWriter.rewrite(dir);
    r.finish("report", estimates.size(), 2);
    staged.publish();
    Path out = staged.output();
    return new RunResult(out, out.resolve("report").resolve("index.html"),
        out.resolve("manifest.json"), estimates);
  }
}
