package org.sociallearning.impact.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders the impact report as an A4 PDF from the same template as the HTML page (publish step,
 * results -> report), with charts as PNG (the renderer has no SVG support of its own) and a print
 * layout: each section on a new page, page numbers in the footer.
 */
public final class PdfReport {

  static {
    // The renderer logs every font load and CSS match at INFO; only problems belong in a
    // nightly job's output.
    for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
      com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
    }
    // The same stylesheet serves the browser, so properties only browsers know are expected.
    com.openhtmltopdf.util.XRLog.setLevel(
        com.openhtmltopdf.util.XRLog.CSS_PARSE, java.util.logging.Level.SEVERE);
  }

  /**
   * Unicode fonts tried in order; the PDF standard fonts cover Latin-1 only, so without one of
   * these a community name in another script would print as placeholder marks.
   */
  static final List<Path> FONT_FILES =
      List.of(
          Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
          Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
          Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"));

  static final String FONT_FAMILY = "DejaVu Sans";

  private PdfReport() {}

  public static byte[] render(ReportModel model) {
    String xhtml = HtmlReport.render(ReportPages.of(model, true));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      FONT_FILES.stream()
          .filter(Files::isRegularFile)
          .findFirst()
          .ifPresent(f -> builder.useFont(f.toFile(), FONT_FAMILY));
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the PDF report: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
