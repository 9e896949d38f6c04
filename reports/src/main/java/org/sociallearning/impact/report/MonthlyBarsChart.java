package org.sociallearning.impact.report;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bars by month for the knowledge-flow section (publish step, results -> report): questions
 * answered and unanswered (stacked), and formal against social learning (side by side).
 */
final class MonthlyBarsChart {

  static final int WIDTH = 720;
  static final int HEIGHT = 340;

  /** One bar segment: series name, month label, value. */
  record Bar(String series, String month, double value) {}

  private MonthlyBarsChart() {}

  static String dataUri(
      String id,
      String title,
      String yLabel,
      List<Bar> bars,
      List<Color> colours,
      boolean stacked,
      boolean png) {
    return ChartImage.dataUri(chart(title, yLabel, bars, colours, stacked), WIDTH, HEIGHT, id, png);
  }

  static JFreeChart chart(
      String title, String yLabel, List<Bar> bars, List<Color> colours, boolean stacked) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Bar b : bars) {
      data.addValue(b.value(), b.series(), b.month());
    }
    CategoryAxis x = new CategoryAxis("Month");
    x.setCategoryLabelPositions(
        data.getColumnCount() > 8 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
    ChartStyle.axis(x);
    NumberAxis y = new NumberAxis(yLabel);
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    ChartStyle.axis(y);
    BarRenderer renderer = stacked ? new StackedBarRenderer() : new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    for (int i = 0; i < colours.size(); i++) {
      renderer.setSeriesPaint(i, colours.get(i));
    }
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    plot.setNoDataMessage("No months with enough people to show");
    plot.setNoDataMessageFont(ChartStyle.LABEL);
    return ChartStyle.chart(title, null, plot, true);
  }
}
