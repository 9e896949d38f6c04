package org.sociallearning.impact.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws the event-study chart of one metric (effect by month relative to joining) for the
 * publish step (results -> report): SVG for the HTML page, PNG for a later PDF.
 *
 * <p>The pre-joining months are drawn on purpose: if they hover around zero the "parallel
 * trends" assumption is plausible; if they drift, readers should distrust the estimate.
 * Colours are Okabe-Ito so the chart survives colour-blindness and grey-scale printing.
 */
public final class EventStudyChart {

    /** Size the fonts below were chosen for (>= 12pt text at this size). */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 360;

    static final String X_AXIS_LABEL = "Months relative to joining";

    private static final Color ESTIMATE_BLUE = new Color(0x00, 0x72, 0xB2);
    private static final Color BAND_BLUE = new Color(0x56, 0xB4, 0xE9);
    private static final Color REFERENCE_VERMILLION = new Color(0xD5, 0x5E, 0x00);
    private static final Color GRID_GREY = new Color(0xDD, 0xDD, 0xDD);
    private static final String FONT = Font.SANS_SERIF;

    static {
        // Nightly jobs run on servers without a display; only set it when nobody chose already.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // JFreeChart draws rotated text (the y-axis label) through TextLayout by default, a
        // workaround for an old JDK bug; in SVG that turns the label into glyph outlines that
        // screen readers and text search cannot see. Java 17 rotates drawString correctly.
        // Note: this is a JVM-wide JFreeChart setting.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private EventStudyChart() {
    }

    /** The chart as a standalone {@code <svg>} element with a viewBox, so it scales in HTML. */
    public static String svg(MetricResult m) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        // The default id prefix contains the current time, so every run would differ; a prefix
        // from the metric name keeps reports reproducible and ids distinct per chart.
        g2.setDefsKeyPrefix(defsPrefix(m));
        chart(m).draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        // The viewBox lets the chart shrink with the page (phones, print margins) instead of
        // being cropped at its drawing size.
        return g2.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
    }

    /** The chart as PNG bytes at {@link #WIDTH} x {@link #HEIGHT}. */
    public static byte[] png(MetricResult m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart(m), WIDTH, HEIGHT);
        } catch (IOException e) {
            // Writing to memory cannot really fail; do not make every caller handle it.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Id prefix made only of characters that are safe inside an XML id and a url(#...). */
    static String defsPrefix(MetricResult m) {
        String name = m.metric() == null ? "" : m.metric();
        return "es-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + "-";
    }

    /** Y-axis label with its unit, e.g. "Effect on time to resolve a ticket (%)". */
    static String yAxisLabel(MetricResult m) {
        return "Effect on " + HeadlineSentence.midSentence(m.label())
                + " (" + m.displayUnit() + ")";
    }

    static JFreeChart chart(MetricResult m) {
        XYPlot plot = new XYPlot(dataset(m), xAxis(), yAxis(m), renderer());
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID_GREY);
        plot.setRangeGridlinePaint(GRID_GREY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage("No event-study estimates for this outcome");
        plot.setNoDataMessageFont(new Font(FONT, Font.PLAIN, 14));

        // Joining happens between month -1 and month 0, hence the line at -0.5.
        ValueMarker joined = new ValueMarker(-0.5, REFERENCE_VERMILLION, new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        joined.setLabel("Joined");
        joined.setLabelFont(new Font(FONT, Font.PLAIN, 12));
        joined.setLabelPaint(REFERENCE_VERMILLION);
        joined.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        joined.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        joined.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        // Reference lines go behind the data so they never hide an estimate or its band.
        plot.addDomainMarker(joined, Layer.BACKGROUND);
        plot.addRangeMarker(
                new ValueMarker(0, REFERENCE_VERMILLION, new BasicStroke(1.0f)), Layer.BACKGROUND);

        JFreeChart chart = new JFreeChart(m.label(), new Font(FONT, Font.BOLD, 16), plot, false);
        chart.addSubtitle(new TextTitle(
                "Line: estimate. Shaded band: 95% confidence interval. Dashed line: joining.",
                new Font(FONT, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    private static YIntervalSeriesCollection dataset(MetricResult m) {
        YIntervalSeries series = new YIntervalSeries("Estimate");
        for (EventTimePoint p : m.eventStudy()) {
            double y = m.toDisplay(p.estimate());
            double low = m.toDisplay(p.ciLow());
            double high = m.toDisplay(p.ciHigh());
            // A non-finite point would break the band path; the table still lists it.
            if (Double.isFinite(y) && Double.isFinite(low) && Double.isFinite(high)) {
                series.add(p.eventTime(), y, Math.min(low, high), Math.max(low, high));
            }
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(series);
        return dataset;
    }

    private static NumberAxis xAxis() {
        NumberAxis axis = new NumberAxis(X_AXIS_LABEL);
        // Months are whole numbers; fractional ticks would suggest data that does not exist.
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setAutoRangeIncludesZero(false);
        styleAxis(axis);
        return axis;
    }

    private static NumberAxis yAxis(MetricResult m) {
        NumberAxis axis = new NumberAxis(yAxisLabel(m));
        // Keeping zero in view lets readers judge every interval against "no effect".
        axis.setAutoRangeIncludesZero(true);
        styleAxis(axis);
        return axis;
    }

    private static void styleAxis(NumberAxis axis) {
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 14));
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
    }

    private static DeviationRenderer renderer() {
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setSeriesPaint(0, ESTIMATE_BLUE);
        renderer.setSeriesFillPaint(0, BAND_BLUE);
        renderer.setAlpha(0.35f);
        renderer.setSeriesStroke(0, new BasicStroke(2.0f));
        // Markers on each month make single pre-period points visible, not just the line.
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        renderer.setSeriesShapesFilled(0, true);
        return renderer;
    }
}
