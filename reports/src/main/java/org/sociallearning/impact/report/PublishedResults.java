package org.sociallearning.impact.report;

import static org.sociallearning.impact.report.PublishedCsv.count;
import static org.sociallearning.impact.report.PublishedCsv.date;
import static org.sociallearning.impact.report.PublishedCsv.map;
import static org.sociallearning.impact.report.PublishedCsv.number;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.sociallearning.impact.schemas.MetricDefinition;
import org.sociallearning.impact.schemas.PublishedTableList;

/**
 * Reads a published output folder (the CSV tables and {@code manifest.json} a run wrote) into the
 * {@link ReportModel}: the single way a report gets its numbers, used by the nightly job right
 * after publishing and by {@code bin/impact report} to re-render without Spark. Reading what was
 * published, rather than the job's memory, guarantees that the report shows exactly the numbers in
 * the tables an analyst can open.
 */
public final class PublishedResults {

  static final String TITLE = "Social learning impact";

  /** The configuration's default, for manifests written before the key was recorded. */
  static final int DEFAULT_MIN_GROUP_SIZE = 5;

  private static final String OVERALL = "all";

  private final Path dir;
  private final PublishedCsv csv;
  private final PublishedKnowledge knowledge;

  private PublishedResults(Path dir) {
    this.dir = dir;
    this.csv = new PublishedCsv(dir);
    this.knowledge = new PublishedKnowledge(csv);
  }

  /**
   * The report model of the results in {@code outputDir}; fails with a message naming the folder
   * when it is not a published output (no {@code manifest.json} or estimates).
   */
  public static ReportModel read(Path outputDir) {
    PublishedResults r = new PublishedResults(outputDir);
    for (String required : List.of("manifest.json", "impact_estimates.csv")) {
      if (!Files.isRegularFile(outputDir.resolve(required))) {
        throw new IllegalArgumentException(
            outputDir.toAbsolutePath()
                + " is not a"
                + " published output folder: "
                + required
                + " is missing (run"
                + " `bin/impact run --config FILE` first, and pass its output folder)");
      }
    }
    return r.model();
  }

  private ReportModel model() {
    JsonNode manifest = manifest();
    int minGroupSize = manifest.path("min_group_size").asInt(DEFAULT_MIN_GROUP_SIZE);
    Map<String, List<EventTimePoint>> eventStudy = eventStudy();
    Map<String, List<CalendarPoint>> calendar = calendar();
    List<MetricResult> metrics = new ArrayList<>();
    List<SegmentResult> segments = new ArrayList<>();
    String method = null;
    for (CSVRecord row : csv.rows(PublishedTableList.csv("impact_estimates"))) {
      String metric = row.get("metric");
      String segment = row.get("segment");
      if (isVolumeDiagnostic(metric)) {
        // Not an outcome: its finding reaches the reader as a note on the per-item
        // outcomes of its source, which the job attaches to their rows.
        continue;
      }
      MetricResult result =
          metric(
              row,
              eventStudy.getOrDefault(metric, List.of()),
              calendar.getOrDefault(metric, List.of()),
              OVERALL.equals(segment));
      if (OVERALL.equals(segment)) {
        metrics.add(result);
        method = method == null ? row.get("method") : method;
      } else {
        segments.add(SegmentResult.of(segment, result));
      }
    }
    return new ReportModel(
        TITLE,
        date(manifest.path("as_of").asText(null)),
        generatedAt(manifest.path("run_id").asText("")),
        metrics,
        PublishedDataQuality.sources(manifest),
        strings(manifest.path("warnings")),
        MethodWords.method(method, MethodWords.participationRule(manifest.path("participation"))),
        minGroupSize,
        segments,
        values(),
        knowledge.flow(),
        knowledge.concentration(),
        knowledge.learningMix(),
        PublishedDataQuality.quarantineReasons(csv),
        notes(),
        strings(manifest.path("report").path("primary_metrics")),
        history(),
        knowledge.departmentFlow(),
        manifest.path("report").path("locale").asText("en"),
        balance(),
        HireSensitivity.read(csv));
  }

  /** Participants against the comparison group before joining, as published. */
  private List<BalanceRow> balance() {
    return map(
        csv.rows(PublishedTableList.csv("balance")),
        r ->
            new BalanceRow(
                r.get("metric"),
                r.get("variable"),
                number(r, "participants"),
                number(r, "comparison"),
                number(r, "smd")));
  }

