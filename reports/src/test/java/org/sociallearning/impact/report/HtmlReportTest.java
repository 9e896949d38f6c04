package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML report rendered by the jte template from the fixed results in {@link ReportFixture}. */
class HtmlReportTest {

  private static ReportModel model;
  private static String html;

  @BeforeAll
  static void render() {
    model = ReportFixture.model();
    html = HtmlReport.render(model);
  }

  @Test
  void isAnHtml5Document() {
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 80));
    assertTrue(html.contains("<meta charset=\"utf-8\" />"));
    assertTrue(html.trim().endsWith("</html>"));
  }

  @Test
  void sectionsComeInTheOrderOfTheIssue() {
    List<String> ids =
        List.of(
            "summary",
            "outcome-effect-1-time-to-resolve-hours",
            "outcome-effect-4-win-rate",
            "secondary",
            "segments",
            "knowledge-flow",
            "value",
            "notes",
            "appendix",
            "event-studies",
            "over-time",
            "segments-more",
            "value-details",
            "knowledge-details",
            "data-quality",
            "method");
    int previous = -1;
    for (String id : ids) {
      int at = html.indexOf("<section id=\"" + id + "\"");
      assertTrue(at > previous, id + " after the previous section");
      previous = at;
    }
  }

  @Test
  void headlineSentencesInPlainWordsWithTheirMoney() {
    String headline = mainBody();
    assertTrue(
        headline.contains(
            "Service agents who joined a community resolved tickets 18%"
                + " faster (95% CI 14% to 22%) than comparable colleagues."),
        headline);
    assertTrue(
        headline.contains(
            "The work saved comes to about 1,234 hours (95% CI 800 hours"
                + " to 1,651 hours) a year, worth EUR 67,892 (95% CI EUR 44,011 to EUR 90,800)."),
        headline);
    assertTrue(headline.contains("won 4.1 percentage points more of their deals"));
    assertTrue(
        headline.contains(
            "That is worth at most about EUR 52,000 (95% CI EUR 15,000"
                + " to EUR 90,000) a year in gross profit (an upper bound"),
        headline);
    assertTrue(headline.contains("a return on investment of 0% (95% CI -51% to 51%)."));
    assertTrue(headline.contains("The interval includes a loss"));
    assertTrue(html.contains("Not enough people (fewer than 30) to report this outcome."));
    for (MetricResult m : model.metrics()) {
      String sentence = HeadlineSentence.forMetric(m, model.minGroupSize());
      assertTrue(html.contains(escape(sentence)), sentence);
    }
  }

  @Test
  void headlineHasNoParticipationCounts() {
    String headline = mainBody().replaceAll("<img [^>]*>", "");
    for (MetricResult m : model.metrics()) {
      for (long n : new long[] {m.nTreated(), m.nComparison()}) {
        for (String written : List.of(String.valueOf(n), ReaderNumbers.count(n))) {
          // A whole number on its own, not part of a money figure such as 120,000.
          Pattern alone = Pattern.compile("(?<![0-9,.])" + Pattern.quote(written) + "(?![0-9,.%])");
          assertFalse(alone.matcher(headline).find(), m.label() + ": " + written);
        }
      }
    }
  }

  @Test
  void aPrimaryOutcomesNoteSitsInItsSectionOnce() {
    String section = section("outcome-effect-4-win-rate");
    String sentence = escape(HeadlineSentence.forMetric(model.metrics().get(3), 30));
    int at = section.indexOf(sentence);
    int note = section.indexOf("Win rate excludes deals still open at the as-of date.");
    assertTrue(at > 0 && note > at, "note after the sentence, in the outcome's section");
    assertEquals(1, count(mainBody(), "Win rate excludes deals still open"), "said once");
    assertFalse(section("summary").contains("excludes deals"), "no caveat on page one");
  }

  @Test
  void eventStudyTablesListEveryPointInDisplayUnits() {
    String section = section("event-studies");
    int expected =
        model.metrics().stream()
            .filter(m -> !m.isSuppressed(model.minGroupSize()))
            .mapToInt(m -> m.eventStudy().size())
            .sum();
    assertEquals(
        expected, count(section, "<td>before (placebo)</td>") + count(section, "<td>after</td>"));
    // exp(-0.10536) - 1 = -10%, CI exp(-0.10536 -/+ 0.04) - 1 = -13.5% .. -6.3%
    assertTrue(
        section.contains(
            "<th scope=\"row\">1</th><td>after</td><td class=\"num\">"
                + "-10.0</td><td class=\"num\">-13.5 to -6.3</td>"),
        section);
    // Level metric in percentage points; a placebo month is marked as such.
    assertTrue(
        section.contains(
            "<th scope=\"row\">1</th><td>after</td><td class=\"num\">"
                + "4.3</td><td class=\"num\">1.1 to 7.5</td>"));
    assertTrue(
        section.contains(
            "<th scope=\"row\">-2</th><td>before (placebo)</td>" + "<td class=\"num\">0.4</td>"));
  }

  @Test
  void preTrendReadingSitsUnderTheChart() {
    String section = section("event-studies");
    assertTrue(
        section.contains(
            "Before joining, the two groups were not moving in parallel"
                + " (2 placebo checks, p = 0.012): read this effect with"
                + " caution."));
    assertTrue(
        section.contains(
            "moved in parallel as far as the data can tell (4 placebo" + " checks, p = 0.420)."));
  }

  @Test
  void suppressedMetricShowsNoChartOrNumbers() {
    assertFalse(html.contains("Customer satisfaction: effect by month"));
    // Every estimated outcome's chart is drawn once: the primary ones in their sections, the
    // others in the appendix.
    assertEquals(
        model.metrics().size() - 1,
        count(html, "<img ")
            - count(section("over-time"), "<img ")
            - count(section("segments"), "<img ")
            - count(section("segments-more"), "<img ")
            - count(section("value"), "<img ")
            - count(section("knowledge-flow"), "<img ")
            - count(section("knowledge-details"), "<img "));
  }

  @Test
  void calendarComparisonShowsObservedAndCounterfactual() {
    String section = section("over-time");
    assertTrue(
        section.contains(
            "<th scope=\"row\">2025-02</th><td class=\"num\">18.0</td>"
                + "<td class=\"num\">21.5</td><td class=\"num\">22.0</td>"),
        section);
    assertTrue(section.contains("<th scope=\"row\">2025-03</th><td class=\"num\">n/a</td>"));
    assertTrue(section.contains("(hours, geometric means; n/a: too few people that month)"));
  }

  @Test
  void forestPlotNamesSuppressedSegmentsWithTheThreshold() {
    String section = section("segments");
    assertTrue(
        section.contains(
            "<th scope=\"row\">Intensity: heavy (fewer than 30 people)"
                + "</th><td class=\"num\">n/a</td>"),
        section);
    assertTrue(
        section.contains(
            "<th scope=\"row\">Department: Support</th>"
                + "<td class=\"num\">-25.0</td><td class=\"num\">-33.0 to -16.0</td>"));
    assertTrue(section.contains("Community: &lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @Test
  void knowledgeFlowSummarisesTheCommunities() {
    String section = section("knowledge-flow");
    // 120 + 80 + 40 questions, 96 + 60 + 20 answered; the suppressed month is left out.
    assertTrue(
        section.contains(
            "240 questions were asked in the communities; 73% got an"
                + " answer from a colleague."),
        section);
    // (3.5 x 120 + 4.5 x 80 + 10 x 40) / 240 = 4.9 hours; (0.4x120+0.5x80+0.25x40)/240
    assertTrue(section.contains("within about 4.9 hours"));
    assertTrue(section.contains("41% of answers came from another department"));
    assertTrue(section.contains("70% were social"));
    assertTrue(section.contains("30% formal"));
    String communities = section("knowledge-details");
    assertTrue(
        communities.indexOf("<th scope=\"row\">ask-it</th>")
            < communities.indexOf("<th scope=\"row\">&lt;script&gt;"),
        "busiest community first");
    assertTrue(communities.contains("fewer than 30 helpers"));
  }

  @Test
  void valueSectionHasChartAndEveryRow() {
    String section = section("value-details");
    assertTrue(
        section.contains(
            "<th scope=\"row\">Return on investment</th>"
                + "<td class=\"num\">0%</td><td class=\"num\">-51% to 51%</td>"),
        section);
    assertTrue(
        section.contains(
            "<th scope=\"row\">Programme cost</th>"
                + "<td class=\"num\">EUR 120,000</td><td class=\"num\">n/a</td>"));
    assertEquals(1, count(section("value"), "<img src=\"data:image/svg+xml;base64,"));
  }

  @Test
  void dataQualityHasSourcesReasonsAndWarnings() {
    String section = section("data-quality");
    assertTrue(
        section.contains(
            "<th scope=\"row\">helpdesk_tickets</th><td>csv</td>"
                + "<td class=\"num\">1,204,331</td><td class=\"num\">1,198,002</td>"
                + "<td class=\"num\">4,210</td><td class=\"num\">2,119</td>"),
        section);
    assertTrue(
        section.contains(
            "<th scope=\"row\">service_desk</th><td>opened_at: cannot"
                + " parse</td><td class=\"num\">4,210</td>"));
    assertTrue(section.contains("Source crm_deals arrived 3 hours late."));
  }

  @Test
  void everyChartHasAltTextSizeAndADataTable() {
    Matcher img = IMG.matcher(html);
    int images = 0;
    while (img.find()) {
      images++;
      String attributes = img.group(1);
      assertTrue(attributes.matches(".*alt=\"[^\"]{40,}\".*"), attributes.substring(0, 60));
      assertTrue(attributes.matches(".*width=\"[1-9][0-9]*\" height=\"[1-9][0-9]*\".*"));
      String id = figureId(html, img.start());
      String numbers = html.substring(img.end(), blockEnd(html, img.end()));
      if (!numbers.contains("<table>")) {
        // A chart in the main body: its numbers are in the appendix.
        int elsewhere = html.indexOf("id=\"" + id + "-numbers\"");
        assertTrue(elsewhere > 0, "the numbers of " + id + " in the appendix");
        numbers = html.substring(elsewhere, blockEnd(html, elsewhere + 1));
      }
      assertTrue(numbers.contains("<table>"), "a data table for " + id);
    }
    // 5 event studies, 1 calendar chart, 2 forest plots (two results of the ticket metric),
    // 2 knowledge-flow charts, 1 value chart: each drawn once
    assertEquals(11, images);
    assertEquals(images, images(html));
  }

  @Test
  void methodExplainsAndHasGlossary() {
    String section = section("method");
    for (String s :
        List.of(
            "We compare people who joined a community",
            "fewer than 30 people are not reported",
            "Pre-trend test per outcome",
            "Effect (ATT)",
            "95% confidence interval (CI)",
            "Parallel trends",
            "Counterfactual",
            "Days to close a deal: Only 7 months of follow-up")) {
      assertTrue(section.contains(s), s);
    }
  }

  @Test
  void headingsComeInOrderWithoutSkippingALevel() {
    Matcher h = Pattern.compile("<h([1-6])[ >]").matcher(html);
    int previous = 0;
    int ones = 0;
    while (h.find()) {
      int level = Integer.parseInt(h.group(1));
      assertTrue(level <= previous + 1, "h" + level + " after h" + previous + " at " + h.start());
      ones += level == 1 ? 1 : 0;
      previous = level;
    }
    assertEquals(1, ones, "one h1");
  }

  @Test
  void hostileStringsAreEscapedEverywhere() {
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
    assertFalse(html.contains("<img src=x"));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(html.contains("<title>Social Learning Impact: &lt;script&gt;"));
    assertTrue(html.contains("Community &lt;script&gt;alert(1)&lt;/script&gt; had a data gap"));
  }

  @Test
  void fetchesNothingExternal() {
    List<String> urls = new ArrayList<>();
    Matcher m = Pattern.compile("https?://[^\"'\\s)<>]*").matcher(html);
    while (m.find()) {
      urls.add(m.group());
    }
    assertEquals(List.of(), urls);
    assertFalse(html.contains("<link"));
    assertFalse(html.contains("@import"));
    assertFalse(html.contains("src=\"//"));
    assertTrue(html.contains("default-src 'none'; img-src data:"));
  }

  @Test
  void renderingIsReproducible() {
    // Same model, same bytes: nightly reports can be diffed and cached.
    assertEquals(html, HtmlReport.render(ReportFixture.model()));
  }

  @Test
  void emptyModelStillRenders() {
    String empty = HtmlReport.render(new ReportModel(null, null, null, null, null, null, null, 0));
    assertTrue(empty.contains("<h1>Social learning impact</h1>"));
    assertTrue(empty.contains("No outcomes were estimated in this run."));
    assertTrue(empty.contains("No value figures in this run"));
  }

  private static final Pattern IMG = Pattern.compile("<img (.*?) />");

  static int images(String page) {
    return (int) IMG.matcher(page).results().count();
  }

  /** Everything before the appendix. */
  private static String mainBody() {
    return html.substring(html.indexOf("<body"), html.indexOf("<section id=\"appendix\""));
  }

  /** Where the next figure block or section starts after {@code from}. */
  private static int blockEnd(String page, int from) {
    int figure = page.indexOf("<div class=\"figure-block\"", from);
    int section = page.indexOf("<section ", from);
    int end = page.length();
    for (int at : new int[] {figure, section}) {
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return end;
  }

  /** The id of the figure block an image at {@code at} sits in. */
  private static String figureId(String page, int at) {
    int block = page.lastIndexOf("<div class=\"figure-block\" id=\"", at);
    int start = block + "<div class=\"figure-block\" id=\"".length();
    return page.substring(start, page.indexOf('"', start));
  }

  private static String section(String id) {
    int start = html.indexOf("<section id=\"" + id + "\"");
    assertTrue(start >= 0, id);
    return html.substring(start, html.indexOf("</section>", start));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&#34;")
        .replace("'", "&#39;");
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
