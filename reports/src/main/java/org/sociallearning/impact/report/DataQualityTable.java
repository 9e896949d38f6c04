package org.sociallearning.impact.report;

import java.util.List;
import java.util.Locale;

/**
 * Writes the "Data quality" section of the publish step (results -> report): per source, how
 * many rows were read, used, quarantined and dropped as duplicates. Shown next to the results
 * because a large quarantine count changes how much weight the estimates deserve.
 */
final class DataQualityTable {

    private DataQualityTable() {
    }

    static void write(HtmlBuilder html, List<SourceSummary> sources) {
        html.open("section", "id", "data-quality", "aria-labelledby", "data-quality-title");
        html.element("h2", "Data quality", "id", "data-quality-title");
        if (sources.isEmpty()) {
            html.element("p", "No source summaries were recorded for this run.",
                    "class", "suppressed");
            html.close("section");
            return;
        }
        html.open("table");
        html.element("caption", "Rows per input source");
        html.open("thead").open("tr");
        html.element("th", "Source", "scope", "col");
        html.element("th", "Format", "scope", "col");
        html.element("th", "Rows read", "scope", "col", "class", "num");
        html.element("th", "Accepted", "scope", "col", "class", "num");
        html.element("th", "Quarantined", "scope", "col", "class", "num");
        html.element("th", "Deduplicated", "scope", "col", "class", "num");
        html.close("tr").close("thead");
        html.open("tbody");
        for (SourceSummary s : sources) {
            html.open("tr");
            html.element("th", s.source(), "scope", "row");
            html.element("td", s.format());
            html.element("td", count(s.rowsRead()), "class", "num");
            html.element("td", count(s.accepted()), "class", "num");
            html.element("td", count(s.quarantined()), "class", "num");
            html.element("td", count(s.deduplicated()), "class", "num");
            html.close("tr");
        }
        html.close("tbody").close("table");
        html.element("p", "Quarantined rows failed validation and were not used. Deduplicated rows"
                + " repeated a row already read and were dropped.");
        html.close("section");
    }

    /** Thousands separators with a fixed locale so the report does not depend on the server. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
