package org.sociallearning.impact.report;

import java.awt.Color;
import java.util.List;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Draws knowledge flow between departments as a heatmap (publish step, results -> report): rows are
 * the departments that answered, columns those that asked, the darker a cell the more questions it
 * carried. Suppressed pairs are drawn in light grey, without a number.
 */
final class DepartmentFlowChart {

  static final int WIDTH = 720;

  static final Color SUPPRESSED = new Color(0xE4, 0xE4, 0xE4);

  private DepartmentFlowChart() {}

  /** Departments in alphabetical order, answering and asking alike. */
  static List<String> departments(List<DepartmentFlow> flows) {
    TreeSet<String> names = new TreeSet<>();
    flows.forEach(
        f -> {
          names.add(f.from());
          names.add(f.to());
        });
    return List.copyOf(names);
  }

  static int height(List<DepartmentFlow> flows) {
    return 260 + 34 * departments(flows).size();
  }

  static String dataUri(List<DepartmentFlow> flows, boolean png) {
    return ChartImage.dataUri(chart(flows), WIDTH, height(flows), "flow", png);
  }

  static JFreeChart chart(List<DepartmentFlow> flows) {
    List<String> names = departments(flows);
    double[][] cells = new double[3][flows.size()];
    long max = 1;
    for (int i = 0; i < flows.size(); i++) {
      DepartmentFlow f = flows.get(i);
      cells[0][i] = names.indexOf(f.to());
      cells[1][i] = names.indexOf(f.from());
      cells[2][i] = f.suppressed() ? -1 : f.questionsAnswered();
      max = Math.max(max, f.suppressed() ? 0 : f.questionsAnswered());
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("questions answered", cells);
    LookupPaintScale scale = new LookupPaintScale(-1, max + 1, SUPPRESSED);
    scale.add(-1, SUPPRESSED);
    // Five steps of the palette's blue, light to dark.
    int[] alphas = {40, 90, 140, 190, 255};
    for (int step = 0; step < alphas.length; step++) {
      Color blue = ChartStyle.BLUE;
      scale.add(
          step * (max + 1) / (double) alphas.length,
          new Color(
              mix(blue.getRed(), alphas[step]),
              mix(blue.getGreen(), alphas[step]),
              mix(blue.getBlue(), alphas[step])));
    }
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    String[] labels = names.toArray(String[]::new);
    SymbolAxis x = new SymbolAxis("Department that asked", labels);
    SymbolAxis y = new SymbolAxis("Department that answered", labels);
    x.setGridBandsVisible(false);
    y.setGridBandsVisible(false);
    ChartStyle.axis(x);
    ChartStyle.axis(y);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    x.setVerticalTickLabels(true);
    // The counts are in the table under the chart; the shades only rank the cells.
    return ChartStyle.chart(
        "Questions answered between departments",
        "Darker: more questions (up to " + max + "). White: none. Grey: too few people to show.",
        plot,
        false);
  }

  /** The colour channel {@code c} at {@code alpha} over white. */
  private static int mix(int c, int alpha) {
    return 255 - (255 - c) * alpha / 255;
  }
}
