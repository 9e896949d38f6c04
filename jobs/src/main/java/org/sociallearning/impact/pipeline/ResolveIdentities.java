package org.sociallearning.impact.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.identity.IdentityResolution;
import org.sociallearning.impact.identity.IdentityTables;
import org.sociallearning.impact.identity.RosterDirectory;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.publish.StageLog;

/**
 * Stage 2: matches every row's identities (email, aliases, id mappings, unique names) against the
 * HR roster and adds {@code employee_id}; records per source what matched how, in the manifest and
 * the stage's result. Nobody is guessed: unresolved rows stay unattributed.
 */
public final class ResolveIdentities {

  private ResolveIdentities() {}

  public static Resolved run(StageContext ctx, Ingested ingested) {
    StageLog.Timer t = ctx.log().start();
    Map<String, Dataset<Row>> tables = ingested.acceptedTables(ctx.spark());
    ctx.manifest().put("canonical_rows_by_source", rowsBySource(tables));
    RosterDirectory.Directory directory =
        RosterDirectory.build(ctx.spark(), ctx.config(), tables.get("roster"));
    directory.mappings().problems().forEach(p -> ctx.manifest().warn("identity.id_mappings: " + p));
    Map<String, Dataset<Row>> resolved = new TreeMap<>();
    resolved.put("roster", tables.get("roster"));
    resolved.put("opportunity_history", tables.get("opportunity_history"));
    List<IdentityTables.SourceOutcome> outcomes = new ArrayList<>();
    for (Ingested.SourceIntake s : ingested.intakes()) {
      Intake i = s.intake();
      if ("roster".equals(i.table()) || "opportunity_history".equals(i.table())) {
        continue; // the roster is the directory; stage history names no people
      }
      IdentityResolution.Result r =
          IdentityResolution.resolve(i.accepted(), i.table(), directory.resolver());
      resolved.merge(i.table(), ctx.cache().keep(r.rows()), Dataset::unionByName);
      outcomes.add(new IdentityTables.SourceOutcome(s.key(), i.format(), i.table(), r));
    }
    for (String table : tables.keySet()) {
      resolved.computeIfAbsent(
          table,
          name ->
              tables
                  .get(name)
                  .withColumn(IdentityResolution.EMPLOYEE_ID, lit(null).cast("string")));
    }
    Resolved result = new Resolved(resolved, outcomes);
    record(ctx, ingested, result);
    t.finish(
        "identity",
        ingested.all().stream().mapToLong(Intake::acceptedCount).sum(),
        directory.rosterRows());
    return result;
  }

  /** Per source the manifest's reconciliation and identities, and the run's warnings. */
  private static void record(StageContext ctx, Ingested ingested, Resolved resolved) {
    long unmatched = 0;
    for (Ingested.SourceIntake s : ingested.intakes()) {
      IdentityTables.SourceOutcome o = resolved.identitiesOf(s.key());
      ctx.manifest()
          .source(
              s.key(),
              s.intake(),
              resolved.unmatched(s.key()),
              o == null ? null : IdentityTables.manifestEntry(o));
    }
    for (IdentityTables.SourceOutcome o : resolved.identities()) {
      unmatched += o.result().unresolved();
    }
    for (Sources.ConfiguredSource crm : ctx.config().sources().all()) {
      if ("salesforce-csv".equals(crm.spec().format()) && crm.spec().users() == null) {
        ctx.manifest()
            .warn(
                crm.key()
                    + " has no users file (User.csv): opportunity owners"
                    + " cannot be matched to people, so sales outcomes cannot be attributed");
      }
    }
    if (unmatched > 0) {
      ctx.manifest()
          .warn(
              unmatched
                  + " identities in the exports did not match the HR roster"
                  + " (ambiguous or unmatched; see unresolved_identities); their activity is not"
                  + " attributed to anyone");
    }
  }

  /**
   * Accepted rows per canonical table and source system, for tables that several systems feed
   * (Slack and Viva Engage into forum_interactions): shows each made it into the one table.
   */
  private static Map<String, Map<String, Long>> rowsBySource(Map<String, Dataset<Row>> tables) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
      if (!List.of(e.getValue().columns()).contains("source")) {
        continue;
      }
      Map<String, Long> counts = new TreeMap<>();
      for (Row r : e.getValue().groupBy(col("source")).count().collectAsList()) {
        counts.put(r.getString(0), r.getLong(1));
      }
      out.put(e.getKey(), counts);
    }
    return out;
  }
}
