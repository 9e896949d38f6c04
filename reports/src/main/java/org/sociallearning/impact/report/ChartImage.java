package org.sociallearning.impact.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Turns a chart into what the two report formats embed: SVG for the HTML page (sharp at any zoom,
 * text stays text) and a PNG at twice the drawing size for the PDF (the PDF renderer has no SVG
 * support without a large extra dependency; twice the size prints sharply at A4 width).
 */
final class ChartImage {

  private static final int PDF_SCALE = 2;

  private ChartImage() {}

  /**
   * The chart as a standalone {@code <svg>} element with a viewBox, so it scales in HTML. {@code
   * idPrefix} keeps ids inside the SVG distinct per chart and identical between runs (the library's
   * default prefix contains the current time).
   */
  static String svg(JFreeChart chart, int width, int height, String idPrefix) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix(safeId(idPrefix));
    chart.draw(g2, new Rectangle(0, 0, width, height));
    return g2.getSVGElement(
        null,
        true,
        new ViewBox(0, 0, width, height),
        PreserveAspectRatio.XMID_YMID,
        MeetOrSlice.MEET);
  }

  /**
   * PNG bytes at {@code width x height}, drawn at {@code scale} times the resolution. Opaque RGB
   * without alpha: the PDF library embeds such a PNG's compressed data as it is, where an image
   * with an alpha channel would be decoded and compressed again pixel row by pixel row (that took
   * about a fifth of a report's rendering time).
   */
  static byte[] png(JFreeChart chart, int width, int height, int scale) {
    BufferedImage image =
        new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      g2.setColor(Color.WHITE);
      g2.fillRect(0, 0, image.getWidth(), image.getHeight());
      g2.scale(scale, scale);
      chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g2.dispose();
    }
    return PngEncoder.encode(image);
  }

  /** A data URI for an {@code <img>}: SVG for the page, PNG for the PDF. */
  static String dataUri(JFreeChart chart, int width, int height, String idPrefix, boolean png) {
    if (png) {
      return "data:image/png;base64,"
          + Base64.getEncoder().encodeToString(png(chart, width, height, PDF_SCALE));
    }
    // An <img> with a data URI rather than inline <svg>: ids inside several inline charts
    // would collide, and an image cannot run anything even if a label were hostile.
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder()
            .encodeToString(svg(chart, width, height, idPrefix).getBytes(StandardCharsets.UTF_8));
  }

  /** Id prefix made only of characters that are safe inside an XML id and a url(#...). */
  static String safeId(String prefix) {
    return (prefix == null ? "" : prefix).replaceAll("[^A-Za-z0-9_-]", "_") + "-";
  }
}
