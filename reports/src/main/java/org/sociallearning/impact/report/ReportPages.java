package org.sociallearning.impact.report;

import java.util.List;

/**
 * Assembles the {@link ReportPage} from a {@link ReportModel} (publish step, results -> report), in
 * reading order: page one (the primary outcomes, three sentences), a section per primary outcome,
 * the other outcomes in one table, who it works for, value, knowledge flow and the notes, then the
 * appendix with the data tables, the remaining charts, data quality and method. Charts are drawn as
 * SVG for the page or PNG for the PDF.
 */
final class ReportPages {

  static final String DEFAULT_TITLE = "Social learning impact";

  private ReportPages() {}

  /** The page, every number written for the model's locale. */
  static ReportPage of(ReportModel model, boolean pdf) {
    return ReaderNumbers.in(model.locale(), () -> build(model, pdf));
  }

  private static ReportPage build(ReportModel model, boolean pdf) {
    String title = model.title() == null || model.title().isBlank() ? DEFAULT_TITLE : model.title();
    List<ReportPage.Figure> eventStudies = OutcomeFigures.eventStudies(model, pdf);
    List<OutcomeNotes.Line> common = OutcomeNotes.common(model);
    List<ReportPage.Outcome> primary = OutcomeSections.primary(model, eventStudies, common);
    int notes =
        common.size()
            + model.runWarnings().size()
            + primary.stream().mapToInt(o -> o.notes().size()).sum();
    List<String> primaryForests =
        model.primary().stream().map(m -> OutcomeFigures.forestId(m)).toList();
    List<ReportPage.Figure> forests = OutcomeFigures.forests(model, pdf);
    ReportPage.DataTable whoJoined = WhoJoinedSection.of(model);
    return new ReportPage(
        title,
        firstMonth(model),
        model.asOf() == null ? "" : model.asOf().toString(),
        model.generatedAt() == null ? "" : model.generatedAt(),
        pdf,
        SummarySection.of(model, notes),
        primary,
        OutcomeSections.secondary(model),
        OutcomeFigures.multiples(model, pdf),
        TimeFigures.history(model, pdf),
        forests.stream().filter(f -> primaryForests.contains(f.id())).toList(),
        ValueWords.roiSentences(model.values()),
        ValueSection.of(model, pdf),
        KnowledgeFlowSection.of(model, pdf),
        OutcomeSections.notes(common),
        whoJoined,
        WhoJoinedSection.summary(model, whoJoined),
        model.runWarnings(),
        withSentences(model, eventStudies),
        TimeFigures.calendar(model, pdf),
        forests.stream().filter(f -> !primaryForests.contains(f.id())).toList(),
        DataQualitySection.of(model),
        MethodSection.of(model));
  }

  /** The earliest calendar month of any outcome's comparison, as "March 2025"; empty if none. */
  static String firstMonth(ReportModel model) {
    return model.metrics().stream()
        .flatMap(m -> m.calendar().stream())
        .map(CalendarPoint::month)
        .filter(java.util.Objects::nonNull)
        .min(java.util.Comparator.naturalOrder())
        .map(
            d ->
                d.format(
                    java.time.format.DateTimeFormatter.ofPattern(
                        "MMMM yyyy", java.util.Locale.ENGLISH)))
        .orElse("");
  }

  /**
   * The event studies for the appendix: a secondary outcome's chart is led by its graded sentence,
   * which has no section of its own; a primary outcome's chart is the very one its section shows.
   */
  static List<ReportPage.Figure> withSentences(
      ReportModel model, List<ReportPage.Figure> eventStudies) {
    java.util.Map<String, MetricResult> byAnchor = new java.util.HashMap<>();
    for (int i = 0; i < model.metrics().size(); i++) {
      byAnchor.put(OutcomeSections.anchor(i, model.metrics().get(i)), model.metrics().get(i));
    }
    List<ReportPage.Figure> out = new java.util.ArrayList<>();
    for (ReportPage.Figure f : eventStudies) {
      MetricResult m = byAnchor.get(f.id());
      if (m == null || model.primary().contains(m) || !f.hasChart()) {
        out.add(f);
        continue;
      }
      List<String> notes = new java.util.ArrayList<>();
      notes.add(OutcomeSections.graded(m, HeadlineSentence.forMetric(m, model.minGroupSize())));
      notes.addAll(f.notes());
      out.add(
          new ReportPage.Figure(
              f.id(),
              f.heading(),
              f.src(),
              f.width(),
              f.height(),
              f.alt(),
              f.caption(),
              f.table(),
              notes,
              f.warnings(),
              f.emptyMessage()));
    }
    return out;
  }
}
