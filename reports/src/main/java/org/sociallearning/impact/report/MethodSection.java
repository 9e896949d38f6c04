package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Section 8 of the report: what was compared with what and under which assumption, in plain words;
 * the pre-trend test of every outcome with a reading; every warning of the estimates; and a
 * glossary.
 */
final class MethodSection {

  private MethodSection() {}

  static ReportPage.Method of(ReportModel model) {
    List<String> paragraphs = new ArrayList<>();
    if (model.method() != null && !model.method().isBlank()) {
      paragraphs.add(model.method());
    }
    if (model.minGroupSize() > 0) {
      paragraphs.add(
          "To protect individuals and avoid reading noise as a result, outcomes,"
              + " segments and months where either group has fewer than "
              + model.minGroupSize()
              + " people are not reported. People appear in the"
              + " published tables only as pseudonyms, never by name.");
    }
    paragraphs.add(
        "These are averages for groups of people, not judgements of any"
            + " individual. Joining a community is a choice; the comparison removes stable"
            + " differences between people and shared trends over time, but not changes that"
            + " happened to participants at the moment they joined for another reason.");
    List<List<String>> preTrends = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (MetricResult m : model.metrics()) {
      if (!m.isSuppressed(model.minGroupSize())) {
        preTrends.add(
            List.of(
                m.label(),
                ReaderNumbers.pValue(m.preTrendPValue()),
                String.valueOf(m.preTrendTests()),
                MethodWords.preTrendReading(m)));
      }
      for (String w : m.warnings()) {
        warnings.add(m.label() + ": " + w);
      }
    }
    List<ReportPage.Term> glossary =
        MethodWords.GLOSSARY.stream().map(e -> new ReportPage.Term(e.term(), e.meaning())).toList();
    return new ReportPage.Method(
        paragraphs,
        new ReportPage.DataTable(
            "Pre-trend test per outcome: were the groups moving in parallel before joining?",
            List.of("Outcome", "p-value", "Placebo effects tested", "Reading"),
            preTrends,
            1,
            3),
        warnings,
        glossary);
  }
}
