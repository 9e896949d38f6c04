package org.sociallearning.impact.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The manifest's {@code privacy} section: what a run withheld and why, read back from the tables it
 * is about to publish (so it reports what readers get, not what the code intended). A row counts as
 * suppressed when its {@code suppressed} column is true, or, in tables without one, when its
 * warnings say so.
 */
public final class PrivacySummary {

  private PrivacySummary() {}

  /**
   * @param keySource where the pseudonym key came from: {@code file}, {@code environment} or {@code
   *     one-off}
   */
  public static Map<String, Object> of(Path runDir, int minGroupSize, String keySource) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("min_group_size", minGroupSize);
    out.put(
        "rule",
        "no published figure rests on fewer than "
            + minGroupSize
            + " people:"
            + " such rows keep their keys with null figures (suppressed); dim_employee values held"
            + " by fewer people are generalised to "
            + org.sociallearning.impact.bi.DimEmployee.GENERALISED);
    out.put("pseudonym_key", keySource);
    out.put("pseudonyms_stable_across_runs", !"one-off".equals(keySource));
    out.put("direct_identifiers_published", false);
    // The smallest group of people sharing one combination of published person attributes,
    // joined on the pseudonym across tables, measured on the files readers get.
    PublishedPersonGroups.smallestGroup(runDir).ifPresent(n -> out.put("smallest_person_group", n));
    // Tables with a row per person (privacy.publish_person_tables, privacy.name_top_helpers).
    out.put(
        "person_tables_published",
        java.util.stream.Stream.of("dim_employee", "top_helpers")
            .filter(t -> Files.exists(runDir.resolve(t + ".csv")))
            .toList());
    Map<String, Map<String, Long>> tables = new TreeMap<>();
    try (Stream<Path> files = Files.list(runDir)) {
      for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        String table = csv.getFileName().toString().replace(".csv", "");
        long[] counts = count(csv);
        if (counts[1] > 0 || counts[2] > 0) {
          Map<String, Long> t = new LinkedHashMap<>();
          t.put("rows", counts[0]);
          t.put("suppressed_rows", counts[1]);
          if (counts[2] > 0) {
            t.put("generalised_values", counts[2]);
          }
          tables.put(table, t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + runDir + ": " + e.getMessage(), e);
    }
    out.put("tables", tables);
    return out;
  }

  /** rows, suppressed rows, cells generalised to (other). */
  private static long[] count(Path csv) throws IOException {
    long rows = 0;
    long suppressed = 0;
    long generalised = 0;
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        var parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      boolean hasFlag = parser.getHeaderMap().containsKey("suppressed");
      boolean hasWarnings = parser.getHeaderMap().containsKey("warnings");
      for (CSVRecord rec : parser) {
        rows++;
        if ((hasFlag && "true".equals(rec.get("suppressed")))
            || (!hasFlag && hasWarnings && rec.get("warnings").contains("suppressed"))) {
          suppressed++;
        }
        for (String value : rec) {
          if (org.sociallearning.impact.bi.DimEmployee.GENERALISED.equals(value)) {
            generalised++;
          }
        }
      }
    }
    return new long[] {rows, suppressed, generalised};
  }
}
