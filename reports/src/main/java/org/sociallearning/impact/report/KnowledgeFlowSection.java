package org.sociallearning.impact.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Section 5 of the report: how knowledge flows in the communities (questions asked and answered per
 * month, time to first answer, answers across departments), which communities help most and how
 * concentrated their helping is, and the mix of formal and social learning. Suppressed months and
 * communities are left out of totals and named as such.
 */
final class KnowledgeFlowSection {

  private KnowledgeFlowSection() {}

  static ReportPage.Knowledge of(ReportModel model, boolean pdf) {
    List<KnowledgeFlowMonth> shown =
        model.knowledgeFlow().stream().filter(k -> !k.suppressed()).toList();
    if (shown.isEmpty() && model.learningMix().isEmpty()) {
      return new ReportPage.Knowledge(
          List.of(),
          null,
          null,
          null,
          null,
          "No community questions or learning records with enough people to show.");
    }
    List<String> summary = new ArrayList<>(summary(shown));
    summary.addAll(LearningMixFigure.summary(model.learningMix()));
    long suppressed = model.knowledgeFlow().stream().filter(KnowledgeFlowMonth::suppressed).count();
    if (suppressed > 0) {
      summary.add(
          suppressed
              + " community-months with fewer than "
              + model.minGroupSize()
              + " people asking are left out of these figures.");
    }
    return new ReportPage.Knowledge(
        summary,
        questionsFigure(shown, pdf),
        departmentsFigure(model, pdf),
        LearningMixFigure.of(model.learningMix(), model.minGroupSize(), pdf),
        communities(shown, model.concentration(), model.minGroupSize()),
        "");
  }

  /**
   * The heatmap of questions answered between departments, with its numbers; null when no pair of
   * departments has enough people to show.
   */
  static ReportPage.Figure departmentsFigure(ReportModel model, boolean pdf) {
    List<DepartmentFlow> flows = model.departmentFlow();
    if (flows.stream().allMatch(DepartmentFlow::suppressed)) {
      return null;
    }
    List<List<String>> rows = new ArrayList<>();
    for (DepartmentFlow f : flows) {
      rows.add(
          List.of(
              f.from(),
              f.to(),
              f.suppressed()
                  ? "fewer than " + model.minGroupSize() + " people"
                  : ReaderNumbers.count(f.questionsAnswered())));
    }
    DepartmentFlow largest =
        flows.stream()
            .filter(f -> !f.suppressed() && !f.from().equals(f.to()))
            .max(java.util.Comparator.comparingLong(DepartmentFlow::questionsAnswered))
            .orElse(null);
    long within =
        flows.stream()
            .filter(f -> !f.suppressed() && f.from().equals(f.to()))
            .mapToLong(DepartmentFlow::questionsAnswered)
            .sum();
    long all =
        flows.stream()
            .filter(f -> !f.suppressed())
            .mapToLong(DepartmentFlow::questionsAnswered)
            .sum();
    String alt =
        "Heatmap of questions answered between "
            + DepartmentFlowChart.departments(flows).size()
            + " departments, answering department by row and asking department by column"
            + (largest == null
                ? ""
                : "; the largest flow across departments: "
                    + largest.from()
                    + " answered "
                    + ReaderNumbers.count(largest.questionsAnswered())
                    + " questions from "
                    + largest.to())
            + "; "
            + (all == 0 ? 0 : Math.round(100.0 * within / all))
            + "% of the questions shown were answered within the department that asked. The"
            + " table below lists the same values.";
    return new ReportPage.Figure(
        "knowledge-departments",
        "Questions answered between departments",
        DepartmentFlowChart.dataUri(flows, pdf),
        DepartmentFlowChart.WIDTH,
        DepartmentFlowChart.height(flows),
        alt,
        "A cell is the questions of one department (column) first answered by someone of another"
            + " (row); the diagonal is each department answering its own. Pairs with fewer than "
            + model.minGroupSize()
            + " helpers or askers are grey.",
        new ReportPage.DataTable(
            "Questions first answered, by answering and asking department",
            List.of("Answered by", "Asked by", "Questions answered"),
            rows,
            2,
            3),
        List.of(),
        List.of(),
        "");
  }

