package org.sociallearning.impact.report;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Draws "participants vs comparison over calendar time" for one metric (publish step, results ->
 * report): what participants who had joined did each month, what they would have done without
 * joining (observed minus the month's estimated effect) and what the comparison group did. The gap
 * between the first two lines is the effect; the third shows the common trend.
 */
final class CalendarChart {

  static final int WIDTH = 720;
  static final int HEIGHT = 380;

  static final String OBSERVED = "Participants (observed)";
  static final String COUNTERFACTUAL = "Participants without joining (estimated)";
  static final String COMPARISON = "Comparison group (observed)";

  private CalendarChart() {}

  static String dataUri(MetricResult m, boolean png) {
    return ChartImage.dataUri(chart(m), WIDTH, HEIGHT, "cal-" + m.metric(), png);
  }

  /** Y-axis label with its unit, e.g. "Time to resolve a ticket (hours, geometric mean)". */
  static String yAxisLabel(MetricResult m) {
    return m.label() + " (" + m.levelUnit() + (m.isLogScale() ? ", geometric mean" : "") + ")";
  }

  static JFreeChart chart(MetricResult m) {
    TimeSeries observed = new TimeSeries(OBSERVED);
    TimeSeries counterfactual = new TimeSeries(COUNTERFACTUAL);
    TimeSeries comparison = new TimeSeries(COMPARISON);
    for (CalendarPoint p : m.calendar()) {
      Month month = new Month(p.month().getMonthValue(), p.month().getYear());
      add(comparison, month, m.levelToDisplay(p.comparison()));
      add(observed, month, m.levelToDisplay(p.participants()));
      add(counterfactual, month, m.levelToDisplay(p.counterfactual()));
    }
    TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
    data.addSeries(observed);
    data.addSeries(counterfactual);
    data.addSeries(comparison);

    DateAxis x = new DateAxis("Calendar month");
    x.setTimeZone(TimeZone.getTimeZone("UTC"));
    SimpleDateFormat format = new SimpleDateFormat("MMM yyyy", Locale.ENGLISH);
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    x.setDateFormatOverride(format);
    ChartStyle.axis(x);
    NumberAxis y = new NumberAxis(yAxisLabel(m));
    y.setAutoRangeIncludesZero(false);
    ChartStyle.axis(y);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, ChartStyle.BLUE);
    renderer.setSeriesStroke(0, new BasicStroke(2.0f));
    renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    renderer.setSeriesPaint(1, ChartStyle.ORANGE);
    renderer.setSeriesStroke(1, ChartStyle.DASHED);
    renderer.setSeriesShape(1, new Rectangle2D.Double(-3.5, -3.5, 7, 7));
    renderer.setSeriesPaint(2, ChartStyle.GREY);
    renderer.setSeriesStroke(2, new BasicStroke(1.5f));
    renderer.setSeriesShapesVisible(2, false);

    XYPlot plot = new XYPlot(data, x, y, renderer);
    ChartStyle.xyPlot(plot);
    plot.setNoDataMessage("No month had enough participants to show");
    return ChartStyle.chart(
        m.label() + ": participants and comparison by month",
        "Gap between the blue and the dashed orange line: the estimated effect.",
        plot,
        true);
  }

  private static void add(TimeSeries series, Month month, double value) {
    // Suppressed months have no value; a gap is honest, a zero would be a false reading.
    if (Double.isFinite(value)) {
      series.add(month, value);
    }
  }
}
