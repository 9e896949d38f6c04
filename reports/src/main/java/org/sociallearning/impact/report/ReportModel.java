package org.sociallearning.impact.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the publish step (results -> report) needs for one report. Filled from the published
 * tables and manifest by {@link PublishedResults}, so the nightly job and {@code bin/impact report}
 * render from the very same numbers; this module deliberately knows nothing about Spark so the
 * report can be built and tested from plain values.
 *
 * @param title report title shown at the top of the page
 * @param asOf the last day of data the estimates use
 * @param generatedAt when the run produced the results, already formatted for readers
 * @param metrics one overall result per outcome, in the order they should appear
 * @param sources per-source ingestion counts for the "Data quality" table
 * @param runWarnings warnings about the run as a whole (not tied to one metric)
 * @param method a plain-words paragraph describing the method
 * @param minGroupSize smallest group (treated or comparison) we are willing to report on
 * @param segments per-segment results of the metrics (forest plots)
 * @param values hours, money and ROI rows
 * @param knowledgeFlow per community and month: questions, answers, time to first answer
 * @param concentration per community: helpers and how concentrated answering is
 * @param learningMix formal vs social learning by month
 * @param quarantineReasons rows set aside per source and rule
 * @param notes the published notes on the estimates ({@code estimate_notes}); when empty, each
 *     metric's {@code warnings} stand in for its notes
 * @param primaryMetrics the outcomes page one leads with ({@code report.primary_metrics}), in order
 * @param history every run's overall estimate per metric, oldest first ({@code estimate_history})
 * @param departmentFlow questions answered between departments ({@code knowledge_flow_departments})
 * @param locale the language numbers are written for ({@code report.locale}: en, de or fr)
 * @param balance participants against the comparison group before joining ({@code balance})
 * @param hireSensitivity primary outcomes' estimates with the other setting of {@code
 *     estimation.exclude_months_after_hire}, where new hires are many
 */
public record ReportModel(
    String title,
    LocalDate asOf,
    String generatedAt,
    List<MetricResult> metrics,
    List<SourceSummary> sources,
    List<String> runWarnings,
    String method,
    int minGroupSize,
    List<SegmentResult> segments,
    List<ValueItem> values,
    List<KnowledgeFlowMonth> knowledgeFlow,
    List<CommunityConcentration> concentration,
    List<LearningMixMonth> learningMix,
    List<QuarantineReason> quarantineReasons,
    List<EstimateNote> notes,
    List<String> primaryMetrics,
    List<HistoryPoint> history,
    List<DepartmentFlow> departmentFlow,
    String locale,
    List<BalanceRow> balance,
    List<HireSensitivity> hireSensitivity) {

  public ReportModel {
    // Copies so a model handed to the renderer cannot change under it; null lists are
    // treated as "nothing to show" rather than failing the whole report.
    metrics = copy(metrics);
    sources = copy(sources);
    runWarnings = copy(runWarnings);
    segments = copy(segments);
    values = copy(values);
    knowledgeFlow = copy(knowledgeFlow);
    concentration = copy(concentration);
    learningMix = copy(learningMix);
    quarantineReasons = copy(quarantineReasons);
    notes = copy(notes);
    history = copy(history);
    departmentFlow = copy(departmentFlow);
    locale = locale == null || locale.isBlank() ? "en" : locale;
    balance = copy(balance);
    hireSensitivity = copy(hireSensitivity);
    primaryMetrics =
        primaryMetrics == null || primaryMetrics.isEmpty()
            ? org.sociallearning.impact.schemas.MetricDefinition.DEFAULT_PRIMARY
            : List.copyOf(primaryMetrics);
  }

  /** A model without published notes, leading with the default primary outcomes. */
  public ReportModel(
      String title,
      LocalDate asOf,
      String generatedAt,
      List<MetricResult> metrics,
      List<SourceSummary> sources,
      List<String> runWarnings,
      String method,
      int minGroupSize,
      List<SegmentResult> segments,
      List<ValueItem> values,
      List<KnowledgeFlowMonth> knowledgeFlow,
      List<CommunityConcentration> concentration,
      List<LearningMixMonth> learningMix,
      List<QuarantineReason> quarantineReasons) {
    this(
        title,
        asOf,
        generatedAt,
        metrics,
        sources,
        runWarnings,
        method,
        minGroupSize,
        segments,
        values,
        knowledgeFlow,
        concentration,
        learningMix,
        quarantineReasons,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * The same results with other notes, primary outcomes, history, department flow, locale and
   * balance: what a run adds beyond the estimates.
   */
  public ReportModel with(
      List<EstimateNote> notes,
      List<String> primaryMetrics,
      List<HistoryPoint> history,
      List<DepartmentFlow> departmentFlow,
      String locale,
      List<BalanceRow> balance) {
    return new ReportModel(
        title,
        asOf,
        generatedAt,
        metrics,
        sources,
        runWarnings,
        method,
        minGroupSize,
        segments,
        values,
        knowledgeFlow,
        concentration,
        learningMix,
        quarantineReasons,
        notes,
        primaryMetrics,
        history,
        departmentFlow,
        locale,
        balance,
        hireSensitivity);
  }

  /**
   * The primary outcomes of this run, in the configured order: those configured that were
   * estimated, else (none of them estimated) the first three outcomes.
   */
  public List<MetricResult> primary() {
    List<MetricResult> out = new java.util.ArrayList<>();
    for (String name : primaryMetrics) {
      metrics.stream().filter(m -> name.equals(m.metric())).findFirst().ifPresent(out::add);
    }
    return out.isEmpty() ? metrics.subList(0, Math.min(3, metrics.size())) : out;
  }

  /** The outcomes that are not primary, in their published order. */
  public List<MetricResult> secondary() {
    List<MetricResult> primary = primary();
    return metrics.stream().filter(m -> !primary.contains(m)).toList();
  }

  /** A model with headline, event studies, data quality and method only. */
  public ReportModel(
      String title,
      LocalDate asOf,
      String generatedAt,
      List<MetricResult> metrics,
      List<SourceSummary> sources,
      List<String> runWarnings,
      String method,
      int minGroupSize) {
    this(
        title,
        asOf,
        generatedAt,
        metrics,
        sources,
        runWarnings,
        method,
        minGroupSize,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
