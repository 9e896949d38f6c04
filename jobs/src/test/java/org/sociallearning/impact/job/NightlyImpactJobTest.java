package org.sociallearning.impact.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.sample.GenerationSummary;
import org.sociallearning.impact.testing.Companies;
import org.sociallearning.impact.testing.TestCompanies;

/**
 * The whole job on generated exports in their real formats: a planted effect is recovered within
 * its interval (in a company where some participants are new hires on a learning curve), no effect
 * is found where none was planted despite strong self-selection, every row is accounted for, and
 * reruns reproduce the numbers.
 */
@Tag("pipeline")
@Order(2) // see the failsafe configuration: two classes at a time, longest at both ends
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyImpactJobTest {

  static final double PLANTED_TICKET_EFFECT = TestCompanies.PLANTED_TICKET_EFFECT;

  Path planted;
  NightlyImpactJob.RunResult plantedRun;

  @BeforeAll
  void shareTheRun() {
    planted = Companies.folder(TestCompanies.PLANTED);
    plantedRun = Companies.run(TestCompanies.PLANTED);
  }

  /** The generated configs all publish to ../out; give each data set its own. */
  static void ownOutputFolder(Path dataset) throws java.io.IOException {
    Path config = dataset.resolve("pipeline.yaml");
    String yaml = Files.readString(config);
    assertTrue(yaml.contains("output: ../out\n"), yaml);
    Files.writeString(config, yaml.replace("output: ../out\n", "output: out\n"));
  }

  NightlyImpactJob.RunResult run(Path config) {
    return Companies.runJob(config);
  }

  static MetricEstimate metric(NightlyImpactJob.RunResult run, String name) {
    return run.estimates().stream()
        .filter(e -> e.metric().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no estimate for " + name));
  }

  @Test
  void plantedTicketEffectIsRecoveredWithinItsInterval() throws Exception {
    MetricEstimate ttr = metric(plantedRun, "time_to_resolve_hours");
    assertFalse(ttr.suppressed(), ttr.warnings().toString());
    // New hires on a learning curve are more than a fifth of the participants: beside the
    // headline, the estimate without each person's first 3 months after hire, which finds the
    // planted effect too.
    org.apache.commons.csv.CSVRecord row =
        PlantedScenariosJobTest.only(
            PlantedScenariosJobTest.csv(plantedRun, "impact_estimates"),
            r -> r.get("metric").equals("time_to_resolve_hours") && r.get("segment").equals("all"),
            "overall ticket row");
    assertEquals("3", row.get("hire_sensitivity_months"), row.toString());
    assertTrue(
        Double.parseDouble(row.get("hire_sensitivity_ci_low")) <= PLANTED_TICKET_EFFECT
            && PLANTED_TICKET_EFFECT <= Double.parseDouble(row.get("hire_sensitivity_ci_high")),
        row.toString());
    assertTrue(
        ttr.ciLow() <= PLANTED_TICKET_EFFECT && PLANTED_TICKET_EFFECT <= ttr.ciHigh(),
        "planted "
            + PLANTED_TICKET_EFFECT
            + " outside ["
            + ttr.ciLow()
            + ", "
            + ttr.ciHigh()
            + "]");
    assertTrue(ttr.ciHigh() < 0, "a real effect should be distinguishable from none: " + ttr);
    assertEquals(Math.expm1(ttr.estimate()), ttr.relativeEffect(), 1e-12);
    assertTrue(ttr.nTreated() >= 30 && ttr.nComparison() >= 30, ttr.toString());
    // Pre-joining months are placebo checks: with parallel trends, most intervals cover zero.
    long prePeriods = ttr.eventStudy().stream().filter(a -> a.eventTime() < 0).count();
    long preCoveringZero =
        ttr.eventStudy().stream()
            .filter(a -> a.eventTime() < 0 && a.ciLow() <= 0 && 0 <= a.ciHigh())
            .count();
    assertTrue(
        prePeriods > 3 && preCoveringZero >= 0.8 * prePeriods,
        preCoveringZero + " of " + prePeriods + " pre-period intervals cover zero");
    assertTrue(
        ttr.eventStudy().stream().allMatch(a -> a.nTreated() >= 5),
        "no event-study point rests on fewer people than the minimum group size");
  }

  @Test
  void plantedSalesEffectsAreWithinTheirIntervals() {
    MetricEstimate cycle = metric(plantedRun, "sales_cycle_days");
    assertFalse(cycle.suppressed(), cycle.warnings().toString());
    assertTrue(cycle.ciLow() <= -0.15 && -0.15 <= cycle.ciHigh(), cycle.toString());
    MetricEstimate win = metric(plantedRun, "win_rate");
    assertFalse(win.suppressed(), win.warnings().toString());
    assertTrue(win.ciLow() <= 0.08 && 0.08 <= win.ciHigh(), win.toString());
  }

  @Test
  void noEffectIsFoundWhereNoneWasPlantedDespiteStrongSelfSelection() throws Exception {
    GenerationSummary noneTruth = Companies.truth(TestCompanies.NO_EFFECT);
    double joiners =
        noneTruth.employees().stream()
            .filter(e -> e.joined())
            .mapToDouble(e -> e.ability())
            .average()
            .orElseThrow();
    double others =
        noneTruth.employees().stream()
            .filter(e -> !e.joined())
            .mapToDouble(e -> e.ability())
            .average()
            .orElseThrow();
    assertTrue(
        joiners - others > 0.5,
        "selection must be strong for this test to mean anything: " + (joiners - others));
    NightlyImpactJob.RunResult run = Companies.run(TestCompanies.NO_EFFECT);
    for (String name : List.of("time_to_resolve_hours", "sales_cycle_days", "win_rate")) {
      MetricEstimate e = metric(run, name);
      assertTrue(e.method().contains("within strata"), e.method());
      assertFalse(e.suppressed(), name + " " + e.warnings());
      assertTrue(e.ciLow() <= 0 && 0 <= e.ciHigh(), name + ": no effect was planted, but " + e);
    }
  }

  @Test
  void manifestAccountsForEveryInputRow() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(plantedRun.manifest().toFile());
    long quarantined = 0;
    for (JsonNode s : manifest.get("sources")) {
      long read = s.get("rows_read").asLong();
      assertEquals(
          read,
          s.get("rows_accepted").asLong()
              + s.get("rows_quarantined").asLong()
              + s.get("rows_deduplicated").asLong()
              + s.get("rows_skipped").asLong(),
          s.toString());
      assertTrue(s.get("reconciled").asBoolean(), s.toString());
      assertTrue(read > 0, s.toString());
      quarantined += s.get("rows_quarantined").asLong();
    }
    // Rows read are counted independently by the generator that wrote the files.
    Map<String, Integer> perFile = Companies.truth(TestCompanies.PLANTED).recordsPerFile();
    long slackMessages =
        perFile.entrySet().stream()
            .filter(e -> e.getKey().matches("slack/[^/]+/[^/]+\\.json"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    Map<String, Long> expectedRead =
        Map.of(
            "hr-csv",
            (long) perFile.get("roster/workers.csv"),
            "slack-export",
            slackMessages,
            "xapi-jsonl",
            (long) perFile.get("xapi/statements.jsonl"),
            "servicenow-csv",
            (long) perFile.get("servicenow/incident.csv"),
            "salesforce-csv",
            (long) perFile.get("salesforce/Opportunity.csv"));
    for (JsonNode s : manifest.get("sources")) {
      assertEquals(
          expectedRead.get(s.get("format").asText()), s.get("rows_read").asLong(), s.toString());
    }
    JsonNode tickets = manifest.get("sources").get(3);
    assertEquals("servicenow-csv", tickets.get("format").asText());
    assertTrue(tickets.get("rows_quarantined").asLong() >= 1, "the planted bad opened_at");
    assertTrue(tickets.get("rows_deduplicated").asLong() >= 1, "the planted double exports");
    List<String> quarantineLines =
        Files.readAllLines(plantedRun.output().resolve("quarantine/quarantine.csv"));
    assertEquals("source,format,file,line,reason,value", quarantineLines.get(0));
    assertEquals(quarantined, quarantineLines.size() - 1);
    assertEquals(manifest.get("as_of").asText(), "2026-07-01");
    assertTrue(manifest.get("stages").size() >= 8);
  }

  @Test
  void publishesEstimatesReportAndNoStagingLeftovers() throws Exception {
    Path out = plantedRun.output();
    List<String> csv = Files.readAllLines(out.resolve("impact_estimates.csv"));
    assertEquals(
        "metric,segment,estimate,ci_low,ci_high,relative_effect,relative_ci_low,"
            + "relative_ci_high,n_treated,n_comparison,method,warnings,p_value,p_value_adjusted,"
            + "pretrend_p_value,pretrend_tests,pretrend_method,aggregation,simple_estimate,"
            + "simple_ci_low,simple_ci_high,mean_effect,mean_effect_ci_low,mean_effect_ci_high,"
            + "breakdown_mbar,robust_ci_low,robust_ci_high,robust_relative_ci_low,"
            + "robust_relative_ci_high,"
            + "evidence,mde,mde_relative,participant_months,participant_months_needed,analysis,"
            + "hire_sensitivity_months,hire_sensitivity_estimate,hire_sensitivity_ci_low,"
            + "hire_sensitivity_ci_high,hire_sensitivity_relative_effect,"
            + "hire_sensitivity_relative_ci_low,hire_sensitivity_relative_ci_high,"
            + "hire_sensitivity_n_treated",
        csv.get(0));
    assertEquals(
        org.sociallearning.impact.outcomes.OutcomeMetrics.ALL.size(),
        csv.stream().filter(line -> line.contains(",all,")).count(),
        "one overall row per employee-month metric and volume diagnostic");
    assertTrue(
        csv.stream().anyMatch(line -> line.startsWith("time_to_resolve_hours,department=")),
        "effects by department");
    assertTrue(
        csv.stream().anyMatch(line -> line.startsWith("time_to_resolve_hours,intensity=")),
        "effects by intensity of participation");
    for (MetricEstimate e : plantedRun.estimates()) {
      assertTrue(
          e.suppressed() || (e.nTreated() >= 5 && e.nComparison() >= 5),
          "published on too few people: " + e.metric().name() + " " + e.segment());
    }
    MetricEstimate ttr = metric(plantedRun, "time_to_resolve_hours");
    assertTrue(ttr.pValue() < 0.05 && ttr.pValueAdjusted() >= ttr.pValue(), ttr.toString());
    assertTrue(Files.isDirectory(out.resolve("impact_estimates")));
    String preJoining =
        Files.readAllLines(out.resolve("balance.csv")).stream()
            .filter(l -> l.startsWith("time_to_resolve_hours,pre-joining"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        Double.parseDouble(preJoining.split(",")[4]) < -0.1,
        "the planted self-selection shows before joining: " + preJoining);
    // How busy participants were before joining: the volume beside the outcomes.
    assertTrue(
        Files.readAllLines(out.resolve("balance.csv")).stream()
            .anyMatch(l -> l.startsWith("tickets_handled,pre-joining tickets_handled,")),
        "the pre-joining volume is in the balance table");
    // Participants chosen on ability and a few new hires: most have colleagues as likely to join.
    org.apache.commons.csv.CSVRecord outside =
        PlantedScenariosJobTest.balanceRow(
            plantedRun,
            "time_to_resolve_hours",
            org.sociallearning.impact.effects.PropensityOverlap.OUTSIDE);
    assertTrue(Double.parseDouble(outside.get("participants")) < 0.3, outside.toString());
    List<String> value = Files.readAllLines(out.resolve("value_estimates.csv"));
    assertEquals("item,estimate,ci_low,ci_high,unit,method", value.get(0));
    String hoursSaved =
        value.stream().filter(l -> l.startsWith("hours_saved,")).findFirst().orElseThrow();
    assertTrue(
        Double.parseDouble(hoursSaved.split(",")[1]) > 0,
        "participants resolve faster, so hours are saved: " + hoursSaved);
    String html = Files.readString(plantedRun.report());
    assertTrue(html.contains("Service agents who joined a community resolved tickets"), html);
    assertTrue(html.contains("<img"), "at least one chart");
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".staging-")));
    }
    String manifest = Files.readString(plantedRun.manifest());
    assertFalse(manifest.contains("@example.com"), "no emails in the manifest");
    // By default no table has a row per person, nor a person's pseudonym at all: nothing to join
    // a person's rows on, so no group to measure.
    assertEquals(
        List.of(),
        org.sociallearning.impact.publish.PublishedPersonGroups.tablesWithPersonKeys(out));
    assertTrue(
        org.sociallearning.impact.publish.PublishedPersonGroups.smallestGroup(out).isEmpty());
    for (String person : List.of("dim_employee", "top_helpers")) {
      assertFalse(Files.exists(out.resolve(person + ".csv")), person + " is opt-in");
      assertFalse(Files.exists(out.resolve(person)), person + " is opt-in");
    }
    assertEquals(
        "[]",
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(manifest)
            .path("privacy")
            .path("person_tables_published")
            .toString());
    assertFalse(
        Files.readString(out.resolve("quarantine/quarantine.csv")).contains("@"),
        "personal values are masked in quarantine");
  }

  /** Rerunning with the same inputs is tested on a smaller company (NightlyOperationsTest). */
  @Test
  void aBrokenInputFailsTheRunInOneLineAndKeepsThePublishedResult() throws Exception {
    String before = Files.readString(plantedRun.output().resolve("impact_estimates.csv"));
    Path incidents = planted.resolve("servicenow/incident.csv");
    String original = Files.readString(incidents);
    Files.writeString(incidents, "number,opened_at\nINC1,2025-01-01 00:00:00\n");
    try {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          org.sociallearning.impact.cli.ImpactCli.execute(
              new String[] {"run", "--config", planted.resolve("pipeline.yaml").toString()},
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      String message = err.toString(StandardCharsets.UTF_8);
      assertEquals(3, code, "input error: " + message);
      assertTrue(
          message.startsWith("error: ") && message.contains("incident.csv lacks column(s)"),
          message);
      assertEquals(1, message.strip().lines().count(), "one line, no stack trace: " + message);
    } finally {
      Files.writeString(incidents, original);
    }
    assertEquals(
        plantedRun.output(),
        planted.resolve("out/current").toRealPath(),
        "readers still see the last good run");
    assertEquals(before, Files.readString(planted.resolve("out/current/impact_estimates.csv")));
    try (Stream<Path> siblings = Files.list(plantedRun.output().getParent())) {
      assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".staging-")));
    }
  }
}
