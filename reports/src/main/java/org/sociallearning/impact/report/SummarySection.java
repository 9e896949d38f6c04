package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Page one (publish step, results -> report): the primary outcomes in one table (effect, interval,
 * evidence grade, money a year) and three plain sentences drawn from the grades and the power
 * figures: what changed, how sure we are, what to do next. No caveat is repeated here: the grade
 * carries it, and one line says how many notes follow.
 */
final class SummarySection {

  /** Grades from most to least sure; the order page one's sentences list them in. */
  static final List<String> GRADES = List.of("strong", "moderate", "weak", "inconclusive");

  /** One line for the badges: what each grade means. */
  static final String LEGEND =
      "Evidence: strong = a clear effect that passed every check; moderate = a clear effect, one"
          + " check missing or not passed; weak = suggestive, not yet a finding; inconclusive ="
          + " the data cannot tell the direction; unreliable = the groups differed before"
          + " joining, no finding.";

  /** More than this many months of waiting is not "keep measuring" but "measure more people". */
  static final int MONTHS_WORTH_WAITING = 24;

  private SummarySection() {}

  static ReportPage.Summary of(ReportModel model, int notes) {
    List<ReportPage.SummaryRow> rows = new ArrayList<>();
    for (MetricResult m : model.primary()) {
      boolean reported = !m.isSuppressed(model.minGroupSize());
      rows.add(
          new ReportPage.SummaryRow(
              m.label(),
              HeadlineSentence.effectWords(m, model.minGroupSize()),
              HeadlineSentence.intervalWords(m, model.minGroupSize()),
              reported ? m.evidence() : "",
              reported && showsMoney(m) ? ValueWords.perYear(m.metric(), model.values()) : "",
              "outcome-" + OutcomeSections.anchor(model.metrics().indexOf(m), m)));
    }
    List<String> sentences = new ArrayList<>();
    if (!rows.isEmpty()) {
      sentences.add(whatChanged(model));
      sentences.add(howSure(model));
      sentences.add(whatNext(model));
    }
    return new ReportPage.Summary(rows, sentences, LEGEND, notes);
  }

  /** The findings among the primary outcomes, or that there is none yet. */
  static String whatChanged(ReportModel model) {
    List<MetricResult> findings =
        reported(model).stream().filter(SummarySection::isFinding).toList();
    if (findings.isEmpty()) {
      return "No primary outcome has changed measurably yet: the data cannot tell whether"
          + " joining a community made "
          + labels(reported(model))
          + " better or worse.";
    }
    List<String> clauses = findings.stream().map(HeadlineSentence::shortFinding).toList();
    String joined = String.join("; ", clauses);
    return Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + ".";
  }

  /** Each primary outcome's grade, grouped: "The evidence is moderate for X, ... for Y and Z." */
  static String howSure(ReportModel model) {
    Map<String, List<MetricResult>> byGrade = new LinkedHashMap<>();
    for (String g : List.of("strong", "moderate", "weak", "inconclusive", "unreliable")) {
      List<MetricResult> ms = reported(model).stream().filter(m -> g.equals(m.evidence())).toList();
      if (!ms.isEmpty()) {
        byGrade.put(g, ms);
      }
    }
    List<MetricResult> suppressed =
        model.primary().stream().filter(m -> m.isSuppressed(model.minGroupSize())).toList();
    List<String> parts = new ArrayList<>();
    byGrade.forEach((g, ms) -> parts.add(g + " for " + labels(ms)));
    String out =
        parts.isEmpty()
            ? "No primary outcome could be graded"
            : "The evidence is " + String.join("; ", parts);
    if (!suppressed.isEmpty()) {
      out += "; " + labels(suppressed) + " had too few people to report";
    }
    return out + ".";
  }

