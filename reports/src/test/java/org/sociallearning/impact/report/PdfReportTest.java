package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PDF rendered from the same template and fixture as the HTML, read back with PDFBox. */
class PdfReportTest {

  private static final List<String> SECTIONS =
      List.of(
          "Headline",
          "Effect by month relative to joining",
          "Participants and comparison group over time",
          "Effects by segment",
          "Knowledge flow",
          "Value",
          "Data quality",
          "Method");

  private static List<String> pages;
  private static int images;

  @BeforeAll
  static void render() throws Exception {
    byte[] pdf = PdfReport.render(ReportFixture.model());
    pages = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        // Lines wrap anywhere in a PDF: compare text with single spaces.
        pages.add(stripper.getText(doc).replaceAll("\\s+", " "));
      }
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject) {
            images++;
          }
        }
      }
    }
  }

  @Test
  void titleRunWarningsAndHeadlineComeFirst() {
    assertTrue(
        pages.get(0).contains("Social Learning Impact: <script>alert(1)</script>"), pages.get(0));
    assertTrue(pages.get(0).contains("Data up to 2025-06-30"));
    String headline = pages.get(pageOf("Headline"));
    assertTrue(
        headline.contains(
            "Service agents who joined a community resolved tickets 18%"
                + " faster (95% CI 14% to 22%) than comparable colleagues."),
        headline);
    assertTrue(headline.contains("worth EUR 67,892 (95% CI EUR 44,011 to EUR 90,800)"));
    assertTrue(
        headline.contains("Warning: Only 7 months of follow-up for the latest" + " cohort."));
  }

  @Test
  void everySectionStartsOnItsOwnPageInOrder() {
    int previous = pageOf("Headline");
    for (String section : SECTIONS.subList(1, SECTIONS.size())) {
      int page = pageOf(section);
      assertTrue(page > previous, section + " on a later page than the one before");
      previous = page;
    }
    assertTrue(pages.size() >= SECTIONS.size() + 1, "pages: " + pages.size());
    assertTrue(
        pages.get(pages.size() - 1).contains("page " + pages.size() + " of " + pages.size()),
        "page numbers in the footer");
  }

  @Test
  void numbersAndSuppressedSegmentsAreInTheText() {
    String all = String.join(" ", pages);
    assertTrue(all.contains("Intensity: heavy (fewer than 30 people)"));
    assertTrue(all.contains("240 questions were asked in the communities; 73% got an answer"));
    assertTrue(all.contains("Return on investment 0% -51% to 51%"), all);
    assertTrue(all.contains("helpdesk_tickets csv 1,204,331 1,198,002 4,210 2,119"));
    assertTrue(all.contains("p = 0.012): read this effect with caution."));
  }

  @Test
  void chartsAreEmbeddedAsImages() {
    // The same charts as the HTML page, as raster images.
    assertEquals(HtmlReportTest.images(HtmlReport.render(ReportFixture.model())), images);
    assertEquals(11, images);
  }

  /** Index of the first page whose text (after the running footer) starts with a title. */
  private static int pageOf(String title) {
    for (int i = 0; i < pages.size(); i++) {
      String text =
          pages.get(i).replaceFirst("^\\s*Social learning impact - page \\d+ of" + " \\d+ ", "");
      if (text.startsWith(title + " ") || text.contains(" " + title + " " + "Time to")) {
        return i;
      }
    }
    throw new AssertionError("no page starts with " + title + ": " + pages);
  }
}
