package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which caveat goes where (publish step, results -> report): each outcome's notes on its overall
 * estimate, in plain words, and the notes that concern every reported outcome alike, which the
 * report states once under "Notes for all outcomes" instead of under each outcome. The published
 * {@code estimate_notes} table is the source; outputs without it fall back on each estimate's
 * warnings (then plain and technical words are the same).
 */
final class OutcomeNotes {

  /** A note as the report shows it; {@code key} is its code, or its words when it has none. */
  record Line(String key, String severity, String plain, String technical) {}

  private OutcomeNotes() {}

  /** Every note on the overall estimate of {@code m}, most severe first, one per key. */
  static List<Line> of(ReportModel model, MetricResult m) {
    Map<String, Line> out = new LinkedHashMap<>();
    if (model.notes().isEmpty()) {
      for (String w : m.warnings()) {
        out.putIfAbsent(w, new Line(w, "warning", capitalised(w), w));
      }
    } else {
      for (EstimateNote n : model.notes()) {
        if ("all".equals(n.segment()) && m.metric().equals(n.metric())) {
          out.putIfAbsent(
              n.code(), new Line(n.code(), n.severity(), n.plainText(), n.technicalText()));
        }
      }
    }
    return bySeverity(out.values());
  }

  /**
   * The notes every reported outcome carries with the same plain words, and the notes published for
   * every metric at once: said once for all.
   */
  static List<Line> common(ReportModel model) {
    List<MetricResult> reported =
        model.metrics().stream().filter(m -> !m.isSuppressed(model.minGroupSize())).toList();
    Map<String, Line> out = new LinkedHashMap<>();
    for (EstimateNote n : model.notes()) {
      if ("all".equals(n.segment()) && EstimateNote.EVERY_METRIC.equals(n.metric())) {
        out.putIfAbsent(
            n.code(), new Line(n.code(), n.severity(), n.plainText(), n.technicalText()));
      }
    }
    if (reported.size() < 2) {
      return bySeverity(out.values());
    }
    for (Line candidate : of(model, reported.get(0))) {
      boolean everywhere =
          reported.stream()
              .allMatch(
                  m ->
                      of(model, m).stream()
                          .anyMatch(
                              l ->
                                  l.key().equals(candidate.key())
                                      && Objects.equals(l.plain(), candidate.plain())));
      if (everywhere) {
        out.putIfAbsent(candidate.key(), candidate);
      }
    }
    return bySeverity(out.values());
  }

  /** The notes of {@code m} that are not among the notes for all outcomes. */
  static List<Line> own(ReportModel model, MetricResult m, List<Line> common) {
    List<String> shared = common.stream().map(Line::key).toList();
    return of(model, m).stream().filter(l -> !shared.contains(l.key())).toList();
  }

  private static List<Line> bySeverity(java.util.Collection<Line> lines) {
    List<Line> out = new ArrayList<>(lines);
    out.sort(Comparator.comparingInt(l -> rank(l.severity())));
    return out;
  }

  private static int rank(String severity) {
    return switch (severity == null ? "" : severity) {
      case "error" -> 0;
      case "warning" -> 1;
      default -> 2;
    };
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
