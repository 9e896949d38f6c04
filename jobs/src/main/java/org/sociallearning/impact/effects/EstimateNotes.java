package org.sociallearning.impact.effects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Estimation step: the {@code estimate_notes} rows of a run. Every warning of an estimate becomes a
 * coded note (its plain sentence from the code, the warning itself as technical text); an
 * inconclusive estimate gets a note on its power; a note that the overall estimate of every metric
 * carries is one row with metric {@code *} and segment {@code all} instead of one per metric, and
 * run-wide facts (breakdown values not computed) are such rows from the start.
 */
public final class EstimateNotes {

  private EstimateNotes() {}

  public static List<EstimateNote> of(List<GradedEstimate> estimates, double targetRelative) {
    List<EstimateNote> notes = new ArrayList<>();
    for (GradedEstimate g : estimates) {
      MetricEstimate e = g.estimate();
      for (String warning : e.warnings()) {
        notes.add(EstimateNote.of(e.metric().name(), e.segment(), NoteCode.of(warning), warning));
      }
      if (g.grade() == EvidenceGrade.INCONCLUSIVE && Double.isFinite(g.power().mde())) {
        notes.add(power(e, g.power(), targetRelative));
      }
    }
    List<EstimateNote> out = collapsed(notes, overallMetrics(estimates));
    boolean graded = estimates.stream().anyMatch(g -> g.grade() != null);
    if (graded && estimates.stream().noneMatch(GradedEstimate::breakdownKnown)) {
      out.add(
          0,
          EstimateNote.of(
              EstimateNote.EVERY_METRIC,
              "all",
              NoteCode.BREAKDOWN_UNKNOWN,
              "breakdown_mbar not computed: evidence is at most moderate"));
    }
    return out;
  }

  /** The power note of an inconclusive estimate. */
  static EstimateNote power(MetricEstimate e, DetectableEffect p, double targetRelative) {
    String need =
        p.participantMonthsNeeded() < 0
            ? ""
            : String.format(
                Locale.ROOT,
                "; about %,d participant-months in all (%,d more) would detect %s",
                p.participantMonthsNeeded(),
                p.participantMonthsMore(),
                percent(targetRelative));
    String plain =
        String.format(
            Locale.ROOT,
            "With today's %,d participant-months only an effect of about %s or more would be"
                + " detected reliably%s.",
            p.participantMonths(),
            Double.isFinite(p.mdeRelative()) ? percent(p.mdeRelative()) : "this size",
            need);
    String technical =
        String.format(
            Locale.ROOT,
            "mde = (z_0.975 + z_0.8) * se = %.4g on the modelled scale (relative %.4g),"
                + " participant_months = %d, participant_months_needed = %d for a relative"
                + " effect of %.4g, assuming se falls with sqrt(participant-months)",
            p.mde(),
            p.mdeRelative(),
            p.participantMonths(),
            p.participantMonthsNeeded(),
            targetRelative);
    return EstimateNote.of(e.metric().name(), e.segment(), NoteCode.UNDERPOWERED, plain, technical);
  }

  private static String percent(double relative) {
    return String.format(
        Locale.ROOT, "%.0f%% %s", Math.abs(relative) * 100, relative < 0 ? "less" : "more");
  }

  private static Set<String> overallMetrics(List<GradedEstimate> estimates) {
    Set<String> metrics = new LinkedHashSet<>();
    for (GradedEstimate g : estimates) {
      if ("all".equals(g.estimate().segment())) {
        metrics.add(g.estimate().metric().name());
      }
    }
    return metrics;
  }

  /**
   * Notes whose key is on the overall row of every one of {@code metrics} (two or more) become one
   * {@code *} / {@code all} row where the first copy stood; every copy of them goes.
   */
  static List<EstimateNote> collapsed(List<EstimateNote> notes, Set<String> metrics) {
    Map<EstimateNote.Key, Set<String>> onOverall = new LinkedHashMap<>();
    for (EstimateNote n : notes) {
      if ("all".equals(n.segment())) {
        onOverall.computeIfAbsent(n.key(), k -> new LinkedHashSet<>()).add(n.metric());
      }
    }
    Set<EstimateNote.Key> everyMetric = new LinkedHashSet<>();
    for (Map.Entry<EstimateNote.Key, Set<String>> entry : onOverall.entrySet()) {
      if (metrics.size() > 1 && entry.getValue().containsAll(metrics)) {
        everyMetric.add(entry.getKey());
      }
    }
    List<EstimateNote> out = new ArrayList<>();
    Set<EstimateNote.Key> written = new LinkedHashSet<>();
    for (EstimateNote n : notes) {
      EstimateNote.Key key = n.key();
      if (!everyMetric.contains(key)) {
        out.add(n);
      } else if (written.add(key)) {
        out.add(
            new EstimateNote(
                EstimateNote.EVERY_METRIC,
                "all",
                key.code(),
                key.severity(),
                key.plainText(),
                key.technicalText()));
      }
    }
    return out;
  }
}
