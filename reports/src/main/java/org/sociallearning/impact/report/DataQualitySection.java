package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Section 7 of the report: per source, rows read, accepted, quarantined, deduplicated and
 * identities that matched nobody in the HR roster; the most common quarantine reasons; and the
 * run's warnings. Shown next to the results because a large quarantine count changes how much
 * weight the estimates deserve.
 */
final class DataQualitySection {

  static final int TOP_REASONS = 15;

  private DataQualitySection() {}

  static ReportPage.Quality of(ReportModel model) {
    List<List<String>> sources = new ArrayList<>();
    for (SourceSummary s : model.sources()) {
      sources.add(
          List.of(
              s.source(),
              s.format(),
              ReaderNumbers.count(s.rowsRead()),
              ReaderNumbers.count(s.accepted()),
              ReaderNumbers.count(s.quarantined()),
              ReaderNumbers.count(s.deduplicated()),
              ReaderNumbers.count(s.skipped()),
              ReaderNumbers.count(s.unmatchedIdentities())));
    }
    List<List<String>> reasons = new ArrayList<>();
    for (QuarantineReason r : model.quarantineReasons().stream().limit(TOP_REASONS).toList()) {
      reasons.add(List.of(r.source(), r.reason(), ReaderNumbers.count(r.rows())));
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        "Quarantined rows failed validation and were not used (quarantine/quarantine.csv"
            + " lists each with file, line and reason). Deduplicated rows repeated a row"
            + " already read. Skipped rows were deleted in the source system (soft deletes)."
            + " Rows read = accepted + quarantined + deduplicated + skipped. Unmatched identities are people in a source that could not be"
            + " found in the HR roster (by email, email alias, id mapping or unique name):"
            + " their activity counts for nobody.");
    if (model.quarantineReasons().size() > TOP_REASONS) {
      notes.add(
          "The "
              + TOP_REASONS
              + " most common of "
              + model.quarantineReasons().size()
              + " quarantine reasons are shown.");
    }
    return new ReportPage.Quality(
        new ReportPage.DataTable(
            "Rows per input source",
            List.of(
                "Source",
                "Format",
                "Rows read",
                "Accepted",
                "Quarantined",
                "Deduplicated",
                "Skipped",
                "Unmatched identities"),
            sources,
            2,
            8),
        new ReportPage.DataTable(
            "Most common reasons rows were quarantined",
            List.of("Source", "Reason", "Rows"),
            reasons,
            2,
            3),
        notes,
        model.runWarnings());
  }
}
