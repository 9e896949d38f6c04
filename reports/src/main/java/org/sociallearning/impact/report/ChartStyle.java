package org.sociallearning.impact.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One look for every chart of the report (publish step, results -> report): the Okabe-Ito palette,
 * which stays distinguishable with every common colour-vision deficiency and in grey-scale print,
 * used with the same meaning everywhere (blue = participants / the effect, orange = before joining
 * or the counterfactual, grey = comparison group), fonts of at least 12 points at the drawing size,
 * and a white background.
 */
final class ChartStyle {

  /** Okabe-Ito blue: participants, effects after joining. */
  static final Color BLUE = new Color(0x00, 0x72, 0xB2);

  /** Okabe-Ito sky blue: interval bands of {@link #BLUE} series. */
  static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);

  /** Okabe-Ito orange: pre-joining placebo effects, counterfactual. */
  static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);

  /** Okabe-Ito vermillion: reference lines (joining, zero) and costs. */
  static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);

  /** Okabe-Ito bluish green: benefits, answered questions. */
  static final Color GREEN = new Color(0x00, 0x9E, 0x73);

  /** Okabe-Ito reddish purple: a fourth series where needed. */
  static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);

  /** Neutral grey for the comparison group, so it reads as background. */
  static final Color GREY = new Color(0x59, 0x59, 0x59);

  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  static final String FONT = Font.SANS_SERIF;
  static final Font TITLE = new Font(FONT, Font.BOLD, 16);
  static final Font LABEL = new Font(FONT, Font.PLAIN, 14);
  static final Font TICK = new Font(FONT, Font.PLAIN, 12);
  static final BasicStroke DASHED =
      new BasicStroke(
          1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

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

  private ChartStyle() {}

  /** A chart with the report's title font, optional subtitle and legend at the bottom. */
  static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
    if (subtitle != null) {
      chart.addSubtitle(new TextTitle(subtitle, TICK));
    }
    LegendTitle l = chart.getLegend();
    if (l != null) {
      l.setItemFont(TICK);
      l.setFrame(BlockBorder.NONE);
      l.setPosition(RectangleEdge.BOTTOM);
    }
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    return chart;
  }

  static void xyPlot(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setNoDataMessageFont(LABEL);
  }

  /**
   * Sets a value axis to cover every bound given and zero, with a margin: the interval renderers do
   * not widen the automatic range to their whiskers.
   */
  static void coverWithZero(org.jfree.chart.axis.ValueAxis axis, java.util.List<Double> values) {
    double low = 0;
    double high = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    double pad = high > low ? 0.06 * (high - low) : 1;
    axis.setRange(low - pad, high + pad);
  }

  static void axis(Axis axis) {
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
    axis.setLabelPaint(Color.BLACK);
    axis.setTickLabelPaint(Color.BLACK);
  }
}
