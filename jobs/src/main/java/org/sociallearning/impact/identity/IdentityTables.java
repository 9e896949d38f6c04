package org.sociallearning.impact.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.sociallearning.impact.privacy.Pseudonyms;

/**
 * What identity resolution found, for people to act on: counts per source and match rule ({@code
 * identity_resolution}) and the unresolved identities under keyed pseudonyms ({@code
 * unresolved_identities}, and the manifest). Never an email or a name.
 */
public final class IdentityTables {

  /** One source's resolution outcome, labelled for output. */
  public record SourceOutcome(
      String key, String format, String table, IdentityResolution.Result result) {}

  private IdentityTables() {}

  public static List<Row> resolutionRows(List<SourceOutcome> outcomes) {
    List<Row> out = new ArrayList<>();
    for (SourceOutcome o : outcomes) {
      o.result()
          .countsByRule()
          .forEach(
              (rule, c) ->
                  out.add(
                      RowFactory.create(o.key(), o.format(), o.table(), rule.label(), c[0], c[1])));
    }
    return out;
  }

  /**
   * The published {@code unresolved_identities}: per source, kind, outcome and reason, how many
   * identities and rows (no identity listed: one row per identity would pick people out).
   */
  public static List<Row> unresolvedCounts(List<SourceOutcome> outcomes) {
    List<Row> out = new ArrayList<>();
    for (SourceOutcome o : outcomes) {
      Map<Reason, long[]> counts = new java.util.TreeMap<>(Reason.ORDER);
      for (IdentityResolution.Resolved r : unresolvedOf(o)) {
        long[] c =
            counts.computeIfAbsent(
                new Reason(r.identity().kind(), r.match().rule().label(), r.match().detail()),
                k -> new long[2]);
        c[0]++;
        c[1] += r.rows();
      }
      counts.forEach(
          (k, c) ->
              out.add(
                  RowFactory.create(
                      o.key(),
                      o.format(),
                      o.table(),
                      k.kind(),
                      k.outcome(),
                      k.detail(),
                      c[0],
                      c[1])));
    }
    return out;
  }

  /** What the published counts are per: the identity's kind, outcome and the reason. */
  private record Reason(String kind, String outcome, String detail) {
    static final Comparator<Reason> ORDER =
        Comparator.comparing(Reason::kind)
            .thenComparing(Reason::outcome)
            .thenComparing(Reason::detail, Comparator.nullsFirst(Comparator.naturalOrder()));
  }

  /**
   * The analyst's list in the run's quality folder ({@code unresolved_identity_list}): each
   * unresolved identity under its keyed pseudonym.
   */
  public static List<Row> unresolvedRows(List<SourceOutcome> outcomes, Pseudonyms pseudonyms) {
    List<Row> out = new ArrayList<>();
    for (SourceOutcome o : outcomes) {
      for (IdentityResolution.Resolved r : unresolved(o, pseudonyms)) {
        out.add(
            RowFactory.create(
                o.key(),
                o.format(),
                o.table(),
                pseudonyms.of(r.identity().key()),
                r.identity().kind(),
                r.match().rule().label(),
                r.match().detail(),
                r.rows()));
      }
    }
    return out;
  }

  /**
   * The manifest's view of one source: counts per rule and how many identities are unresolved. The
   * unresolved identities themselves are listed only in the run's quality folder ({@code
   * quality/unresolved_identities.csv}): one entry per identity with its row count would pick
   * people out of the manifest too.
   */
  public static Map<String, Object> manifestEntry(SourceOutcome o) {
    Map<String, Object> byRule = new LinkedHashMap<>();
    o.result()
        .countsByRule()
        .forEach(
            (rule, c) -> {
              Map<String, Object> counts = new LinkedHashMap<>();
              counts.put("identities", c[0]);
              counts.put("rows", c[1]);
              byRule.put(rule.label(), counts);
            });
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("by_match_rule", byRule);
    entry.put("unresolved_total", unresolvedOf(o).size());
    entry.put("unresolved_list", "quality/unresolved_identities.csv");
    return entry;
  }

  /**
   * Ambiguous and unmatched identities of a source, most rows first, then by pseudonym (an order by
   * email would leak the alphabet).
   */
  static List<IdentityResolution.Resolved> unresolved(SourceOutcome o, Pseudonyms pseudonyms) {
    List<IdentityResolution.Resolved> out = unresolvedOf(o);
    out.sort(
        Comparator.comparingLong(IdentityResolution.Resolved::rows)
            .reversed()
            .thenComparing(r -> pseudonyms.of(r.identity().key())));
    return out;
  }

  /** Ambiguous and unmatched identities of a source, each once with all its rows. */
  private static List<IdentityResolution.Resolved> unresolvedOf(SourceOutcome o) {
    Map<String, IdentityResolution.Resolved> byKey = new LinkedHashMap<>();
    for (IdentityResolution.Resolved r : o.result().identities()) {
      MatchRule rule = r.match().rule();
      if (rule != MatchRule.AMBIGUOUS && rule != MatchRule.UNMATCHED) {
        continue;
      }
      byKey.merge(
          r.identity().key(),
          r,
          (a, b) -> new IdentityResolution.Resolved(a.identity(), a.rows() + b.rows(), a.match()));
    }
    return new ArrayList<>(byKey.values());
  }
}
