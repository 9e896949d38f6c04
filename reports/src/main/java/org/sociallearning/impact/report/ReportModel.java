package org.sociallearning.impact.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the publish step (results -> report) needs for one nightly report. The Spark job
 * fills it; this module deliberately knows nothing about Spark so the report can be built and
 * tested from plain values.
 *
 * @param title         report title shown at the top of the page
 * @param asOf          the last day of data the estimates use
 * @param generatedAt   when the run produced the report, already formatted for readers
 * @param metrics       one result per outcome, in the order they should appear
 * @param sources       per-source ingestion counts for the "Data quality" table
 * @param runWarnings   warnings about the run as a whole (not tied to one metric)
 * @param method        a plain-words paragraph describing the method
 * @param minGroupSize  smallest group (treated or comparison) we are willing to report on
 */
public record ReportModel(
        String title,
        LocalDate asOf,
        String generatedAt,
        List<MetricResult> metrics,
        List<SourceSummary> sources,
        List<String> runWarnings,
        String method,
        int minGroupSize) {

    public ReportModel {
        // Copies so a model handed to the renderer cannot change under it; null lists are
        // treated as "nothing to show" rather than failing the whole report.
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        sources = sources == null ? List.of() : List.copyOf(sources);
        runWarnings = runWarnings == null ? List.of() : List.copyOf(runWarnings);
    }
}
