package org.sociallearning.impact.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * The PDF renderer writes the form-field resources of every PDF with the standard fonts Symbol and
 * ZapfDingbats, even when the page has no form field, and the PDF library looks for them on the
 * system: where they are missing (most Linux servers) it warns "Using fallback font" on every run.
 * No text of the report is set in them (every font it uses is embedded), so this mapper answers
 * those two lookups with the shipped font, without a warning, and hands every other lookup to the
 * library's own mapper.
 */
final class FormFontMapper implements FontMapper {

  private final FontMapper standard;
  private final TrueTypeFont shipped;

  FormFontMapper(FontMapper standard, String shippedFontResource) {
    this.standard = standard;
    try (InputStream in = FormFontMapper.class.getResourceAsStream(shippedFontResource)) {
      if (in == null) {
        throw new IllegalStateException(shippedFontResource + " is missing from the class path");
      }
      this.shipped = new TTFParser().parse(new RandomAccessReadBuffer(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + shippedFontResource, e);
    }
  }

  @Override
  public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
    return standard.getTrueTypeFont(baseFont, descriptor);
  }

  @Override
  public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
    if ("Symbol".equals(baseFont) || "ZapfDingbats".equals(baseFont)) {
      return new FontMapping<>(shipped, false);
    }
    return standard.getFontBoxFont(baseFont, descriptor);
  }

  @Override
  public CIDFontMapping getCIDFont(
      String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
    return standard.getCIDFont(baseFont, descriptor, cidSystemInfo);
  }
}
