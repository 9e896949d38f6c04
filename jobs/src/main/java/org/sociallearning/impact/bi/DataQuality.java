package org.sociallearning.impact.bi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code data_quality}: per source, what came of its rows (read, accepted, quarantined,
 * deduplicated, skipped), how many identities did not match the roster, the quarantine and skip
 * reasons with their counts, the warn rules that failed, and identities per match rule. Reasons
 * name the rule and field, never the rejected value. The per-rule detail, passing rules too, is
 * {@code quality/checks}.
 */
public final class DataQuality {

  /**
   * One source's figures, as the manifest has them.
   *
   * @param warnings failing rows per warn rule (rules with failures only)
   * @param identityMatches distinct identities per match rule (empty for the roster)
   */
  public record SourceFigures(
      String source,
      String format,
      long read,
      long accepted,
      long quarantined,
      long deduplicated,
      long unmatchedIdentities,
      Map<String, Long> quarantineReasons,
      long skipped,
      Map<String, Long> skipReasons,
      Map<String, Long> warnings,
      Map<String, Long> identityMatches) {

    /** Figures of a source without skipped rows, warnings or identity counts. */
    public SourceFigures(
        String source,
        String format,
        long read,
        long accepted,
        long quarantined,
        long deduplicated,
        long unmatchedIdentities,
        Map<String, Long> quarantineReasons) {
      this(
          source,
          format,
          read,
          accepted,
          quarantined,
          deduplicated,
          unmatchedIdentities,
          quarantineReasons,
          0,
          Map.of(),
          Map.of(),
          Map.of());
    }
  }

  private DataQuality() {}

  public static List<Row> rows(List<SourceFigures> sources) {
    List<Row> out = new ArrayList<>();
    for (SourceFigures s : sources) {
      add(out, s, "rows_read", null, s.read());
      add(out, s, "rows_accepted", null, s.accepted());
      add(out, s, "rows_quarantined", null, s.quarantined());
      add(out, s, "rows_deduplicated", null, s.deduplicated());
      add(out, s, "rows_skipped", null, s.skipped());
      add(out, s, "unmatched_identities", null, s.unmatchedIdentities());
      s.quarantineReasons().forEach((reason, n) -> add(out, s, "quarantine_reason", reason, n));
      s.skipReasons().forEach((reason, n) -> add(out, s, "skip_reason", reason, n));
      s.warnings().forEach((rule, n) -> add(out, s, "quality_warning", rule, n));
      s.identityMatches().forEach((rule, n) -> add(out, s, "identity_match", rule, n));
    }
    return out;
  }

  private static void add(
      List<Row> out, SourceFigures s, String measure, String reason, long rows) {
    Double share =
        "unmatched_identities".equals(measure) || "identity_match".equals(measure) || s.read() == 0
            ? null
            : (double) rows / s.read();
    out.add(RowFactory.create(s.source(), s.format(), measure, reason, rows, share));
  }
}
