package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's figures over time, one per outcome: participants against the comparison group by
 * calendar month (observed against the estimated counterfactual), and how a primary outcome's
 * estimate has moved over the runs. Each figure carries its text alternative and a table of the
 * same numbers.
 */
final class TimeFigures {

  private TimeFigures() {}

  static List<ReportPage.Figure> calendar(ReportModel model, boolean pdf) {
    List<ReportPage.Figure> out = new ArrayList<>();
    for (MetricResult m : model.metrics()) {
      if (m.isSuppressed(model.minGroupSize()) || m.calendar().isEmpty()) {
        continue;
      }
      String unit = m.levelUnit();
      List<List<String>> rows = new ArrayList<>();
      for (CalendarPoint p : m.calendar()) {
        rows.add(
            List.of(
                p.month().toString().substring(0, 7),
                ReaderNumbers.oneDecimal(m.levelToDisplay(p.participants())),
                ReaderNumbers.oneDecimal(m.levelToDisplay(p.counterfactual())),
                ReaderNumbers.oneDecimal(m.levelToDisplay(p.comparison()))));
      }
      ReportPage.DataTable table =
          new ReportPage.DataTable(
              m.label()
                  + " by calendar month ("
                  + unit
                  + (m.isLogScale() ? ", geometric means" : "")
                  + "; n/a: too few people that month)",
              List.of(
                  "Month", "Participants (observed)",
                  "Participants without joining (estimated)", "Comparison group"),
              rows,
              1,
              4);
      out.add(
          new ReportPage.Figure(
              "calendar-" + OutcomeFigures.slug(m),
              m.label(),
              CalendarChart.dataUri(m, pdf),
              CalendarChart.WIDTH,
              CalendarChart.HEIGHT,
              "Line chart of "
                  + HeadlineSentence.midSentence(CalendarChart.yAxisLabel(m))
                  + " by calendar month for participants who had joined (blue), the same people"
                  + " without the estimated effect (dashed orange) and the comparison group"
                  + " (grey). The table below lists the same values.",
              "The estimated line is the observed one minus the effect estimated for that"
                  + " month; the comparison group shows the trend both groups share.",
              table,
              List.of(),
              List.of(),
              ""));
    }
    return out;
  }

  /**
   * How each primary outcome's estimate has moved over the runs, once two runs have estimated it;
   * each chart with its text alternative (the first and latest estimate) and its numbers.
   */
  static List<ReportPage.Figure> history(ReportModel model, boolean pdf) {
    List<ReportPage.Figure> out = new ArrayList<>();
    for (MetricResult m : model.primary()) {
      List<HistoryPoint> points =
          model.history().stream()
              .filter(p -> p.metric().equals(m.metric()) && Double.isFinite(p.estimate()))
              .toList();
      if (points.size() < 2 || m.isSuppressed(model.minGroupSize())) {
        continue;
      }
      String unit = m.displayUnit();
      List<List<String>> rows = new ArrayList<>();
      for (HistoryPoint p : points) {
        rows.add(
            List.of(
                EstimateHistoryChart.runLabel(p.runId()),
                p.asOf(),
                ReaderNumbers.oneDecimal(m.toDisplay(p.estimate())),
                OutcomeFigures.interval(m.toDisplay(p.ciLow()), m.toDisplay(p.ciHigh())),
                p.evidence() == null || p.evidence().isEmpty() ? "-" : p.evidence()));
      }
      HistoryPoint first = points.get(0);
      HistoryPoint last = points.get(points.size() - 1);
      out.add(
          new ReportPage.Figure(
              "history-" + OutcomeFigures.slug(m),
              m.label(),
              EstimateHistoryChart.dataUri(m, points, pdf),
              EstimateHistoryChart.WIDTH,
              EstimateHistoryChart.HEIGHT,
              "Chart of the "
                  + HeadlineSentence.midSentence(EstimateHistoryChart.axisLabel(m))
                  + " in each of "
                  + points.size()
                  + " runs, from "
                  + ReaderNumbers.oneDecimal(m.toDisplay(first.estimate()))
                  + " in the run of "
                  + EstimateHistoryChart.runLabel(first.runId())
                  + " to "
                  + ReaderNumbers.oneDecimal(m.toDisplay(last.estimate()))
                  + " in the latest, each with its 95% interval as a bar. The table below lists"
                  + " the same values.",
              "Each run estimates from all the data up to its as-of date; the interval narrows"
                  + " as months accumulate.",
              new ReportPage.DataTable(
                  m.label() + ": the overall estimate in each run (" + unit + ")",
                  List.of("Run (UTC)", "Data up to", "Effect", "95% CI", "Evidence"),
                  rows,
                  2,
                  4),
              List.of(),
              List.of(),
              ""));
    }
    return out;
  }
}
