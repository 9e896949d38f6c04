package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's formal against social learning: a sentence on the mix and its monthly chart with the
 * same numbers as a table (part of the knowledge-flow section).
 */
final class LearningMixFigure {

  private LearningMixFigure() {}

  static List<String> summary(List<LearningMixMonth> mix) {
    long formal =
        mix.stream()
            .filter(m -> !m.suppressed())
            .mapToLong(LearningMixMonth::formalActivities)
            .sum();
    long social =
        mix.stream()
            .filter(m -> !m.suppressed())
            .mapToLong(LearningMixMonth::socialActivities)
            .sum();
    if (formal + social == 0) {
      return List.of();
    }
    return List.of(
        "Of all recorded learning activities, "
            + ReaderNumbers.percent((double) social / (formal + social))
            + " were social (community posts and replies, social learning records) and "
            + ReaderNumbers.percent((double) formal / (formal + social))
            + " formal (courses and e-learning).");
  }

  static ReportPage.Figure of(List<LearningMixMonth> mix, int minGroupSize, boolean pdf) {
    if (mix.isEmpty()) {
      return null;
    }
    List<MonthlyBarsChart.Bar> bars = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (LearningMixMonth m : mix) {
      String month = m.month().toString().substring(0, 7);
      if (m.suppressed()) {
        rows.add(List.of(month, "fewer than " + minGroupSize + " people", "", "", ""));
        continue;
      }
      bars.add(new MonthlyBarsChart.Bar("Formal (courses)", month, m.formalActivities()));
      bars.add(new MonthlyBarsChart.Bar("Social (communities)", month, m.socialActivities()));
      rows.add(
          List.of(
              month,
              ReaderNumbers.count(m.formalActivities()),
              ReaderNumbers.count(m.socialActivities()),
              ReaderNumbers.count(m.formalLearners()),
              ReaderNumbers.count(m.socialLearners())));
    }
    return new ReportPage.Figure(
        "learning-mix",
        "Formal and social learning",
        MonthlyBarsChart.dataUri(
            "mix",
            "Formal and social learning activities per month",
            "Activities per month",
            bars,
            List.of(ChartStyle.PURPLE, ChartStyle.BLUE),
            false,
            pdf),
        MonthlyBarsChart.WIDTH,
        MonthlyBarsChart.HEIGHT,
        "Bar chart of formal learning activities (purple) and social learning activities"
            + " (blue) per month. The table below lists the same values.",
        "Formal: course and e-learning records. Social: community messages and social"
            + " learning records (posted, replied, shared...).",
        new ReportPage.DataTable(
            "Learning activities and learners per month",
            List.of(
                "Month",
                "Formal activities",
                "Social activities",
                "Formal learners",
                "Social learners"),
            rows,
            1,
            5),
        List.of(),
        List.of(),
        "");
  }
}
