package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Section 6 of the report: hours saved, revenue effect and ROI per year with their intervals, as
 * sentences, a bar chart of the money and a table of every value row with how it was formed.
 */
final class ValueSection {

  /** What an unreliable outcome's value sentence says instead. */
  static final String NOT_VALUED = "not valued: no reliable estimate.";

  private ValueSection() {}

  static ReportPage.Value of(ReportModel model, boolean pdf) {
    if (model.values().isEmpty()) {
      return new ReportPage.Value(
          List.of(),
          null,
          null,
          "No value figures in this run:" + " the outcomes they build on were not estimated.");
    }
    List<String> sentences = metricSentences(model);
    sentences.addAll(ValueWords.roiSentences(model.values()));
    List<ValueItem> money = ValueChart.moneyRows(model.values());
    ReportPage.Figure chart =
        money.isEmpty()
            ? null
            : new ReportPage.Figure(
                "value-chart",
                "Value per year",
                ValueChart.dataUri(money, pdf),
                ValueChart.WIDTH,
                ValueChart.HEIGHT,
                "Horizontal bar chart of the yearly value in "
                    + ValueChart.currency(money)
                    + ": "
                    + describe(money)
                    + ". Whiskers show 95% intervals. The table below lists every value figure.",
                "The benefit pays for the programme when its whole interval lies right of the"
                    + " cost bar.",
                table(model.values()),
                List.of(),
                List.of(),
                "");
    return new ReportPage.Value(
        sentences,
        chart,
        chart == null ? table(model.values()) : null,
        money.isEmpty()
            ? "Money figures need value.loaded_hourly_cost, value.gross_margin"
                + " and value.program_cost in the configuration."
            : "");
  }

  /**
   * Each valued outcome's hours or money, except where its headline is unreliable: money on it
   * would state it as a finding after all.
   */
  static List<String> metricSentences(ReportModel model) {
    List<String> sentences = new ArrayList<>();
    for (MetricResult m : model.metrics()) {
      if (!m.isSuppressed(model.minGroupSize())) {
        ValueWords.forMetric(m.metric(), model.values())
            .map(s -> m.isUnreliable() ? NOT_VALUED : s)
            .ifPresent(s -> sentences.add(m.label() + ": " + s));
      }
    }
    return sentences;
  }

  private static String describe(List<ValueItem> money) {
    List<String> parts = new ArrayList<>();
    for (ValueItem v : money) {
      parts.add(
          HeadlineSentence.midSentence(ValueWords.itemLabel(v.item()))
              + " "
              + ReaderNumbers.inUnit(v.estimate(), v.unit()));
    }
    return String.join(", ", parts);
  }

  static ReportPage.DataTable table(List<ValueItem> values) {
    List<List<String>> rows = new ArrayList<>();
    for (ValueItem v : values) {
      rows.add(
          List.of(
              ValueWords.itemLabel(v.item()),
              ReaderNumbers.inUnit(v.estimate(), v.unit()),
              v.hasNumber()
                  ? ReaderNumbers.range(v.ciLow(), v.ciHigh(), v.unit())
                  : ReaderNumbers.NOT_AVAILABLE,
              v.method()));
    }
    return new ReportPage.DataTable(
        "Value figures per year (days: per deal)",
        List.of("Item", "Estimate", "95% CI", "How it was formed"),
        rows,
        1,
        3);
  }
}
