package org.sociallearning.impact.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  static final String ROSTER =
      """
      sources:
        roster:
          format: hr-csv
          path: roster/workers.csv
          columns: {employee_id: Employee ID, email: Work Email}
      """;

  private Path write(String yaml) throws Exception {
    Files.createDirectories(dir.resolve("roster"));
    Files.writeString(dir.resolve("roster/workers.csv"), "Employee ID,Work Email\n");
    Path file = dir.resolve("pipeline.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private ConfigException failure(String yaml) throws Exception {
    Path file = write(yaml);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
  }

  @Test
  void relativePathsResolveAgainstTheConfigFolderAndDefaultsApply() throws Exception {
    PipelineConfig c =
        ConfigLoader.load(
            write("as_of: 2026-11-01\n" + ROSTER + "participation: {communities: [\"ask-*\"]}\n"));
    assertEquals(LocalDate.of(2026, 11, 1), c.asOf());
    assertEquals(dir.resolve("out"), c.output());
    assertEquals(dir.resolve("roster/workers.csv"), c.resolve(c.sources().roster().path()));
    assertEquals(3, c.participation().minInteractions());
    assertEquals(999, c.estimation().bootstrapReplicates());
    assertEquals(5, c.estimation().minGroupSize());
    assertEquals(-0.10, c.estimation().detectableRelativeEffect(), 0.0);
    assertEquals("universal", c.estimation().basePeriod());
    assertEquals("UTC", c.sources().roster().timezone());
    assertEquals(64, c.digest().length());
  }

  @Test
  void asOfDefaultsToTodayUtc() throws Exception {
    PipelineConfig c = ConfigLoader.load(write(ROSTER + "participation: {communities: [x]}\n"));
    assertEquals(LocalDate.now(java.time.ZoneOffset.UTC), c.asOf());
  }

  @Test
  void unknownKeysAreErrorsThatNameTheKey() throws Exception {
    ConfigException e = failure(ROSTER + "participation: {communities: [x], min_interaction: 2}\n");
    assertTrue(
        e.getMessage().startsWith("unknown key 'participation.min_interaction'"), e.getMessage());
    assertTrue(e.getMessage().contains("min_interactions"), "lists the allowed keys");
    e =
        failure(
            ROSTER.replace("columns: {", "columns: {department_name: Dept, ")
                + "participation: {communities: [x]}\n");
    assertTrue(e.getMessage().contains("sources.roster.columns.department_name"), e.getMessage());
  }

  @Test
  void badValuesNameTheKey() throws Exception {
    assertTrue(
        failure("as_of: 01/11/2026\n" + ROSTER).getMessage().startsWith("as_of must be a date"));
    assertTrue(
        failure(ROSTER + "participation: {communities: [x], min_interactions: zero}\n")
            .getMessage()
            .contains("participation.min_interactions"));
    assertTrue(
        failure(ROSTER + "participation: {communities: [x]}\nestimation: {min_group_size: 2}\n")
            .getMessage()
            .startsWith("estimation.min_group_size must be at least 3"));
    assertTrue(
        failure(
                ROSTER
                    + "  forum: [{format: teams-export, path: roster}]\n"
                    + "participation: {communities: [x]}\n")
            .getMessage()
            .startsWith(
                "sources.forum[0].format must be one of [discourse-export, slack-export,"
                    + " stackexchange-dump, viva-engage-export]"));
    assertTrue(
        failure(
                ROSTER
                    + "  service_desk: [{format: servicenow-csv, path: roster/workers.csv,"
                    + " timezone: Mars/Olympus}]\nparticipation: {communities: [x]}\n")
            .getMessage()
            .startsWith("sources.service_desk[0].timezone must be an IANA zone"));
    assertTrue(
        failure(
                ROSTER
                    + "  crm: [{format: salesforce-csv, path: sf/Opportunity.csv}]\n"
                    + "participation: {communities: [x]}\n")
            .getMessage()
            .startsWith("sources.crm[0].path points to " + dir.resolve("sf/Opportunity.csv")));
    assertTrue(failure("output: x\n").getMessage().startsWith("sources.roster is required"));
    assertTrue(
        failure(ROSTER + "participation: {communities: [x]}\nestimation: {control: all}\n")
            .getMessage()
            .startsWith("estimation.control must be 'never'"));
    assertTrue(
        failure(ROSTER + "participation: {communities: [x]}\nestimation: {anticipation: -1}\n")
            .getMessage()
            .startsWith("estimation.anticipation must be 0 to 6"));
    assertTrue(
        failure(
                ROSTER
                    + "participation: {communities: [x]}\n"
                    + "estimation: {detectable_relative_effect: 0}\n")
            .getMessage()
            .startsWith("estimation.detectable_relative_effect must be a relative change"));
    assertEquals(
        "estimation.base_period must be 'universal' (every month against the month before"
            + " joining) or 'varying' (each month before joining against the month before it), got 'fixed'",
        failure(ROSTER + "participation: {communities: [x]}\nestimation: {base_period: fixed}\n")
            .getMessage());
    assertEquals(
        "varying",
        ConfigLoader.load(
                write(
                    ROSTER
                        + "participation: {communities: [x]}\n"
                        + "estimation: {base_period: varying}\n"))
            .estimation()
            .basePeriod());
    assertTrue(
        failure("output: .\n" + ROSTER + "participation: {communities: [x]}\n")
            .getMessage()
            .startsWith("output must be a folder of its own"));
    assertTrue(
        failure("output: roster\n" + ROSTER + "participation: {communities: [x]}\n")
            .getMessage()
            .startsWith("output (" + dir.resolve("roster") + ") overlaps sources.roster"));
  }

  @Test
  void estimationMethodDefaultsToStrataForAttributesAndTenureNeedsACovariateMethod()
      throws Exception {
    String participation = ROSTER + "participation: {communities: [x]}\n";
    EstimationSettings explicit =
        ConfigLoader.load(write(participation + "estimation: {covariates: [department]}\n"))
            .estimation();
    assertEquals("strata", explicit.method());
    assertTrue(explicit.stratifies());
    EstimationSettings dr =
        ConfigLoader.load(
                write(
                    participation
                        + "estimation: {covariates: [department, tenure_months], method: dr}\n"))
            .estimation();
    assertEquals("dr", dr.method());
    assertEquals(java.util.List.of("department", "tenure_months"), dr.covariates());
    // Tenure alone, or beside roster attributes, takes the doubly robust method when none is set.
    EstimationSettings tenureMonths =
        ConfigLoader.load(
                write(participation + "estimation: {covariates: [department, tenure_months]}\n"))
            .estimation();
    assertEquals("dr", tenureMonths.method());
    assertTrue(
        failure(participation + "estimation: {covariates: [tenure_months], method: strata}\n")
            .getMessage()
            .startsWith(
                "estimation.covariates: 'tenure_months' is computed per comparison and needs"));
    assertTrue(
        failure(participation + "estimation: {covariates: [department], method: psm}\n")
            .getMessage()
            .startsWith("estimation.method must be 'strata'"));
    assertTrue(
        failure(participation + "estimation: {covariates: [salary], method: dr}\n")
            .getMessage()
            .contains("got 'salary'"));
  }

  /**
   * Without estimation.covariates the job compares colleagues of the same tenure (doubly robust,
   * tenure bands); an empty list, or strata alone, switches that off.
   */
  @Test
  void tenureBandsAreTheDefaultAndAnEmptyListSwitchesThemOff() throws Exception {
    String participation = ROSTER + "participation: {communities: [x]}\n";
    EstimationSettings defaults = ConfigLoader.load(write(participation)).estimation();
    assertEquals(java.util.List.of("tenure_bands"), defaults.covariates());
    assertEquals("dr", defaults.method());
    assertEquals(0, defaults.excludeMonthsAfterHire());
    EstimationSettings off =
        ConfigLoader.load(write(participation + "estimation: {covariates: []}\n")).estimation();
    assertEquals(java.util.List.of(), off.covariates());
    assertEquals("strata", off.method());
    EstimationSettings strataAlone =
        ConfigLoader.load(write(participation + "estimation: {method: strata}\n")).estimation();
    assertEquals(java.util.List.of(), strataAlone.covariates());
    EstimationSettings regression =
        ConfigLoader.load(write(participation + "estimation: {method: reg}\n")).estimation();
    assertEquals(java.util.List.of("tenure_bands"), regression.covariates());
    assertEquals("reg", regression.method());
    EstimationSettings tenure =
        ConfigLoader.load(
                write(participation + "estimation: {covariates: [tenure_bands], method: dr}\n"))
            .estimation();
    assertEquals(java.util.List.of("tenure_bands"), tenure.covariates());
    assertEquals("dr", tenure.method());
    assertTrue(
        failure(participation + "estimation: {covariates: [tenure_bands], method: strata}\n")
            .getMessage()
            .startsWith("estimation.covariates: 'tenure_bands' is computed per comparison"));
    assertTrue(
        failure(
                participation
                    + "estimation: {covariates: [tenure_bands, tenure_months], method: dr}\n")
            .getMessage()
            .contains("not both"));
  }

  @Test
  void primaryMetricsDefaultToTheBriefsQuestionsAndMustBeOutcomes() throws Exception {
    String participation = ROSTER + "participation: {communities: [x]}\n";
    assertEquals(
        java.util.List.of("time_to_resolve_hours", "sales_cycle_days", "win_rate"),
        ConfigLoader.load(write(participation)).report().primaryMetrics());
    assertEquals(
        java.util.List.of("sla_attainment", "win_rate"),
        ConfigLoader.load(
                write(participation + "report: {primary_metrics: [sla_attainment, win_rate]}\n"))
            .report()
            .primaryMetrics());
    String unknown = failure(participation + "report: {primary_metrics: [nps]}\n").getMessage();
    assertTrue(
        unknown.startsWith("report.primary_metrics: 'nps' is not an outcome (one of "), unknown);
    assertTrue(
        failure(participation + "report: {primary_metrics: [win_rate, win_rate]}\n")
            .getMessage()
            .contains("twice"));
    assertEquals("en", ConfigLoader.load(write(participation)).report().locale());
    assertEquals(
        "de", ConfigLoader.load(write(participation + "report: {locale: de}\n")).report().locale());
    assertEquals(
        "report.locale must be one of en, de, fr, got 'es'",
        failure(participation + "report: {locale: es}\n").getMessage());
  }

  @Test
  void personTablesAreOptInAndNamingHelpersNeedsThem() throws Exception {
    String participation = ROSTER + "participation: {communities: [x]}\n";
    PrivacySettings defaults = ConfigLoader.load(write(participation)).privacy();
    assertFalse(defaults.publishPersonTables());
    assertFalse(defaults.nameTopHelpers());
    PrivacySettings both =
        ConfigLoader.load(
                write(
                    participation
                        + "privacy: {publish_person_tables: true, name_top_helpers: true}\n"))
            .privacy();
    assertTrue(both.publishPersonTables() && both.nameTopHelpers());
    assertEquals(
        "privacy.name_top_helpers: true needs privacy.publish_person_tables: true (top_helpers is"
            + " a table of people)",
        failure(participation + "privacy: {name_top_helpers: true}\n").getMessage());
  }

  @Test
  void everySourceHasItsOwnNameKeyingItsIds() throws Exception {
    String two =
        ROSTER
            + "  service_desk:\n"
            + "    - {format: servicenow-csv, path: roster/workers.csv}\n"
            + "    - {format: servicenow-csv, path: roster/workers.csv, name: emea}\n"
            + "participation: {communities: [x]}\n";
    List<Sources.ConfiguredSource> sources = ConfigLoader.load(write(two)).sources().all();
    assertEquals("roster", sources.get(0).name());
    assertEquals("service_desk[0]", sources.get(1).name(), "default: the config key");
    assertEquals("emea", sources.get(2).name());
    assertEquals(
        "sources.service_desk[1].name: 'service_desk[0]' is also the name of"
            + " sources.service_desk[0]; each source needs its own (it keys the source's ids)",
        failure(two.replace("name: emea", "name: \"service_desk[0]\"")).getMessage());
  }

  @Test
  void excludeMonthsAfterHireIsZeroToTwentyFour() throws Exception {
    String participation = ROSTER + "participation: {communities: [x]}\n";
    assertEquals(
        3,
        ConfigLoader.load(write(participation + "estimation: {exclude_months_after_hire: 3}\n"))
            .estimation()
            .excludeMonthsAfterHire());
    assertTrue(
        failure(participation + "estimation: {exclude_months_after_hire: 25}\n")
            .getMessage()
            .startsWith("estimation.exclude_months_after_hire must be 0 to 24 months, got 25"));
    assertTrue(
        failure(participation + "estimation: {exclude_months_after_hire: -1}\n")
            .getMessage()
            .contains("got -1"));
  }

  /** effort_field: a Zendesk ticket field id, read only by zendesk-json. */
  @Test
  void effortFieldIsAZendeskTicketFieldIdAndNamedInEveryError() throws Exception {
    Files.createDirectories(dir.resolve("tickets"));
    String zendesk =
        ROSTER
            + "  service_desk: [{format: zendesk-json, path: tickets/,"
            + " effort_field: %s}]\nparticipation: {communities: [x]}\n";
    PipelineConfig c = ConfigLoader.load(write(zendesk.formatted("360001234567")));
    assertEquals("360001234567", c.sources().serviceDesk().get(0).effortField());
    assertEquals(
        "360001234567",
        ConfigLoader.load(write(zendesk.formatted("\"360001234567\"")))
            .sources()
            .serviceDesk()
            .get(0)
            .effortField(),
        "quoted or not");
    assertEquals(
        null,
        ConfigLoader.load(write(zendesk.replace(", effort_field: %s", "")))
            .sources()
            .serviceDesk()
            .get(0)
            .effortField(),
        "optional");
    for (String bad : new String[] {"abc", "-5", "0", "1.5", "12345678901234567890", "\"\""}) {
      ConfigException e = failure(zendesk.formatted(bad));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "sources.service_desk[0].effort_field must be the"
                      + " numeric id of a ticket field"),
          bad + ": " + e.getMessage());
    }
    ConfigException e =
        failure(
            ROSTER
                + "  service_desk: [{format: jira-sm-csv,"
                + " path: roster/workers.csv, effort_field: 360001234567}]\n"
                + "participation: {communities: [x]}\n");
    assertTrue(
        e.getMessage()
            .startsWith("sources.service_desk[0].effort_field is only read by" + " zendesk-json"),
        e.getMessage());
    e =
        failure(
            ROSTER
                + "  service_desk: [{format: zendesk-json, path: tickets/,"
                + " effort_fields: 360001234567}]\nparticipation: {communities: [x]}\n");
    assertTrue(
        e.getMessage().startsWith("unknown key 'sources.service_desk[0].effort_fields'"),
        e.getMessage());
  }

  @Test
  void inputsOutsideTheInputRootsAreRefusedWhetherByDotDotOrByLink() throws Exception {
    Path outside = dir.getParent().resolve(dir.getFileName() + "-elsewhere");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("secrets.csv"), "Employee ID,Work Email\n");
    String viaDots =
        ROSTER.replace(
                "path: roster/workers.csv", "path: ../" + outside.getFileName() + "/secrets.csv")
            + "participation: {communities: [x]}\n";
    ConfigException e = failure(viaDots);
    assertTrue(
        e.getMessage().startsWith("sources.roster.path (../")
            && e.getMessage().contains("outside the input roots"),
        e.getMessage());

    Files.createSymbolicLink(dir.resolve("linked.csv"), outside.resolve("secrets.csv"));
    e =
        failure(
            ROSTER.replace("path: roster/workers.csv", "path: linked.csv")
                + "participation: {communities: [x]}\n");
    assertTrue(e.getMessage().contains("resolves to " + outside.toRealPath()), e.getMessage());

    PipelineConfig allowed =
        ConfigLoader.load(write("input_roots: [., ../" + outside.getFileName() + "]\n" + viaDots));
    assertEquals(
        outside.resolve("secrets.csv").normalize(),
        allowed.resolve(allowed.sources().roster().path()));
  }

  @Test
  void identityAndQualitySettingsAreReadAndCheckedByKey() throws Exception {
    String communities = "participation: {communities: [\"ask-*\"]}\n";
    PipelineConfig c =
        ConfigLoader.load(
            write(
                ROSTER
                    + communities
                    + "identity: {domain_aliases: {\"Corp.Example.com\": example.com}}\n"
                    + "quality: {max_error_rate: 0.05, max_error_rate_by_source: {\"sources.roster\": 0.2}}\n"));
    assertEquals(java.util.Map.of("corp.example.com", "example.com"), c.identity().domainAliases());
    assertEquals(0.2, c.quality().maxErrorRate("sources.roster"), 0);
    assertEquals(0.05, c.quality().maxErrorRate("sources.forum[0]"), 0);
    assertEquals(
        QualitySettings.DEFAULT_MAX_ERROR_RATE,
        ConfigLoader.load(write(ROSTER + communities)).quality().maxErrorRate(),
        0);
    assertTrue(
        failure(ROSTER + communities + "quality: {max_error_rate: 5}\n")
            .getMessage()
            .startsWith("quality.max_error_rate must be a share from 0 to 1"));
    assertTrue(
        failure(
                ROSTER
                    + communities
                    + "quality: {max_error_rate_by_source: {\"sources.crm[0]\": 0.2}}\n")
            .getMessage()
            .contains("names 'sources.crm[0]', which is not a configured source"));
    assertTrue(
        failure(ROSTER + communities + "identity: {id_mappings: missing.csv}\n")
            .getMessage()
            .startsWith("identity.id_mappings points to"));
    assertTrue(
        failure(ROSTER + communities + "identity: {domain_aliases: {\"@corp\": example.com}}\n")
            .getMessage()
            .startsWith("identity.domain_aliases maps email domains"));
  }
}
