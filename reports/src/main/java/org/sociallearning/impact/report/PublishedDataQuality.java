package org.sociallearning.impact.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** What the report's data-quality section reads: each source's reconciliation and quarantine. */
final class PublishedDataQuality {

  private PublishedDataQuality() {}

  /** Rows lost per source and rule, most first; the values themselves are never shown. */
  static List<QuarantineReason> quarantineReasons(PublishedCsv csv) {
    Map<List<String>, Long> counts = new LinkedHashMap<>();
    for (CSVRecord r : csv.rows("quarantine/quarantine.csv")) {
      counts.merge(List.of(r.get("source"), r.get("reason")), 1L, Long::sum);
    }
    List<QuarantineReason> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(new QuarantineReason(k.get(0), k.get(1), n)));
    out.sort(
        Comparator.comparingLong(QuarantineReason::rows)
            .reversed()
            .thenComparing(QuarantineReason::source)
            .thenComparing(QuarantineReason::reason));
    return out;
  }

  static List<SourceSummary> sources(JsonNode manifest) {
    List<SourceSummary> out = new ArrayList<>();
    for (JsonNode s : manifest.path("sources")) {
      out.add(
          new SourceSummary(
              s.path("source").asText(),
              s.path("format").asText(),
              s.path("rows_read").asLong(),
              s.path("rows_accepted").asLong(),
              s.path("rows_quarantined").asLong(),
              s.path("rows_deduplicated").asLong(),
              s.path("unmatched_identities").asLong(),
              s.path("rows_skipped").asLong()));
    }
    return out;
  }
}
