package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Section 1 of the report: per outcome, its evidence grade and one plain-words sentence with its
 * interval, the money it is worth where value settings are configured (not for an unreliable
 * estimate), and its warnings right under it. Participation counts are left out on purpose (see
 * {@link HeadlineSentence}).
 */
final class HeadlineSection {

  private HeadlineSection() {}

  static List<ReportPage.Headline> of(ReportModel model) {
    List<ReportPage.Headline> out = new ArrayList<>();
    for (int i = 0; i < model.metrics().size(); i++) {
      MetricResult m = model.metrics().get(i);
      boolean reported = !m.isSuppressed(model.minGroupSize());
      // Money on an unreliable estimate would state it as a finding after all.
      String value =
          reported && !m.isUnreliable()
              ? ValueWords.forMetric(m.metric(), model.values()).orElse("")
              : "";
      out.add(
          new ReportPage.Headline(
              m.label(),
              graded(m, HeadlineSentence.forMetric(m, model.minGroupSize())),
              value,
              m.warnings(),
              reported && !m.eventStudy().isEmpty() ? anchor(i, m) : ""));
    }
    return out;
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