  /** Every run's overall estimates, as published (absent in outputs written before them). */
  private List<HistoryPoint> history() {
    return map(
        csv.rows(PublishedTableList.csv("estimate_history")),
        r ->
            new HistoryPoint(
                r.get("run_id"),
                r.get("as_of"),
                r.get("metric"),
                number(r, "estimate"),
                number(r, "ci_low"),
                number(r, "ci_high"),
                number(r, "relative_effect"),
                number(r, "relative_ci_low"),
                number(r, "relative_ci_high"),
                r.get("evidence")));
  }

  /** The notes on the estimates, as published (absent in outputs written before them). */
  private List<EstimateNote> notes() {
    return map(
        csv.rows(PublishedTableList.csv("estimate_notes")),
        r ->
            new EstimateNote(
                r.get("metric"),
                r.get("segment"),
                r.get("code"),
                r.get("severity"),
                r.get("plain_text"),
                r.get("technical_text")));
  }

  private static boolean isVolumeDiagnostic(String metric) {
    return MetricDefinition.all().stream().anyMatch(m -> m.name().equals(metric) && m.isVolume());
  }

  private MetricResult metric(
      CSVRecord row, List<EventTimePoint> points, List<CalendarPoint> calendar, boolean overall) {
    String name = row.get("metric");
    MetricDefinition d =
        MetricDefinition.all().stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    String text = row.get("warnings");
    List<String> warnings = text.isBlank() ? List.of() : Arrays.asList(text.split("; "));
    return new MetricResult(
        name,
        d == null ? name : d.label(),
        d == null ? "" : d.unit(),
        d == null ? "level" : d.scale(),
        d == null ? "" : d.direction(),
        d == null ? "People" : d.subject(),
        d == null ? "did" : d.outcomePhrase(),
        number(row, "estimate"),
        number(row, "ci_low"),
        number(row, "ci_high"),
        number(row, "relative_effect"),
        number(row, "relative_ci_low"),
        number(row, "relative_ci_high"),
        (int) count(row, "n_treated"),
        (int) count(row, "n_comparison"),
        warnings,
        overall ? points : List.of(),
        warnings.stream().anyMatch(w -> w.startsWith("suppressed")),
        number(row, "pretrend_p_value"),
        (int) count(row, "pretrend_tests"),
        overall ? calendar : List.of(),
        row.isMapped("evidence") ? row.get("evidence") : "",
        number(row, "breakdown_mbar"),
        new DetectablePower(
            number(row, "mde"),
            count(row, "participant_months"),
            count(row, "participant_months_needed")));
  }

  private Map<String, List<EventTimePoint>> eventStudy() {
    return csv.grouped(
        PublishedTableList.csv("impact_event_study"),
        r -> r.get("metric"),
        r ->
            new EventTimePoint(
                Integer.parseInt(r.get("event_time")),
                number(r, "estimate"),
                number(r, "ci_low"),
                number(r, "ci_high"),
                number(r, "band_low"),
                number(r, "band_high")));
  }

  private Map<String, List<CalendarPoint>> calendar() {
    return csv.grouped(
        PublishedTableList.csv("impact_calendar"),
        r -> r.get("metric"),
        r ->
            new CalendarPoint(
                date(r.get("month")),
                number(r, "participants_mean"),
                number(r, "counterfactual_mean"),
                number(r, "comparison_mean"),
                count(r, "n_participants"),
                count(r, "n_comparison")));
  }

  private List<ValueItem> values() {
    return map(
        csv.rows(PublishedTableList.csv("value_estimates")),
        r ->
            new ValueItem(
                r.get("item"),
                number(r, "estimate"),
                number(r, "ci_low"),
                number(r, "ci_high"),
                r.get("unit"),
                r.get("method")));
  }

  private JsonNode manifest() {
    Path file = dir.resolve("manifest.json");
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The run id ({@code 20250701T021400Z}) as readers write a time; empty when unknown. */
  static String generatedAt(String runId) {
    return runStart(runId)
        .map(t -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC")
        .orElse("");
  }

  /** When a run started (UTC), read from its id ({@code 20250701T021400Z}); empty if not one. */
  static java.util.Optional<LocalDateTime> runStart(String runId) {
    try {
      return java.util.Optional.of(
          LocalDateTime.parse(runId, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
    } catch (DateTimeParseException | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }
}
