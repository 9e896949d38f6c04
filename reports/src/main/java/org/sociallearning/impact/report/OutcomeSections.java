package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcomes after page one: a section per primary outcome (its evidence grade and plain-words
 * sentence with the interval, the money it is worth where value settings are configured and the
 * estimate is not unreliable, its event-study chart and the notes that concern it alone), then the
 * secondary outcomes in one compact table. Participation counts are left out on purpose (see {@link
 * HeadlineSentence}).
 */
final class OutcomeSections {

  private OutcomeSections() {}

  static List<ReportPage.Outcome> primary(
      ReportModel model, List<ReportPage.Figure> eventStudies, List<OutcomeNotes.Line> common) {
    List<ReportPage.Outcome> out = new ArrayList<>();
    for (MetricResult m : model.primary()) {
      int index = model.metrics().indexOf(m);
      boolean reported = !m.isSuppressed(model.minGroupSize());
      String id = anchor(index, m);
      ReportPage.Figure chart =
          eventStudies.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
      out.add(
          new ReportPage.Outcome(
              "outcome-" + id,
              m.label(),
              reported ? m.evidence() : "",
              graded(m, HeadlineSentence.forMetric(m, model.minGroupSize())),
              money(model, m),
              reported && chart != null && chart.hasChart() ? chart : null,
              notes(withoutSaid(OutcomeNotes.own(model, m, common), m))));
    }
    return out;
  }

  /** The money sentence of an outcome; none for a suppressed or unreliable estimate. */
  static String money(ReportModel model, MetricResult m) {
    // Money on an unreliable estimate would state it as a finding after all.
    return !m.isSuppressed(model.minGroupSize()) && !m.isUnreliable()
        ? ValueWords.forMetric(m.metric(), model.values()).orElse("")
        : "";
  }

  /** The secondary outcomes, one row each: effect, interval and evidence grade. */
  static ReportPage.DataTable secondary(ReportModel model) {
    List<List<String>> rows = new ArrayList<>();
    for (MetricResult m : model.secondary()) {
      boolean reported = !m.isSuppressed(model.minGroupSize());
      rows.add(
          List.of(
              m.label(),
              HeadlineSentence.effectWords(m, model.minGroupSize()),
              HeadlineSentence.intervalWords(m, model.minGroupSize()),
              reported && !m.evidence().isEmpty() ? m.evidence() : "-"));
    }
    return new ReportPage.DataTable(
        "Other outcomes: participants against comparable colleagues (the effect by month of each"
            + " is in the appendix)",
        List.of("Outcome", "Effect", "95% CI", "Evidence"),
        rows,
        4,
        4);
  }

  /** The power note repeats what the graded sentence of an inconclusive estimate says. */
  static List<OutcomeNotes.Line> withoutSaid(List<OutcomeNotes.Line> lines, MetricResult m) {
    boolean powerSaid = !PowerWords.forMetric(m).isEmpty();
    return lines.stream().filter(l -> !(powerSaid && "underpowered".equals(l.key()))).toList();
  }

  static List<ReportPage.NoteText> notes(List<OutcomeNotes.Line> lines) {
    return lines.stream()
        .map(l -> new ReportPage.NoteText(l.plain(), l.technical(), l.severity(), l.scope()))
        .toList();
  }

  /** The sentence led by the estimate's evidence grade, e.g. "Evidence: moderate. ...". */
  static String graded(MetricResult m, String sentence) {
    String full = sentence;
    for (String more : List.of(TrendSensitivityWords.forMetric(m), PowerWords.forMetric(m))) {
      full = more.isEmpty() ? full : full + " " + more;
    }
    return m.evidence().isEmpty() ? full : "Evidence: " + m.evidence() + ". " + full;
  }

  /**
   * Fragment id of an outcome's event study, from its metric name reduced to safe characters and
   * numbered, so two metrics with odd or equal names still get distinct targets.
   */
  static String anchor(int index, MetricResult m) {
    String name = m.metric() == null ? "" : m.metric();
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return "effect-" + (index + 1) + (slug.isEmpty() ? "" : "-" + slug);
  }
}
