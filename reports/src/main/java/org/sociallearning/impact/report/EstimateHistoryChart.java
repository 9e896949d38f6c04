package org.sociallearning.impact.report;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws how one headline estimate has moved over the runs (publish step, results -> report): each
 * run's estimate with its 95% interval, in the reader's units, runs in order along the x axis and
 * labelled by when they ran. A narrowing interval is the data accumulating; a jump is worth a look.
 */
final class EstimateHistoryChart {

  static final int WIDTH = 720;
  static final int HEIGHT = 300;

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

  private EstimateHistoryChart() {}

  static String dataUri(MetricResult m, List<HistoryPoint> points, boolean png) {
    return ChartImage.dataUri(chart(m, points), WIDTH, HEIGHT, "hist-" + m.metric(), png);
  }

  /** A run as readers name it: "4 Dec 02:14" (UTC), or its id when it is not a run id. */
  static String runLabel(String runId) {
    return PublishedResults.runStart(runId).map(t -> t.format(SHOWN)).orElse(runId);
  }

  static String axisLabel(MetricResult m) {
    return "Effect on " + HeadlineSentence.midSentence(m.label()) + " (" + m.displayUnit() + ")";
  }

  static JFreeChart chart(MetricResult m, List<HistoryPoint> points) {
    YIntervalSeries series = new YIntervalSeries("Estimate with its 95% interval");
    String[] labels = new String[points.size()];
    for (int i = 0; i < points.size(); i++) {
      HistoryPoint p = points.get(i);
      labels[i] = runLabel(p.runId());
      if (Double.isFinite(p.estimate())
          && Double.isFinite(p.ciLow())
          && Double.isFinite(p.ciHigh())) {
        double a = m.toDisplay(p.ciLow());
        double b = m.toDisplay(p.ciHigh());
        series.add(i, m.toDisplay(p.estimate()), Math.min(a, b), Math.max(a, b));
      }
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(series);
    SymbolAxis x = new SymbolAxis("Run (UTC)", labels);
    x.setGridBandsVisible(false);
    ChartStyle.axis(x);
    NumberAxis y = new NumberAxis(axisLabel(m));
    y.setAutoRangeIncludesZero(true);
    ChartStyle.axis(y);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(true);
    renderer.setSeriesPaint(0, ChartStyle.BLUE);
    renderer.setErrorPaint(ChartStyle.BLUE);
    renderer.setSeriesStroke(0, new BasicStroke(2.0f));
    renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    XYPlot plot = new XYPlot(data, x, y, renderer);
    ChartStyle.xyPlot(plot);
    plot.addRangeMarker(new ValueMarker(0, ChartStyle.GREY, new BasicStroke(1.0f)));
    return ChartStyle.chart(
        m.label() + ": the estimate over the runs",
        "Points: each run's estimate. Bars: its 95% interval. Grey line: no effect.",
        plot,
        false);
  }
}
