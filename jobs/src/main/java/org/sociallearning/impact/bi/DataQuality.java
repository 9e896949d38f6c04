package org.sociallearning.impact.bi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code data_quality}: per source, what came of its rows (read, accepted, quarantined,
 * deduplicated), how many identities did not match the roster, and the quarantine reasons with
 * their counts. Reasons name the rule and field, never the rejected value.
 */
public final class DataQuality {

  /** One source's figures, as the manifest has them. */
  public record SourceFigures(String source, String format, long read, long accepted,
      long quarantined, long deduplicated, long unmatchedIdentities,
      Map<String, Long> quarantineReasons) {}

  private DataQuality() {}

  public static List<Row> rows(List<SourceFigures> sources) {
    List<Row> out = new ArrayList<>();
    for (SourceFigures s : sources) {
      add(out, s, "rows_read", null, s.read());
      add(out, s, "rows_accepted", null, s.accepted());
      add(out, s, "rows_quarantined", null, s.quarantined());
      add(out, s, "rows_deduplicated", null, s.deduplicated());
      add(out, s, "unmatched_identities", null, s.unmatchedIdentities());
      s.quarantineReasons().forEach((reason, n) -> add(out, s, "quarantine_reason", reason, n));
    }
    return out;
  }

  private static void add(List<Row> out, SourceFigures s, String measure, String reason,
      long rows) {
    Double share = "unmatched_identities".equals(measure) || s.read() == 0 ? null
        : (double) rows / s.read();
    out.add(RowFactory.create(s.source(), s.format(), measure, reason, rows, share));
  }
}