  /**
   * What to do next: check an unreliable outcome first; else keep measuring an outcome that cannot
   * tell yet, for as many months as its power figures say (at today's monthly participants); else
   * look at the segment with the clearest effect; else keep the nightly run going.
   */
  static String whatNext(ReportModel model) {
    Optional<MetricResult> unreliable =
        reported(model).stream().filter(MetricResult::isUnreliable).findFirst();
    if (unreliable.isPresent()) {
      return "Before acting on "
          + label(unreliable.get())
          + ", find out why participants were already moving apart from their colleagues"
          + " before they joined (see its section).";
    }
    for (MetricResult m : reported(model)) {
      if (!List.of("inconclusive", "weak").contains(m.evidence()) || !m.power().isKnown()) {
        continue;
      }
      long missing = m.power().participantMonthsNeeded() - m.power().participantMonths();
      if (missing <= 0) {
        continue;
      }
      long perMonth = participantsLastMonth(m);
      if (perMonth > 0) {
        long months = (missing + perMonth - 1) / perMonth;
        if (months <= MONTHS_WORTH_WAITING) {
          return String.format(
              ReaderNumbers.locale(),
              "Keep measuring for about %d more month%s: at today's pace that would show"
                  + " whether %s changes by the amount this run looks for.",
              months,
              months == 1 ? "" : "s",
              label(m));
        }
      }
      return String.format(
          ReaderNumbers.locale(),
          "To tell whether %s changes, widen the programme: about %,d participant-months in all"
              + " would show it, against %,d today, more than %d months away at today's pace.",
          label(m),
          m.power().participantMonthsNeeded(),
          m.power().participantMonths(),
          MONTHS_WORTH_WAITING);
    }
    Optional<SegmentResult> clearest = clearestSegment(model);
    if (clearest.isPresent()) {
      SegmentResult s = clearest.get();
      return "The "
          + s.value()
          + " "
          + s.dimension()
          + " shows the clearest effect on "
          + label(s.result())
          + ": look there first for what works.";
    }
    return "Keep the nightly run going: each month of data narrows the intervals.";
  }

  /** The segment of a primary outcome with the surest grade, then the largest effect. */
  static Optional<SegmentResult> clearestSegment(ReportModel model) {
    List<String> primary = model.primary().stream().map(MetricResult::metric).toList();
    return model.segments().stream()
        .filter(s -> primary.contains(s.result().metric()))
        .filter(s -> !s.result().isSuppressed(model.minGroupSize()))
        .filter(s -> List.of("strong", "moderate").contains(s.result().evidence()))
        .filter(s -> !s.value().isEmpty())
        .min(
            Comparator.comparingInt((SegmentResult s) -> GRADES.indexOf(s.result().evidence()))
                .thenComparing(
                    s -> -Math.abs(s.result().toDisplay(s.result().estimate())),
                    Comparator.naturalOrder()));
  }

  /**
   * A finding: graded strong, moderate or weak; without a grade (outputs written before grades), an
   * interval that excludes no effect.
   */
  static boolean isFinding(MetricResult m) {
    if (!m.evidence().isEmpty()) {
      return List.of("strong", "moderate", "weak").contains(m.evidence());
    }
    return Double.isFinite(m.ciLow())
        && Double.isFinite(m.ciHigh())
        && (m.ciLow() > 0 || m.ciHigh() < 0);
  }

  /** Money is a finding's: not shown for an estimate that cannot tell the direction. */
  private static boolean showsMoney(MetricResult m) {
    return m.evidence().isEmpty() || List.of("strong", "moderate", "weak").contains(m.evidence());
  }

  private static long participantsLastMonth(MetricResult m) {
    List<CalendarPoint> calendar = m.calendar();
    for (int i = calendar.size() - 1; i >= 0; i--) {
      if (calendar.get(i).nParticipants() > 0) {
        return calendar.get(i).nParticipants();
      }
    }
    return 0;
  }

  private static List<MetricResult> reported(ReportModel model) {
    return model.primary().stream().filter(m -> !m.isSuppressed(model.minGroupSize())).toList();
  }

  private static String label(MetricResult m) {
    return HeadlineSentence.midSentence(m.label());
  }

  private static String labels(List<MetricResult> ms) {
    return join(ms.stream().map(SummarySection::label).toList());
  }

  /** "a", "a and b", "a, b and c". */
  static String join(List<String> parts) {
    if (parts.size() <= 1) {
      return parts.isEmpty() ? "" : parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
