package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the whole impact report as one self-contained HTML5 page; the centre of the publish
 * step (results -> report). No scripts, no external fetches: styles are inline and charts are
 * data URIs, so the file can be mailed, archived or opened offline and will look the same.
 *
 * <p>Order of the page follows what a reader needs: the answer first (headline sentences with
 * their caveats beside them), then the evidence (event studies), then how far to trust the
 * inputs (data quality) and how the numbers were made (method).
 */
public final class HtmlReport {

    private static final String DEFAULT_TITLE = "Social Learning Impact report";

    /**
     * Belt and braces on top of escaping: even if hostile text ever slipped through, the page
     * could not run scripts or load anything from the network.
     */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private HtmlReport() {
    }

    public static String render(ReportModel model) {
        String title = model.title() == null || model.title().isBlank()
                ? DEFAULT_TITLE : model.title();
        List<String> anchors = anchors(model.metrics());
        HtmlBuilder html = new HtmlBuilder().doctype();
        html.open("html", "lang", "en");
        head(html, title);
        html.open("body");
        header(html, model, title);
        html.open("main");
        runWarnings(html, model.runWarnings());
        headline(html, model, anchors);
        eventStudies(html, model, anchors);
        DataQualityTable.write(html, model.sources());
        MethodSection.write(html, model);
        html.close("main");
        html.element("footer", "Produced by the Social Learning Impact nightly job. Estimates are"
                + " averages for groups of people, not judgements of any individual.");
        html.close("body").close("html");
        return html.toString();
    }

    private static void head(HtmlBuilder html, String title) {
        html.open("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.empty("meta", "http-equiv", "Content-Security-Policy",
                "content", CONTENT_SECURITY_POLICY);
        html.element("title", title);
        html.style(ReportStyle.CSS);
        html.close("head");
    }

    private static void header(HtmlBuilder html, ReportModel model, String title) {
        html.open("header");
        html.element("h1", title);
        html.open("p", "class", "meta");
        if (model.asOf() != null) {
            html.text("Data up to ");
            html.element("time", model.asOf().toString(), "datetime", model.asOf().toString());
            html.text(". ");
        }
        if (model.generatedAt() != null && !model.generatedAt().isBlank()) {
            html.text("Generated " + model.generatedAt() + ".");
        }
        html.close("p");
        html.close("header");
    }

    private static void runWarnings(HtmlBuilder html, List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        html.open("section", "id", "run-warnings", "aria-labelledby", "run-warnings-title");
        html.element("h2", "Warnings about this run", "id", "run-warnings-title");
        for (String w : warnings) {
            warning(html, w);
        }
        html.close("section");
    }

    private static void headline(HtmlBuilder html, ReportModel model, List<String> anchors) {
        html.open("section", "id", "headline", "aria-labelledby", "headline-title");
        html.element("h2", "Headline", "id", "headline-title");
        if (model.metrics().isEmpty()) {
            html.element("p", "No outcomes were estimated in this run.", "class", "suppressed");
        }
        for (int i = 0; i < model.metrics().size(); i++) {
            MetricResult m = model.metrics().get(i);
            html.open("div", "class", "metric-headline");
            html.element("h3", m.label());
            html.element("p", HeadlineSentence.forMetric(m, model.minGroupSize()),
                    "class", "sentence");
            // Caveats sit directly under the sentence they qualify, not in a footnote.
            for (String w : m.warnings()) {
                warning(html, w);
            }
            if (!m.isSuppressed(model.minGroupSize())) {
                html.open("p").open("a", "href", "#" + anchors.get(i))
                        .text("Effect by month for " + HeadlineSentence.midSentence(m.label()))
                        .close("a").close("p");
            }
            html.close("div");
        }
        html.close("section");
    }

    private static void eventStudies(HtmlBuilder html, ReportModel model, List<String> anchors) {
        if (model.metrics().isEmpty()) {
            return;
        }
        html.open("section", "id", "event-studies", "aria-labelledby", "event-studies-title");
        html.element("h2", "Effect by month relative to joining", "id", "event-studies-title");
        for (int i = 0; i < model.metrics().size(); i++) {
            EventStudySection.write(html, model.metrics().get(i), model.minGroupSize(),
                    anchors.get(i));
        }
        html.close("section");
    }

    static void warning(HtmlBuilder html, String text) {
        html.open("p", "class", "warning", "role", "note");
        html.element("span", "\u26A0 ", "aria-hidden", "true");
        html.text("Warning: " + text);
        html.close("p");
    }

    /**
     * Fragment ids from metric names, reduced to safe characters and numbered so two metrics
     * with odd or equal names still get distinct targets.
     */
    private static List<String> anchors(List<MetricResult> metrics) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            String name = metrics.get(i).metric() == null ? "" : metrics.get(i).metric();
            String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-+|-+$)", "");
            ids.add("effect-" + (i + 1) + (slug.isEmpty() ? "" : "-" + slug));
        }
        return ids;
    }
}
