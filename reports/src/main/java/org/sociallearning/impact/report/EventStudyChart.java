package org.sociallearning.impact.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws the event-study chart of one metric (effect by month relative to joining) for the publish
 * step (results -> report): SVG for the HTML page, PNG for the PDF.
 *
 * <p>The pre-joining months are drawn on purpose and apart from the rest (orange squares, their own
 * band): they are placebo checks, and if they hover around zero the "parallel trends" assumption is
 * plausible; if they drift, readers should distrust the estimate.
 */
public final class EventStudyChart {

  /** Size the fonts below were chosen for (>= 12pt text at this size). */
  public static final int WIDTH = 720;

  public static final int HEIGHT = 380;

  static final String X_AXIS_LABEL = "Months relative to joining";
  static final String BEFORE = "Before joining (placebo check)";
  static final String AFTER = "After joining (effect)";

  private EventStudyChart() {}

  /** The chart as a standalone {@code <svg>} element with a viewBox, so it scales in HTML. */
  public static String svg(MetricResult m) {
    return ChartImage.svg(chart(m), WIDTH, HEIGHT, defsPrefix(m));
  }

  /** The chart as PNG bytes at {@link #WIDTH} x {@link #HEIGHT}. */
  public static byte[] png(MetricResult m) {
    return ChartImage.png(chart(m), WIDTH, HEIGHT, 1);
  }

  static String dataUri(MetricResult m, boolean png) {
    return ChartImage.dataUri(chart(m), WIDTH, HEIGHT, defsPrefix(m), png);
  }

  /** Size of a small multiple: a secondary outcome's chart beside the others. */
  static final int SMALL_WIDTH = 360;

  static final int SMALL_HEIGHT = 240;

  /** The chart small, for a grid of outcomes: title and axes only, no subtitle or legend. */
  static String smallDataUri(MetricResult m, boolean png) {
    JFreeChart chart = chart(m);
    chart.clearSubtitles();
    chart.getTitle().setFont(ChartStyle.TICK.deriveFont(java.awt.Font.BOLD, 13f));
    XYPlot plot = chart.getXYPlot();
    plot.getDomainAxis().setLabel("Months from joining");
    plot.getRangeAxis().setLabel(m.displayUnit());
    for (org.jfree.chart.axis.ValueAxis axis :
        java.util.List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
      axis.setLabelFont(ChartStyle.TICK.deriveFont(11f));
      axis.setTickLabelFont(ChartStyle.TICK.deriveFont(10f));
    }
    return ChartImage.dataUri(chart, SMALL_WIDTH, SMALL_HEIGHT, defsPrefix(m) + "-small", png);
  }

  static String defsPrefix(MetricResult m) {
    return "es-" + (m.metric() == null ? "" : m.metric());
  }

  /** Y-axis label with its unit, e.g. "Effect on time to resolve a ticket (%)". */
  static String yAxisLabel(MetricResult m) {
    return "Effect on " + HeadlineSentence.midSentence(m.label()) + " (" + m.displayUnit() + ")";
  }

  static JFreeChart chart(MetricResult m) {
    NumberAxis x = new NumberAxis(X_AXIS_LABEL);
    // Months are whole numbers; fractional ticks would suggest data that does not exist.
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setAutoRangeIncludesZero(false);
    ChartStyle.axis(x);
    NumberAxis y = new NumberAxis(yAxisLabel(m));
    // Keeping zero in view lets readers judge every interval against "no effect".
    y.setAutoRangeIncludesZero(true);
    ChartStyle.axis(y);

    XYPlot plot = new XYPlot(dataset(m), x, y, renderer());
    ChartStyle.xyPlot(plot);
    plot.setNoDataMessage("No event-study estimates for this outcome");

    // Joining happens between month -1 and month 0, hence the line at -0.5.
    ValueMarker joined = new ValueMarker(-0.5, Color.BLACK, ChartStyle.DASHED);
    joined.setLabel("Joined");
    joined.setLabelFont(ChartStyle.TICK);
    joined.setLabelPaint(Color.BLACK);
    joined.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    joined.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    joined.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    // Reference lines go behind the data so they never hide an estimate or its band.
    plot.addDomainMarker(joined, Layer.BACKGROUND);
    plot.addRangeMarker(
        new ValueMarker(0, ChartStyle.GREY, new BasicStroke(1.0f)), Layer.BACKGROUND);

    return ChartStyle.chart(
        m.label(),
        "Points: estimates. Shaded: " + bandWords(m) + ". Dashed line: joining.",
        plot,
        true);
  }

  /**
   * What the shading shows: the simultaneous band where the run published one (it covers every
   * month at once, so a reader may judge the whole curve by it), else pointwise intervals.
   */
  static String bandWords(MetricResult m) {
    boolean band = m.eventStudy().stream().anyMatch(p -> Double.isFinite(p.bandLow()));
    return band
        ? "95% simultaneous band (covers all months at once)"
        : "pointwise 95% confidence intervals (each month on its own)";
  }

  private static YIntervalSeriesCollection dataset(MetricResult m) {
    YIntervalSeries before = new YIntervalSeries(BEFORE);
    YIntervalSeries after = new YIntervalSeries(AFTER);
    for (EventTimePoint p : m.eventStudy()) {
      double v = m.toDisplay(p.estimate());
      double low = m.toDisplay(p.shadedLow());
      double high = m.toDisplay(p.shadedHigh());
      if (Double.isFinite(v)
          && !Double.isFinite(low)
          && !Double.isFinite(high)
          && p.estimate() == 0) {
        // The month every effect is measured from (a universal base): 0 by definition.
        low = v;
        high = v;
      }
      // A non-finite point would break the band path; the table still lists it.
      if (Double.isFinite(v) && Double.isFinite(low) && Double.isFinite(high)) {
        (p.eventTime() < 0 ? before : after)
            .add(p.eventTime(), v, Math.min(low, high), Math.max(low, high));
      }
    }
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    dataset.addSeries(before);
    dataset.addSeries(after);
    return dataset;
  }

  private static DeviationRenderer renderer() {
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(0.3f);
    renderer.setSeriesPaint(0, ChartStyle.ORANGE);
    renderer.setSeriesFillPaint(0, ChartStyle.ORANGE);
    renderer.setSeriesStroke(0, new BasicStroke(2.0f));
    // Shape as well as colour tells the two series apart (grey-scale print, colour vision).
    renderer.setSeriesShape(0, new Rectangle2D.Double(-4, -4, 8, 8));
    renderer.setSeriesPaint(1, ChartStyle.BLUE);
    renderer.setSeriesFillPaint(1, ChartStyle.SKY_BLUE);
    renderer.setSeriesStroke(1, new BasicStroke(2.0f));
    renderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
    renderer.setDefaultShapesFilled(true);
    return renderer;
  }
}
