package org.sociallearning.impact.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Forest plot of one metric's effects by segment (department, community, intensity tier) for the
 * publish step (results -> report): one row per segment, the estimate as a point and its 95%
 * interval as a bar, the overall effect on top. Suppressed segments keep their row, labelled "fewer
 * than N people", so readers see that the segment exists but is too small to show.
 */
final class ForestPlot {

  static final int WIDTH = 720;
  private static final int ROW_HEIGHT = 26;
  private static final int CHROME = 150;

  /**
   * One row: its label and, unless suppressed, the estimate and interval in display units and its
   * evidence grade (empty when it has none).
   */
  record Row(
      String label, double estimate, double low, double high, boolean overall, String grade) {
    Row(String label, double estimate, double low, double high, boolean overall) {
      this(label, estimate, low, high, overall, "");
    }

    /** The label the chart shows: with the grade, so the plot reads like the table. */
    String chartLabel() {
      return grade.isEmpty() ? label : label + " [" + grade + "]";
    }

    boolean shown() {
      return Double.isFinite(estimate) && Double.isFinite(low) && Double.isFinite(high);
    }
  }

  private ForestPlot() {}

  static int height(int rows) {
    return CHROME + ROW_HEIGHT * Math.max(rows, 1);
  }

  static String dataUri(MetricResult m, List<Row> rows, boolean png) {
    return ChartImage.dataUri(chart(m, rows), WIDTH, height(rows.size()), "fp-" + m.metric(), png);
  }

  static String xAxisLabel(MetricResult m) {
    return EventStudyChart.yAxisLabel(m);
  }

  static JFreeChart chart(MetricResult m, List<Row> rows) {
    // Rows are drawn bottom-up, so the first row (overall) gets the highest index.
    String[] labels = new String[rows.size()];
    XYIntervalSeries overall = new XYIntervalSeries("All participants");
    XYIntervalSeries segments = new XYIntervalSeries("Segment");
    for (int i = 0; i < rows.size(); i++) {
      int position = rows.size() - 1 - i;
      Row r = rows.get(i);
      labels[position] = r.chartLabel();
      if (r.shown()) {
        (r.overall() ? overall : segments)
            .add(
                position,
                position,
                position,
                r.estimate(),
                Math.min(r.low(), r.high()),
                Math.max(r.low(), r.high()));
      }
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(overall);
    data.addSeries(segments);

    SymbolAxis y = new SymbolAxis(null, labels);
    y.setGridBandsVisible(false);
    ChartStyle.axis(y);
    NumberAxis x = new NumberAxis(xAxisLabel(m));
    java.util.List<Double> bounds = new java.util.ArrayList<>();
    rows.forEach(r -> bounds.addAll(java.util.List.of(r.low(), r.high(), r.estimate())));
    ChartStyle.coverWithZero(x, bounds);
    ChartStyle.axis(x);

    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setErrorStroke(new BasicStroke(2.0f));
    renderer.setCapLength(6);
    renderer.setDefaultLinesVisible(false);
    renderer.setSeriesPaint(0, Color.BLACK);
    renderer.setSeriesShape(0, diamond(6));
    renderer.setSeriesPaint(1, ChartStyle.BLUE);
    renderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
    renderer.setDefaultShapesFilled(true);
    renderer.setDefaultSeriesVisibleInLegend(false);

    XYPlot plot = new XYPlot(data, y, x, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    ChartStyle.xyPlot(plot);
    plot.addRangeMarker(
        new ValueMarker(0, ChartStyle.GREY, new BasicStroke(1.0f)), Layer.BACKGROUND);
    return ChartStyle.chart(
        m.label() + " by segment",
        "Points: estimates. Bars: 95% confidence intervals. Grey line: no effect.",
        plot,
        false);
  }

  private static Path2D diamond(double r) {
    Path2D p = new Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, 0);
    p.lineTo(0, r);
    p.lineTo(-r, 0);
    p.closePath();
    return p;
  }

  /** Rows for a metric: the overall effect first, then its segments in the given order. */
  static List<Row> rows(MetricResult overall, List<SegmentResult> segments, int minGroupSize) {
    List<Row> rows = new ArrayList<>();
    rows.add(row("All participants", overall, minGroupSize, true));
    for (SegmentResult s : segments) {
      rows.add(row(segmentLabel(s), s.result(), minGroupSize, false));
    }
    return rows;
  }

  static String segmentLabel(SegmentResult s) {
    String dimension =
        switch (s.dimension()) {
          case "department" -> "Department";
          case "community" -> "Community";
          case "intensity" -> "Intensity";
          case "blended" -> "Course, then community";
          default -> s.dimension();
        };
    return s.value().isEmpty() ? dimension : dimension + ": " + s.value();
  }

  private static Row row(String label, MetricResult r, int minGroupSize, boolean overall) {
    if (r.warnings().stream().anyMatch(w -> w.startsWith("not estimated"))) {
      return new Row(
          label + " (could not be estimated)", Double.NaN, Double.NaN, Double.NaN, overall);
    }
    if (r.isSuppressed(minGroupSize)) {
      return new Row(
          label + " (fewer than " + minGroupSize + " people)",
          Double.NaN,
          Double.NaN,
          Double.NaN,
          overall);
    }
    Row row =
        new Row(
            label,
            r.toDisplay(r.estimate()),
            r.toDisplay(r.ciLow()),
            r.toDisplay(r.ciHigh()),
            overall,
            r.evidence());
    return row.shown()
        ? row
        : new Row(label + " (could not be estimated)", Double.NaN, Double.NaN, Double.NaN, overall);
  }
}
