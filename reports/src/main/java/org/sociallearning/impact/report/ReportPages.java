package org.sociallearning.impact.report;

/**
 * Assembles the {@link ReportPage} from a {@link ReportModel} (publish step, results -> report):
 * the eight sections in reading order, charts drawn as SVG for the page or PNG for the PDF.
 */
final class ReportPages {

  static final String DEFAULT_TITLE = "Social learning impact";

  private ReportPages() {}

  static ReportPage of(ReportModel model, boolean pdf) {
    String title = model.title() == null || model.title().isBlank() ? DEFAULT_TITLE : model.title();
    return new ReportPage(
        title,
        model.asOf() == null ? "" : model.asOf().toString(),
        model.generatedAt() == null ? "" : model.generatedAt(),
        pdf,
        model.runWarnings(),
        HeadlineSection.of(model),
        ValueWords.roiSentences(model.values()),
        OutcomeFigures.eventStudies(model, pdf),
        OutcomeFigures.calendar(model, pdf),
        OutcomeFigures.forests(model, pdf),
        KnowledgeFlowSection.of(model, pdf),
        ValueSection.of(model, pdf),
        DataQualitySection.of(model),
        MethodSection.of(model));
  }
}
