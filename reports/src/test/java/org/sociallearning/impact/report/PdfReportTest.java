package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  /** Section titles in reading order: page one, each primary outcome, then the rest. */
  private static final List<String> SECTIONS =
      List.of(
          "Did it work?",
          "Time to resolve a ticket",
          "Win rate",
          "Who it works for",
          "Notes",
          "Appendix",
          "Participants and comparison group over time",
          "Data quality",
          "Method");

  /** The main body's limits: what a reader gets through in five minutes. */
  static final int MAX_MAIN_PAGES = 10;

  static final int MAX_MAIN_WORDS = 2_500;

  private static List<String> pages;
  private static final java.util.Set<String> fonts = new java.util.TreeSet<>();
  private static int images;

  /** What the PDF libraries logged while rendering. */
  private static final List<String> logged = new ArrayList<>();

  @BeforeAll
  static void render() throws Exception {
    java.util.logging.Logger pdfbox = java.util.logging.Logger.getLogger("org.apache.pdfbox");
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            logged.add(r.getLevel() + " " + r.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    pdfbox.addHandler(capture);
    byte[] pdf;
    try {
      pdf = PdfReport.render(ReportFixture.gradedModel());
    } finally {
      pdfbox.removeHandler(capture);
    }
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
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name).getName());
        }
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject) {
            images++;
          }
        }
      }
    }
  }

  @Test
  void pageOneAnswersWithGradesAndNoWarnings() {
    String one = pages.get(0);
    assertTrue(one.contains("Social Learning Impact: <script>alert(1)</script>"), one);
    assertTrue(one.contains("Outcomes from January 2025 to 2025-06-30"), "the period: " + one);
    assertTrue(one.contains("Did it work?"));
    assertTrue(one.contains("Time to resolve a ticket 18% faster 14% to 22% faster moderate"), one);
    assertTrue(one.contains("Win rate no finding unreliable"), one);
    assertTrue(one.contains("EUR 67,892 a year"), one);
    assertTrue(one.contains("Evidence: strong = "), "the badges' legend: " + one);
    assertTrue(
        one.contains(
            "Service agents who joined a community resolved tickets 18% faster than"
                + " comparable colleagues."),
        one);
    assertTrue(one.contains("Before acting on win rate,"), "what next: " + one);
    assertTrue(
        one.matches("(?s).*\\d+ notes? about data and method: Notes\\W{0,3}page \\d+\\).*"),
        "where the notes are: " + one);
    assertFalse(one.contains("Warning"), "no warning boxes on page one: " + one);
    String ticket = pages.get(pageOf("Time to resolve a ticket"));
    assertTrue(ticket.contains("worth EUR 67,892 (95% CI EUR 44,011 to EUR 90,800)"), ticket);
  }

  @Test
  void theMainBodyIsShortAndTheDataTablesAreInTheAppendix() {
    int appendix = pageOf("Appendix");
    assertTrue(appendix <= MAX_MAIN_PAGES, "main body pages: " + appendix);
    int words = 0;
    for (String page : pages.subList(0, appendix)) {
      words += page.strip().split("\\s+").length;
      assertFalse(page.contains("Months relative to joining Period"), "no data table: " + page);
    }
    assertTrue(words <= MAX_MAIN_WORDS, "main body words: " + words);
    assertTrue(
        String.join(" ", pages.subList(appendix, pages.size()))
            .contains("Months relative to joining Period Effect"),
        "the event-study numbers are in the appendix");
  }

  @Test
  void sectionsComeInOrderPageOneAloneAndTheAppendixOnANewPage() {
    assertTrue(pages.get(0).contains(" Did it work? "), "page one");
    assertEquals(1, pageOf("Time to resolve a ticket"), "the first outcome after page one");
    String all = String.join(" ", pages);
    int previous = -1;
    for (String section : SECTIONS) {
      int at = all.indexOf(" " + section + " ", previous + 1);
      assertTrue(at > previous, section + " after the section before");
      previous = at;
    }
    assertTrue(pageOf("Appendix") > 1);
    assertTrue(pageOf("Data quality") > pageOf("Appendix"));
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
  void theShippedFontIsEmbeddedAndNothingFallsBack() {
    assertEquals(
        List.of(),
        logged.stream().filter(l -> l.contains("fallback")).toList(),
        "no font looked up on the system in vain");
    assertTrue(fonts.stream().anyMatch(f -> f.contains("LiberationSans")), fonts.toString());
    assertTrue(fonts.stream().allMatch(f -> f.contains("+")), "every font embedded: " + fonts);
  }

  @Test
  void chartsAreEmbeddedAsImages() {
    // The same charts as the HTML page, as raster images.
    assertEquals(HtmlReportTest.images(HtmlReport.render(ReportFixture.gradedModel())), images);
    assertEquals(11, images);
  }

  /** Index of the first page whose text (after the running footer) starts with a title. */
  private static int pageOf(String title) {
    for (int i = 0; i < pages.size(); i++) {
      String text =
          pages.get(i).replaceFirst("^\\s*Social learning impact - page \\d+ of" + " \\d+ ", "");
      if (text.startsWith(title + " ")) {
        return i;
      }
    }
    throw new AssertionError("no page starts with " + title + ": " + pages);
  }
}
