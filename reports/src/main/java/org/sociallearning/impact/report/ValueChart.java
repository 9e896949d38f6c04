package org.sociallearning.impact.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Bar chart of the programme's money per year (publish step, results -> report): each benefit,
 * their total and the programme cost as horizontal bars with the 95% interval as a whisker, so a
 * reader sees at a glance whether the benefit's whole interval clears the cost.
 */
final class ValueChart {

  static final int WIDTH = 720;
  static final int HEIGHT = 320;

  /** Money items in the order drawn, top to bottom. */
  static final List<String> ITEMS =
      List.of("hours_value", "revenue_effect", "total_benefit", "program_cost");

  private ValueChart() {}

  /** The money rows with a number, in {@link #ITEMS} order. */
  static List<ValueItem> moneyRows(List<ValueItem> values) {
    List<ValueItem> rows = new ArrayList<>();
    for (String item : ITEMS) {
      for (ValueItem v : values) {
        if (v.item().equals(item) && v.hasNumber()) {
          rows.add(v);
        }
      }
    }
    return rows;
  }

  static String dataUri(List<ValueItem> rows, boolean png) {
    return ChartImage.dataUri(chart(rows), WIDTH, HEIGHT, "value", png);
  }

  static String currency(List<ValueItem> rows) {
    return rows.isEmpty() ? "currency" : rows.get(0).unit();
  }

  static JFreeChart chart(List<ValueItem> rows) {
    String[] labels = new String[rows.size()];
    XYIntervalSeries benefits = new XYIntervalSeries("Benefit");
    XYIntervalSeries total = new XYIntervalSeries("Total benefit");
    XYIntervalSeries cost = new XYIntervalSeries("Programme cost");
    XYIntervalSeries whiskers = new XYIntervalSeries("95% interval");
    for (int i = 0; i < rows.size(); i++) {
      int position = rows.size() - 1 - i;
      ValueItem v = rows.get(i);
      labels[position] = ValueWords.itemLabel(v.item());
      XYIntervalSeries series =
          switch (v.item()) {
            case "total_benefit" -> total;
            case "program_cost" -> cost;
            default -> benefits;
          };
      // Bars run from zero to the estimate; the whisker carries the interval.
      series.add(
          position,
          position - 0.3,
          position + 0.3,
          v.estimate(),
          Math.min(0, v.estimate()),
          Math.max(0, v.estimate()));
      if (Double.isFinite(v.ciLow()) && Double.isFinite(v.ciHigh())) {
        whiskers.add(
            position,
            position,
            position,
            v.estimate(),
            Math.min(v.ciLow(), v.ciHigh()),
            Math.max(v.ciLow(), v.ciHigh()));
      }
    }
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    bars.addSeries(benefits);
    bars.addSeries(total);
    bars.addSeries(cost);
    XYIntervalSeriesCollection intervals = new XYIntervalSeriesCollection();
    intervals.addSeries(whiskers);

    SymbolAxis y = new SymbolAxis(null, labels);
    y.setGridBandsVisible(false);
    ChartStyle.axis(y);
    NumberAxis x = new NumberAxis("Per year (" + currency(rows) + ")");
    List<Double> bounds = new ArrayList<>();
    rows.forEach(v -> bounds.addAll(List.of(v.estimate(), v.ciLow(), v.ciHigh())));
    ChartStyle.coverWithZero(x, bounds);
    ChartStyle.axis(x);

    XYBarRenderer barRenderer = new XYBarRenderer();
    barRenderer.setUseYInterval(true);
    barRenderer.setBarPainter(new StandardXYBarPainter());
    barRenderer.setShadowVisible(false);
    barRenderer.setSeriesPaint(0, ChartStyle.GREEN);
    barRenderer.setSeriesPaint(1, ChartStyle.BLUE);
    barRenderer.setSeriesPaint(2, ChartStyle.VERMILLION);

    XYErrorRenderer whiskerRenderer = new XYErrorRenderer();
    whiskerRenderer.setDrawXError(false);
    whiskerRenderer.setErrorPaint(Color.BLACK);
    whiskerRenderer.setErrorStroke(new BasicStroke(1.5f));
    whiskerRenderer.setCapLength(8);
    whiskerRenderer.setDefaultLinesVisible(false);
    whiskerRenderer.setSeriesShape(0, new Rectangle2D.Double(-1, -1, 2, 2));
    whiskerRenderer.setSeriesPaint(0, Color.BLACK);

    XYPlot plot = new XYPlot(intervals, y, x, whiskerRenderer);
    plot.setDataset(1, bars);
    plot.setRenderer(1, barRenderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    ChartStyle.xyPlot(plot);
    plot.addRangeMarker(
        new ValueMarker(0, ChartStyle.GREY, new BasicStroke(1.0f)), Layer.BACKGROUND);
    plot.setNoDataMessage("No money figures: value settings are not configured");
    return ChartStyle.chart(
        "Value per year against the programme cost",
        "Bars: estimates. Whiskers: 95% intervals.",
        plot,
        true);
  }
}
