package org.sociallearning.impact.report;

/**
 * The report's inline style sheet, kept apart from the markup code of the publish step
 * (results -> report). Inline because the report must open from a file share or mail
 * attachment with no network; system fonts for the same reason.
 */
final class ReportStyle {

    static final String CSS = """
            :root { color-scheme: light; }
            body {
              font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
                Arial, sans-serif;
              font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #fff;
              max-width: 60rem; margin: 0 auto; padding: 1.5rem;
            }
            h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
            h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 2px solid #0072B2; }
            h3 { font-size: 1.15rem; margin-bottom: 0.25rem; }
            .meta { color: #444; margin-top: 0; }
            .sentence { font-size: 1.1rem; margin: 0.25rem 0; }
            .warning {
              margin: 0.25rem 0; padding: 0.25rem 0.5rem;
              border-left: 4px solid #D55E00; background: #fdf1e8;
            }
            .suppressed { color: #444; font-style: italic; }
            figure { margin: 1rem 0; }
            figure img { width: 100%; max-width: 720px; height: auto; display: block; }
            figcaption { color: #444; font-size: 0.9rem; }
            table { border-collapse: collapse; margin: 0.75rem 0 1.5rem; }
            caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
            th, td { border: 1px solid #bbb; padding: 0.25rem 0.6rem; text-align: left; }
            thead th { background: #eef4fa; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            dt { font-weight: 600; margin-top: 0.5rem; }
            dd { margin-left: 1.25rem; }
            footer { margin-top: 3rem; color: #555; font-size: 0.85rem; }
            @media print {
              body { font-size: 11pt; max-width: none; padding: 0; }
              h2 { break-after: avoid; }
              figure, table, .metric { break-inside: avoid; }
              .warning { background: none; }
              thead th { background: none; }
            }
            """;

    private ReportStyle() {
    }
}
