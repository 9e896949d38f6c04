package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's figures per outcome: effect by month relative to joining (with the placebo months),
 * the other outcomes' small multiples, and effects by segment (forest plot); the figures over
 * calendar time and runs are {@link TimeFigures}. Each figure carries its text alternative and a
 * table of the same numbers.
 */
final class OutcomeFigures {

  private OutcomeFigures() {}

  static List<ReportPage.Figure> eventStudies(ReportModel model, boolean pdf) {
    List<ReportPage.Figure> out = new ArrayList<>();
    for (int i = 0; i < model.metrics().size(); i++) {
      MetricResult m = model.metrics().get(i);
      String id = OutcomeSections.anchor(i, m);
      if (m.isSuppressed(model.minGroupSize())) {
        // Month-by-month numbers of a small group are exactly what suppression protects.
        out.add(empty(id, m.label(), HeadlineSentence.forMetric(m, model.minGroupSize())));
      } else if (m.eventStudy().isEmpty()) {
        out.add(
            empty(id, m.label(), "No month-by-month estimates are available for this outcome."));
      } else {
        out.add(
            new ReportPage.Figure(
                id,
                m.label(),
                EventStudyChart.dataUri(m, pdf),
                EventStudyChart.WIDTH,
                EventStudyChart.HEIGHT,
                eventStudyAlt(m),
                "Months before joining (orange, left of the dashed line) are placebo"
                    + " checks: they should hover around zero if both groups were on"
                    + " similar paths beforehand.",
                eventStudyTable(m),
                List.of(MethodWords.preTrendReading(m)),
                List.of(),
                ""));
      }
    }
    return out;
  }

  /**
   * The secondary outcomes' event studies as small multiples, one small chart each (the full
   * chart's numbers are in the appendix under the same id); suppressed or unestimated outcomes have
   * none.
   */
  static List<ReportPage.Figure> multiples(ReportModel model, boolean pdf) {
    List<ReportPage.Figure> out = new ArrayList<>();
    for (MetricResult m : model.secondary()) {
      if (m.isSuppressed(model.minGroupSize()) || m.eventStudy().isEmpty()) {
        continue;
      }
      out.add(
          new ReportPage.Figure(
              OutcomeSections.anchor(model.metrics().indexOf(m), m),
              m.label(),
              EventStudyChart.smallDataUri(m, pdf),
              EventStudyChart.SMALL_WIDTH,
              EventStudyChart.SMALL_HEIGHT,
              eventStudyAlt(m).replace("The table below lists", "The appendix lists"),
              m.label(),
              null,
              List.of(),
              List.of(),
              ""));
    }
    return out;
  }

  static String eventStudyAlt(MetricResult m) {
    int first = m.eventStudy().stream().mapToInt(EventTimePoint::eventTime).min().orElse(0);
    int last = m.eventStudy().stream().mapToInt(EventTimePoint::eventTime).max().orElse(0);
    return "Chart of the "
        + HeadlineSentence.midSentence(EventStudyChart.yAxisLabel(m))
        + " by month relative to joining, from month "
        + first
        + " to month "
        + last
        + ", shaded: "
        + EventStudyChart.bandWords(m)
        + ", placebo months before joining in orange, a"
        + " dashed line at joining and a line at zero. The table below lists the same"
        + " values.";
  }

