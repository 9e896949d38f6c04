package org.sociallearning.impact.pipeline;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.bi.DataQuality;
import org.sociallearning.impact.bi.DimCommunity;
import org.sociallearning.impact.bi.DimEmployee;
import org.sociallearning.impact.bi.OutcomesMonthly;
import org.sociallearning.impact.bi.ParticipationMonthly;
import org.sociallearning.impact.bi.PersonAnonymity;
import org.sociallearning.impact.identity.IdentityResolution;
import org.sociallearning.impact.identity.IdentityTables;
import org.sociallearning.impact.identity.MatchRule;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.participation.CommunityPatterns;
import org.sociallearning.impact.publish.StageLog;

/**
 * Dimensions and monthly facts for dashboards (see the bi package), the data-quality summary and
 * the identity tables: aggregates with small cells suppressed, people only under pseudonyms.
 * Outcome facts read each metric's items from the outcomes stage.
 */
final class DashboardTables {

  private DashboardTables() {}

  /** Where the person table's generalisation waits for the manifest's privacy section. */
  static final String PERSON_TABLE_PRIVACY = "person_table_privacy";

  static void add(
      StageContext ctx,
      Ingested ingested,
      Resolved resolved,
      Participation participation,
      Outcomes outcomes,
      PublishedTables tables) {
    int minGroup = ctx.config().estimation().minGroupSize();
    StageLog.Timer t = ctx.log().start();
    Dataset<Row> roster = resolved.table("roster");
    // A row per person: published only when privacy.publish_person_tables asks for it.
    if (ctx.config().privacy().publishPersonTables()) {
      PersonAnonymity.Outcome people =
          PersonAnonymity.apply(
              ctx.spark(),
              DimEmployee.of(
                  roster,
                  participation.participants(),
                  ctx.config().asOf(),
                  ctx.pseudonymKey().pseudonyms(),
                  minGroup),
              minGroup);
      tables.add("dim_employee", people.people());
      Map<String, Object> said = new LinkedHashMap<>();
      said.put("table", "dim_employee");
      said.put("attributes", PersonAnonymity.ATTRIBUTES);
      said.put("generalised", people.generalised());
      said.put("suppressed_rows", people.suppressedRows());
      said.put("withheld_rows", people.withheldRows());
      said.put("smallest_group", people.smallestGroup());
      ctx.manifest().put(PERSON_TABLE_PRIVACY, said);
    }
    tables.add(
        "dim_community",
        DimCommunity.of(
            resolved.table("forum_interactions"),
            CommunityPatterns.regex(ctx.config().participation().communities()),
            minGroup));
    tables.add(
        "fact_participation_monthly",
        ParticipationMonthly.of(
            participation.interactions(), participation.participants(), minGroup));
    t.finish("dimensions", -1, ctx.config().privacy().publishPersonTables() ? 3 : 2);
    t = ctx.log().start();
    Map<String, Dataset<Row>> facts = new LinkedHashMap<>();
    for (Outcomes.MetricOutcome outcome : outcomes.metrics()) {
      if (outcome.items() == null) {
        continue; // volume diagnostics count items; they have no item values to describe
      }
      String table =
          "service_tickets".equals(outcome.metric().sourceTable())
              ? "fact_service_outcomes_monthly"
              : "fact_sales_outcomes_monthly";
      Dataset<Row> fact =
          OutcomesMonthly.of(
              outcome.metric().definition(),
              outcome.items().filter(col(IdentityResolution.EMPLOYEE_ID).isNotNull()),
              roster,
              participation.participants(),
              participation.triedIt(),
              minGroup);
      facts.merge(table, fact, Dataset::unionByName);
    }
    for (String table : List.of("fact_service_outcomes_monthly", "fact_sales_outcomes_monthly")) {
      // Without its sources a fact table is published empty, in its contract's shape.
      if (facts.containsKey(table)) {
        tables.add(table, facts.get(table));
      } else {
        tables.add(table, List.of());
      }
    }
    t.finish("outcome facts", outcomes.metrics().size(), 2);
    t = ctx.log().start();
    tables.add("data_quality", DataQuality.rows(figures(ingested, resolved)));
    tables.add("identity_resolution", IdentityTables.resolutionRows(resolved.identities()));
    tables.add("unresolved_identities", IdentityTables.unresolvedCounts(resolved.identities()));
    tables.addQualityFile(
        UNRESOLVED_IDENTITY_LIST,
        IdentityTables.unresolvedRows(resolved.identities(), ctx.pseudonymKey().pseudonyms()));
    t.finish("quality and identity tables", ingested.intakes().size(), 3);
  }

  /** The contract of the analyst's list of unresolved identities, quality/unresolved_identities. */
  static final String UNRESOLVED_IDENTITY_LIST = "unresolved_identity_list";

  private static List<DataQuality.SourceFigures> figures(Ingested ingested, Resolved resolved) {
    List<DataQuality.SourceFigures> figures = new ArrayList<>();
    for (Ingested.SourceIntake s : ingested.intakes()) {
      Intake i = s.intake();
      figures.add(
          new DataQuality.SourceFigures(
              s.key(),
              i.format(),
              i.read(),
              i.acceptedCount(),
              i.quarantined(),
              i.deduplicated(),
              resolved.unmatched(s.key()),
              Ingested.quarantineReasons(i, Integer.MAX_VALUE),
              i.skipped(),
              i.skipReasons(),
              Ingested.failingWarnRules(i),
              identityMatches(resolved.identitiesOf(s.key()))));
    }
    return figures;
  }

  /** Identities per match rule of one source (empty for the roster). */
  private static Map<String, Long> identityMatches(IdentityTables.SourceOutcome o) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (o != null) {
      o.result()
          .countsByRule()
          .forEach(
              (rule, c) -> {
                if (rule != MatchRule.NO_IDENTITY) {
                  out.put(rule.label(), c[0]);
                }
              });
    }
    return out;
  }
}