  private static List<String> summary(List<KnowledgeFlowMonth> shown) {
    long questions = shown.stream().mapToLong(KnowledgeFlowMonth::questions).sum();
    long answered = shown.stream().mapToLong(KnowledgeFlowMonth::answered).sum();
    if (questions == 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add(
        ReaderNumbers.count(questions)
            + " questions were asked in the communities; "
            + ReaderNumbers.percent((double) answered / questions)
            + " got an answer from a colleague.");
    double hours = weighted(shown, KnowledgeFlowMonth::medianHoursToFirstAnswer);
    double cross = weighted(shown, KnowledgeFlowMonth::crossDepartmentShare);
    if (Double.isFinite(hours)) {
      out.add(
          "Half the questions were answered within about "
              + ReaderNumbers.oneDecimal(hours)
              + " hours (a typical month's median).");
    }
    if (Double.isFinite(cross)) {
      out.add(
          ReaderNumbers.percent(cross)
              + " of answers came from another department:"
              + " knowledge crossing team boundaries.");
    }
    return out;
  }

  /** Mean of a monthly figure weighted by the month's questions, over months that have it. */
  private static double weighted(
      List<KnowledgeFlowMonth> months, java.util.function.ToDoubleFunction<KnowledgeFlowMonth> f) {
    double sum = 0;
    double weights = 0;
    for (KnowledgeFlowMonth k : months) {
      double v = f.applyAsDouble(k);
      if (Double.isFinite(v)) {
        sum += v * k.questions();
        weights += k.questions();
      }
    }
    return weights == 0 ? Double.NaN : sum / weights;
  }

  private static ReportPage.Figure questionsFigure(List<KnowledgeFlowMonth> shown, boolean pdf) {
    if (shown.isEmpty()) {
      return null;
    }
    Map<LocalDate, long[]> byMonth = new TreeMap<>();
    for (KnowledgeFlowMonth k : shown) {
      long[] t = byMonth.computeIfAbsent(k.month(), m -> new long[2]);
      t[0] += k.questions();
      t[1] += k.answered();
    }
    List<MonthlyBarsChart.Bar> bars = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<LocalDate, long[]> e : byMonth.entrySet()) {
      String month = e.getKey().toString().substring(0, 7);
      long questions = e.getValue()[0];
      long answered = e.getValue()[1];
      bars.add(new MonthlyBarsChart.Bar("Answered", month, answered));
      bars.add(new MonthlyBarsChart.Bar("Not answered", month, questions - answered));
      rows.add(
          List.of(
              month,
              ReaderNumbers.count(questions),
              ReaderNumbers.count(answered),
              ReaderNumbers.percent(questions == 0 ? Double.NaN : (double) answered / questions)));
    }
    return new ReportPage.Figure(
        "questions-by-month",
        "Questions asked and answered",
        MonthlyBarsChart.dataUri(
            "kf",
            "Questions asked in the communities per month",
            "Questions per month",
            bars,
            List.of(ChartStyle.GREEN, ChartStyle.ORANGE),
            true,
            pdf),
        MonthlyBarsChart.WIDTH,
        MonthlyBarsChart.HEIGHT,
        "Stacked bar chart of questions asked in the communities per month, split into"
            + " answered (green) and not answered (orange). The table below lists"
            + " the same values.",
        "Answered means a colleague other than the asker" + " replied before the data cut-off.",
        new ReportPage.DataTable(
            "Questions per month, all communities",
            List.of("Month", "Questions", "Answered", "Answered rate"),
            rows,
            1,
            4),
        List.of(),
        List.of(),
        "");
  }

  /** Communities by answers given (top helper communities first), with concentration. */
  private static ReportPage.DataTable communities(
      List<KnowledgeFlowMonth> shown,
      List<CommunityConcentration> concentration,
      int minGroupSize) {
    Map<String, List<KnowledgeFlowMonth>> byCommunity = new LinkedHashMap<>();
    for (KnowledgeFlowMonth k : shown) {
      byCommunity.computeIfAbsent(k.community(), c -> new ArrayList<>()).add(k);
    }
    List<CommunityConcentration> ranked = new ArrayList<>(concentration);
    ranked.sort(
        Comparator.comparing(CommunityConcentration::suppressed)
            .thenComparing(Comparator.comparingLong(CommunityConcentration::answers).reversed())
            .thenComparing(CommunityConcentration::community));
    List<List<String>> rows = new ArrayList<>();
    for (CommunityConcentration c : ranked) {
      List<KnowledgeFlowMonth> months = byCommunity.getOrDefault(c.community(), List.of());
      long questions = months.stream().mapToLong(KnowledgeFlowMonth::questions).sum();
      long answered = months.stream().mapToLong(KnowledgeFlowMonth::answered).sum();
      String rate =
          questions == 0
              ? ReaderNumbers.NOT_AVAILABLE
              : ReaderNumbers.percent((double) answered / questions);
      double hours = weighted(months, KnowledgeFlowMonth::medianHoursToFirstAnswer);
      if (c.suppressed()) {
        rows.add(
            List.of(
                c.community(),
                ReaderNumbers.count(questions),
                rate,
                ReaderNumbers.oneDecimal(hours),
                "fewer than " + minGroupSize + " helpers",
                "",
                ""));
      } else {
        rows.add(
            List.of(
                c.community(),
                ReaderNumbers.count(questions),
                rate,
                ReaderNumbers.oneDecimal(hours),
                ReaderNumbers.count(c.helpers()),
                ReaderNumbers.count(c.answers()),
                ReaderNumbers.percent(c.topShare())));
      }
    }
    return new ReportPage.DataTable(
        "Communities by answers given (top helper communities"
            + " first). Share by top 5%: answers given by the busiest 5% of helpers; a high"
            + " share means the community's knowledge sits with a few people.",
        List.of(
            "Community",
            "Questions",
            "Answered rate",
            "Median hours to first answer",
            "Helpers",
            "Answers",
            "Share by top 5%"),
        rows,
        1,
        7);
  }
}