  static ReportPage.DataTable eventStudyTable(MetricResult m) {
    String unit = m.displayUnit();
    boolean band = m.eventStudy().stream().anyMatch(p -> Double.isFinite(p.bandLow()));
    List<List<String>> rows = new ArrayList<>();
    for (EventTimePoint p : m.eventStudy()) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  String.valueOf(p.eventTime()),
                  p.eventTime() < 0 ? "before (placebo)" : "after",
                  ReaderNumbers.oneDecimal(m.toDisplay(p.estimate())),
                  interval(m.toDisplay(p.ciLow()), m.toDisplay(p.ciHigh()))));
      if (band) {
        row.add(interval(m.toDisplay(p.bandLow()), m.toDisplay(p.bandHigh())));
      }
      rows.add(row);
    }
    List<String> columns =
        new ArrayList<>(
            List.of(
                "Months relative to joining",
                "Period",
                "Effect (" + unit + ")",
                "Pointwise 95% CI (" + unit + ")"));
    if (band) {
      columns.add("Simultaneous 95% band (" + unit + ")");
    }
    return new ReportPage.DataTable(
        m.label() + ": effect by month relative to joining (negative months are before joining)",
        columns,
        rows,
        2,
        columns.size());
  }

  static List<ReportPage.Figure> forests(ReportModel model, boolean pdf) {
    List<ReportPage.Figure> out = new ArrayList<>();
    for (MetricResult m : model.metrics()) {
      List<SegmentResult> segments =
          model.segments().stream()
              .filter(s -> m.metric() != null && m.metric().equals(s.result().metric()))
              .toList();
      if (segments.isEmpty()) {
        continue;
      }
      List<ForestPlot.Row> rows = ForestPlot.rows(m, segments, model.minGroupSize());
      List<List<String>> tableRows = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        ForestPlot.Row r = rows.get(i);
        MetricResult result = i == 0 ? m : segments.get(i - 1).result();
        tableRows.add(
            List.of(
                r.label(),
                ReaderNumbers.oneDecimal(r.estimate()),
                interval(r.low(), r.high()),
                result.isSuppressed(model.minGroupSize()) || result.evidence().isEmpty()
                    ? "-"
                    : result.evidence(),
                String.join("; ", readingWarnings(result.warnings()))));
      }
      String unit = m.displayUnit();
      ReportPage.DataTable table =
          new ReportPage.DataTable(
              m.label()
                  + ": effect by segment (routine precision notes of segments are in"
                  + " impact_estimates.csv)",
              List.of(
                  "Segment",
                  "Effect (" + unit + ")",
                  "95% CI (" + unit + ")",
                  "Evidence",
                  "Warnings"),
              tableRows,
              1,
              3);
      out.add(
          new ReportPage.Figure(
              forestId(m),
              m.label(),
              ForestPlot.dataUri(m, rows, pdf),
              ForestPlot.WIDTH,
              ForestPlot.height(rows.size()),
              "Forest plot of the "
                  + HeadlineSentence.midSentence(ForestPlot.xAxisLabel(m))
                  + " overall and in "
                  + (rows.size() - 1)
                  + " segments (department, community, intensity), each"
                  + " with its 95% confidence interval and its evidence grade in brackets;"
                  + " segments too small to show are listed without a point. The table below"
                  + " lists the same values.",
              "Segments with fewer than "
                  + model.minGroupSize()
                  + " people are named but"
                  + " not shown. Intervals that cross the grey line include no effect.",
              table,
              List.of(),
              List.of(),
              ""));
    }
    return out;
  }

  static final int SHORT_WARNING = 160;

  /** Notes on precision every segment carries (small cohorts, cells left out). */
  private static final List<String> ROUTINE =
      List.of(
          "joining month(s) have fewer than",
          "could not be estimated for lack of people",
          "left out of the event study",
          "pre-trend test not available",
          "pre-trend test covers",
          "pre-trend test:");

  /**
   * The warnings that change how a segment's number reads (failed pre-trend test, a dip before
   * joining, few participants, suppressed); the routine precision notes would repeat on every row
   * and bury them.
   */
  static List<String> readingWarnings(List<String> warnings) {
    return warnings.stream()
        .filter(w -> ROUTINE.stream().noneMatch(w::contains))
        // one month-by-month cell the estimator skipped: precision, not a caveat
        .filter(w -> !w.startsWith("ATT("))
        .map(OutcomeFigures::shortened)
        .toList();
  }

  /** Long estimator notes (lists of cells) cut to their first words; the CSV has them whole. */
  static String shortened(String warning) {
    int cut = warning.indexOf(", ATT(");
    if (cut < 0 && warning.length() <= SHORT_WARNING) {
      return warning;
    }
    int end = cut >= 0 ? Math.min(cut, SHORT_WARNING) : SHORT_WARNING;
    return warning.substring(0, end).strip() + " ... (in full in impact_estimates.csv)";
  }

  static String interval(double a, double b) {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      return ReaderNumbers.NOT_AVAILABLE;
    }
    return ReaderNumbers.oneDecimal(Math.min(a, b))
        + " to "
        + ReaderNumbers.oneDecimal(Math.max(a, b));
  }

  /** The id of a metric's forest plot. */
  static String forestId(MetricResult m) {
    return "segments-" + slug(m);
  }

  static String slug(MetricResult m) {
    return (m.metric() == null ? "" : m.metric()).replaceAll("[^A-Za-z0-9_-]", "");
  }

  private static ReportPage.Figure empty(String id, String heading, String message) {
    return new ReportPage.Figure(
        id, heading, "", 0, 0, "", "", null, List.of(), List.of(), message);
  }
}
