package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.trim().endsWith("</html>"));
    }

    @Test
    void containsEveryHeadlineSentenceEscaped() {
        for (MetricResult m : model.metrics()) {
            String sentence = HeadlineSentence.forMetric(m, model.minGroupSize());
            assertTrue(html.contains(HtmlEscape.text(sentence)), sentence);
        }
        assertTrue(html.contains("resolved tickets 18% faster (95% CI 14% to 22%)"));
    }

    @Test
    void warningSitsDirectlyUnderItsSentence() {
        String sentence = HeadlineSentence.forMetric(ReportFixture.slower(), 30);
        int at = html.indexOf(sentence);
        int warning = html.indexOf("Only 7 months of follow-up for the latest cohort.");
        assertTrue(at > 0 && warning > at, "warning after sentence");
        String between = html.substring(at + sentence.length(), warning);
        assertFalse(between.contains("class=\"sentence\""), "no other sentence in between");
        assertTrue(between.contains("class=\"warning\""));
    }

    @Test
    void oneTableRowPerEventStudyPointOfReportedMetrics() {
        int expected = model.metrics().stream()
                .filter(m -> !m.isSuppressed(model.minGroupSize()))
                .mapToInt(m -> m.eventStudy().size()).sum();
        assertEquals(expected, count(html, "<th scope=\"row\" class=\"num\">"));
        // exp(-0.10536) - 1 = -10%, CI exp(-0.10536 -/+ 0.04) - 1 = -13.5% .. -6.3%
        assertTrue(html.contains("<th scope=\"row\" class=\"num\">1</th>\n"
                + "<td class=\"num\">-10.0</td>\n<td class=\"num\">-13.5 to -6.3</td>"), html);
        // Level metric in percentage points.
        assertTrue(html.contains("<th scope=\"row\" class=\"num\">1</th>\n"
                + "<td class=\"num\">4.3</td>\n<td class=\"num\">1.1 to 7.5</td>"));
    }

    @Test
    void suppressedMetricShowsNoChartOrNumbers() {
        assertFalse(html.contains("Customer satisfaction: effect by month"));
        assertEquals(model.metrics().size() - 1,
                count(html, "<img src=\"data:image/svg+xml;base64,"));
    }

    @Test
    void chartsHaveAltText() {
        assertTrue(html.contains("alt=\"Line chart of the effect on time to resolve a ticket (%)"
                + " by month relative to joining, from month -3 to month 3"));
    }

    @Test
    void sourcesTableHasTheNumbers() {
        assertTrue(html.contains("<th scope=\"row\">helpdesk_tickets</th>\n<td>csv</td>\n"
                + "<td class=\"num\">1,204,331</td>\n<td class=\"num\">1,198,002</td>\n"
                + "<td class=\"num\">4,210</td>\n<td class=\"num\">2,119</td>"));
        assertTrue(html.contains("<td class=\"num\">88,410</td>"));
    }

    @Test
    void hostileStringsAreEscapedEverywhere() {
        assertFalse(html.toLowerCase().contains("<script"));
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
            if (!m.group().equals("http://www.w3.org/2000/svg")) {
                urls.add(m.group());
            }
        }
        assertEquals(List.of(), urls);
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("@import"));
        assertFalse(html.contains("src=\"//"));
    }

    @Test
    void hasSectionsAndGlossary() {
        for (String s : List.of("<h2 id=\"headline-title\">Headline</h2>",
                "Effect by month relative to joining</h2>", ">Data quality</h2>", ">Method</h2>",
                "ATT", "95% confidence interval", "Comparison group", "Parallel trends",
                "<time datetime=\"2025-06-30\">2025-06-30</time>. Generated",
                "Source crm_deals arrived 3 hours late.",
                "fewer than 30 people are not reported")) {
            assertTrue(html.contains(s), s);
        }
    }

    @Test
    void renderingIsReproducible() {
        // Same model, same bytes: nightly reports can be diffed and cached.
        assertEquals(html, HtmlReport.render(ReportFixture.model()));
    }

    @Test
    void emptyModelStillRenders() {
        String empty = HtmlReport.render(new ReportModel(null, null, null, null, null, null,
                null, 0));
        assertTrue(empty.contains("<h1>Social Learning Impact report</h1>"));
        assertTrue(empty.contains("No outcomes were estimated in this run."));
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
