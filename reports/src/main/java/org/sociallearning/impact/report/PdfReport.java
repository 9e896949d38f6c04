package org.sociallearning.impact.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders the impact report as an A4 PDF from the same template as the HTML page (publish step,
 * results -> report), with charts as PNG (the renderer has no SVG support of its own) and a print
 * layout: each section on a new page, page numbers in the footer.
 */
public final class PdfReport {

  /**
   * The report's font, shipped with it and embedded in every PDF: Liberation Sans (SIL Open Font
   * License 1.1), in its four styles. It covers Latin, Greek and Cyrillic scripts.
   */
  static final String FONT_FAMILY = "Liberation Sans";

  private static final String FONT_FOLDER = "/liberation/LiberationSans-";

  /**
   * A Unicode font of the system tried after it, for names in other scripts; without one such a
   * character prints as a placeholder mark.
   */
  static final List<Path> FALLBACK_FONT_FILES =
      List.of(
          Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
          Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
          Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"));

  static final String FALLBACK_FONT_FAMILY = "DejaVu Sans";

  static {
    // The renderer logs every font load and CSS match at INFO; only problems belong in a
    // nightly job's output.
    for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
      com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
    }
    // The same stylesheet serves the browser, so properties only browsers know are expected.
    com.openhtmltopdf.util.XRLog.setLevel(
        com.openhtmltopdf.util.XRLog.CSS_PARSE, java.util.logging.Level.SEVERE);
    org.apache.pdfbox.pdmodel.font.FontMappers.set(
        new FormFontMapper(
            org.apache.pdfbox.pdmodel.font.FontMappers.instance(), FONT_FOLDER + "Regular.ttf"));
  }

  private PdfReport() {}

  public static byte[] render(ReportModel model) {
    String xhtml = HtmlReport.render(ReportPages.of(model, true));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.usePDDocument(document);
      builder.useFastMode();
      // Tagged PDF (PDF/UA): headings, tables and image descriptions reach screen readers, and
      // every font is embedded, so the PDF standard fonts the renderer would otherwise load (and
      // warn about when the system has none) are not used at all.
      builder.usePdfUaAccessibility(true);
      addShippedFont(builder, document, "Regular", 400, FontStyle.NORMAL);
      addShippedFont(builder, document, "Bold", 700, FontStyle.NORMAL);
      addShippedFont(builder, document, "Italic", 400, FontStyle.ITALIC);
      addShippedFont(builder, document, "BoldItalic", 700, FontStyle.ITALIC);
      FALLBACK_FONT_FILES.stream()
          .filter(Files::isRegularFile)
          .findFirst()
          .ifPresent(f -> builder.useFont(f.toFile(), FALLBACK_FONT_FAMILY));
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the PDF report: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * Registers one style of the shipped font, loaded only if the report uses it. Its glyph
   * substitution table is switched off: the library would otherwise rebuild a pattern matcher from
   * that table for every run of text it writes (about a quarter of the report's rendering time).
   * The table's one feature (ccmp) only joins Hebrew letters with their points and IPA tone
   * letters; the report's own words use neither, and a name written so prints its marks as glyphs
   * of their own. A font that cannot be read fails the report instead of falling back silently.
   */
  private static void addShippedFont(
      PdfRendererBuilder builder,
      PDDocument document,
      String style,
      int weight,
      FontStyle fontStyle) {
    String resource = FONT_FOLDER + style + ".ttf";
    if (PdfReport.class.getResource(resource) == null) {
      throw new IllegalStateException(
          "the report's font " + resource + " is missing from the class path");
    }
    builder.useFont(new ShippedFont(document, resource), FONT_FAMILY, weight, fontStyle, true);
  }

  /** A shipped font style, embedded as a subset on first use, without glyph substitution. */
  private static final class ShippedFont extends PDFontSupplier {

    private final PDDocument document;
    private final String resource;
    private PDFont font;

    ShippedFont(PDDocument document, String resource) {
      super(null);
      this.document = document;
      this.resource = resource;
    }

    @Override
    public PDFont supply() {
      if (font == null) {
        try (InputStream in = PdfReport.class.getResourceAsStream(resource)) {
          TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
          ttf.setEnableGsub(false);
          font = PDType0Font.load(document, ttf, true);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot load the report's font " + resource, e);
        }
      }
      return font;
    }
  }
}
