package org.sociallearning.impact.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes one metric's "effect by month relative to joining" block for the publish step
 * (results -> report): the chart, then a table with the same numbers so screen-reader users
 * and anyone copying figures get exact values rather than reading them off a picture.
 */
final class EventStudySection {

    private EventStudySection() {
    }

    static void write(HtmlBuilder html, MetricResult m, int minGroupSize, String anchor) {
        html.open("div", "class", "metric", "id", anchor);
        html.element("h3", m.label());
        if (m.isSuppressed(minGroupSize)) {
            // Month-by-month numbers of a small group are exactly what suppression protects.
            html.element("p", HeadlineSentence.forMetric(m, minGroupSize), "class", "suppressed");
        } else if (m.eventStudy().isEmpty()) {
            html.element("p", "No month-by-month estimates are available for this outcome.",
                    "class", "suppressed");
        } else {
            figure(html, m);
            table(html, m);
        }
        html.close("div");
    }

    private static void figure(HtmlBuilder html, MetricResult m) {
        // An <img> with a data URI rather than inline <svg>: ids inside several inline charts
        // would collide, and the image cannot run anything even if a label were hostile.
        String svg = EventStudyChart.svg(m);
        String src = "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        html.open("figure");
        html.empty("img", "src", src, "alt", altText(m),
                "width", String.valueOf(EventStudyChart.WIDTH),
                "height", String.valueOf(EventStudyChart.HEIGHT));
        html.element("figcaption", "Months before joining (left of the dashed line) show"
                + " whether the two groups were on similar paths beforehand; they should hover"
                + " around zero.");
        html.close("figure");
    }

    static String altText(MetricResult m) {
        int first = m.eventStudy().stream().mapToInt(EventTimePoint::eventTime).min().orElse(0);
        int last = m.eventStudy().stream().mapToInt(EventTimePoint::eventTime).max().orElse(0);
        return "Line chart of the " + HeadlineSentence.midSentence(EventStudyChart.yAxisLabel(m))
                + " by month relative to joining, from month " + first + " to month " + last
                + ", with a shaded 95% confidence interval, a dashed line at joining and a line"
                + " at zero. The table below lists the same values.";
    }

    private static void table(HtmlBuilder html, MetricResult m) {
        String unit = m.displayUnit();
        html.open("table");
        String label = m.label() == null || m.label().isBlank() ? "Outcome" : m.label();
        html.element("caption", label
                + ": effect by month relative to joining (negative months are before joining)");
        html.open("thead").open("tr");
        html.element("th", "Months relative to joining", "scope", "col", "class", "num");
        html.element("th", "Effect (" + unit + ")", "scope", "col", "class", "num");
        html.element("th", "95% CI (" + unit + ")", "scope", "col", "class", "num");
        html.close("tr").close("thead");
        html.open("tbody");
        for (EventTimePoint p : m.eventStudy()) {
            double low = Math.min(m.toDisplay(p.ciLow()), m.toDisplay(p.ciHigh()));
            double high = Math.max(m.toDisplay(p.ciLow()), m.toDisplay(p.ciHigh()));
            html.open("tr");
            html.element("th", String.valueOf(p.eventTime()), "scope", "row", "class", "num");
            html.element("td", number(m.toDisplay(p.estimate())), "class", "num");
            html.element("td", number(low) + " to " + number(high), "class", "num");
            html.close("tr");
        }
        html.close("tbody").close("table");
    }

    /** One decimal, plain ASCII minus so values paste cleanly into spreadsheets. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.1f", value);
        // -0.04 rounds to "-0.0", which reads like a real negative effect.
        return s.equals("-0.0") ? "0.0" : s;
    }
}
