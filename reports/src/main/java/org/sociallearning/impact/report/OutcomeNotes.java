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

  /**
   * A note as the report shows it; {@code key} is its code, or its words when it has none; {@code
   * scope} names the outcomes a shared note concerns, empty when it concerns every outcome.
   */
  record Line(String key, String severity, String plain, String technical, String scope) {
    Line(String key, String severity, String plain, String technical) {
      this(key, severity, plain, technical, "");
    }

    Line scoped(String outcomes) {
      return new Line(key, severity, plain, technical, outcomes);
    }

    boolean sameAs(Line other) {
      return key.equals(other.key) && Objects.equals(plain, other.plain);
    }
  }

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
   * The notes said once instead of under each outcome: those published for every metric at once,
   * those every reported outcome carries with the same plain words, and those two or more primary
   * outcomes carry (scoped to them).
   */
  static List<Line> common(ReportModel model) {
    List<MetricResult> reported =
        model.metrics().stream().filter(m -> !m.isSuppressed(model.minGroupSize())).toList();
    List<MetricResult> primary = model.primary().stream().filter(reported::contains).toList();
    Map<String, Line> out = new LinkedHashMap<>();
    for (EstimateNote n : model.notes()) {
      if ("all".equals(n.segment()) && EstimateNote.EVERY_METRIC.equals(n.metric())) {
        out.putIfAbsent(
            n.code(), new Line(n.code(), n.severity(), n.plainText(), n.technicalText()));
      }
    }
    Map<String, Line> lines = new LinkedHashMap<>();
    Map<String, List<MetricResult>> carriers = new LinkedHashMap<>();
    for (MetricResult m : reported) {
      for (Line l : of(model, m)) {
        String id = l.key() + "\n" + l.plain();
        lines.putIfAbsent(id, l);
        carriers.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
      }
    }
    carriers.forEach(
        (id, who) -> {
          Line l = lines.get(id);
          List<MetricResult> primaryCarriers = who.stream().filter(primary::contains).toList();
          if (reported.size() >= 2 && who.size() == reported.size()) {
            out.putIfAbsent(id, l);
          } else if (primaryCarriers.size() >= 2) {
            out.putIfAbsent(
                id,
                l.scoped(
                    SummarySection.join(
                        primaryCarriers.stream().map(MetricResult::label).toList())));
          }
        });
    return bySeverity(out.values());
  }

  /** The notes of {@code m} that are not said once for several outcomes. */
  static List<Line> own(ReportModel model, MetricResult m, List<Line> common) {
    return of(model, m).stream().filter(l -> common.stream().noneMatch(l::sameAs)).toList();
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
