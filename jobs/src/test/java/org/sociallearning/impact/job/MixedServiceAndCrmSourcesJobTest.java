package org.sociallearning.impact.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.adapters.AdapterRegistry;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.identity.IdentityResolution;
import org.sociallearning.impact.outcomes.OutcomeMetrics;
import org.sociallearning.impact.outcomes.OutcomeSources;
import org.sociallearning.impact.outcomes.OutcomeWindow;
import org.sociallearning.impact.publish.PublishedPersonGroups;

/**
 * The job on the committed sample with a second service desk (Zendesk) and a second CRM (HubSpot):
 * both land in the same canonical tables, every source reconciles in the manifest, and the outcomes
 * count the items of both.
 */
@Tag("pipeline")
@Order(6) // see the failsafe configuration: two classes at a time, longest at both ends
class MixedServiceAndCrmSourcesJobTest {

  static final Path SAMPLE = Path.of("..", "sample-data").toAbsolutePath().normalize();

  @TempDir Path work;

  @Test
  void twoServiceDesksAndTwoCrmsCombineIntoOneRun() throws Exception {
    copySample();
    List<String> emails = rosterEmails(6);
    writeZendesk(emails);
    writeHubSpot(emails);
    Fixtures.write(
        work.resolve("salesforce/OpportunityHistory.csv"),
        true,
        "\r\n",
        "Id,OpportunityId,CreatedById,CreatedDate,StageName,Amount,CloseDate,IsDeleted",
        "008Ec00000H1aaaIAA,006Ec00000AieKF,005Ec000004oBPN,2025-01-05T10:00:00.000+0000,"
            + "Prospecting,1000,2025-04-01,",
        "008Ec00000H1aabIAA,006Ec00000AieKFIAZ,005Ec000004oBPN,2025-02-01T09:00:00.000+0000,"
            + "Negotiation/Review,1200,2025-03-15,",
        "008Ec00000H1aacIAA,006Ec00000AieKFIAZ,005Ec000004oBPN,2025-03-01T10:00:00.000+0000,"
            + "Closed Won,1200,2025-03-01,");
    Path configFile = work.resolve("pipeline.yaml");
    String yaml =
        Files.readString(configFile)
                .replace("output: ../out\n", "output: out\n")
                .replace(
                    "  service_desk: [{format: servicenow-csv, path: servicenow/incident.csv,"
                        + " timezone: \"-06:00\"}]\n",
                    "  service_desk:\n"
                        + "    - {format: servicenow-csv, path: servicenow/incident.csv, timezone: \"-06:00\"}\n"
                        + "    - {format: zendesk-json, path: zendesk/tickets/, ticket_metrics:"
                        + " zendesk/ticket_metrics.json, users: zendesk/users.json}\n")
                .replace(
                    "  crm:          [{format: salesforce-csv, path: salesforce/Opportunity.csv,"
                        + " users: salesforce/User.csv}]\n",
                    "  crm:\n"
                        + "    - {format: salesforce-csv, path: salesforce/Opportunity.csv,"
                        + " users: salesforce/User.csv, history: salesforce/OpportunityHistory.csv}\n"
                        + "    - {format: hubspot-deals-csv, path: hubspot/deals.csv,"
                        + " timezone: Europe/Dublin}\n")
            + "estimation:\n  bootstrap_replicates: 99\n"
            + "privacy: {publish_person_tables: true}\n";
    assertTrue(yaml.contains("zendesk-json") && yaml.contains("hubspot-deals-csv"), yaml);
    Files.writeString(configFile, yaml);
    PipelineConfig config = ConfigLoader.load(configFile);

    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    NightlyImpactJob.RunResult run =
        new NightlyImpactJob(
                TestSpark.session(),
                config,
                new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run();

    JsonNode manifest = new ObjectMapper().readTree(run.manifest().toFile());
    Map<String, JsonNode> byFormat = new TreeMap<>();
    for (JsonNode s : manifest.get("sources")) {
      byFormat.put(s.get("format").asText(), s);
      assertEquals(
          s.get("rows_read").asLong(),
          s.get("rows_accepted").asLong()
              + s.get("rows_quarantined").asLong()
              + s.get("rows_deduplicated").asLong()
              + s.path("rows_skipped").asLong(),
          s.toString());
    }
    assertEquals(
        List.of(8L, 7L, 0L, 0L, 1L),
        counts(byFormat.get("zendesk-json")),
        "the deleted ticket is skipped, not quarantined");
    assertEquals(List.of(5L, 4L, 0L, 1L, 0L), counts(byFormat.get("hubspot-deals-csv")));
    assertEquals(List.of(3L, 3L, 0L, 0L, 0L), counts(byFormat.get("salesforce-csv (history)")));
    assertEquals("service_desk", byFormat.get("zendesk-json").get("source").asText());
    List<String> stages = Files.readAllLines(run.output().resolve("stage_durations.csv"));
    assertEquals(
        "stage,finished_visits,open_visits,median_days,mean_days,suppressed", stages.get(0));
    assertEquals(
        List.of("Closed Won,0,1,,,true", "Negotiation/Review,1,0,,,true", "Prospecting,1,0,,,true"),
        stages.subList(1, stages.size()),
        "one opportunity's stages, below the minimum group size");
    assertEquals("crm", byFormat.get("hubspot-deals-csv").get("source").asText());
    // The person table, switched on here: no combination of what the published tables say about
    // a person, joined on the pseudonym, is shared by fewer than min_group_size people.
    assertEquals(
        List.of("dim_employee"),
        PublishedPersonGroups.tablesWithPersonKeys(run.output()),
        "the only published table with a person pseudonym");
    long smallest = PublishedPersonGroups.smallestGroup(run.output()).orElseThrow();
    assertTrue(smallest >= 5, "smallest group across the published tables: " + smallest);
    // With the person tables off (the default), a run of the same inputs publishes the same other
    // tables, none of which has a person pseudonym (NightlyImpactJobTest checks a default run).
    JsonNode personTable = manifest.path("privacy").path("person_table");
    assertEquals(smallest, manifest.path("privacy").path("smallest_person_group").asLong());
    assertEquals(smallest, personTable.path("smallest_group").asLong(), personTable.toString());
    assertTrue(personTable.path("generalised").size() > 0, personTable.toString());

    assertReportReadsInFiveMinutes(run.output());

    // Items behind each outcome: the sum of what each source yields on its own.
    String log = progress.toString(StandardCharsets.UTF_8);
    Map<String, Long> alone = itemsPerSource(config);
    assertEquals(
        6L,
        alone.get("zendesk-json time_to_resolve_hours"),
        "six resolved Zendesk tickets of roster people");
    assertEquals(4L, alone.get("hubspot-deals-csv sales_cycle_days"));
    assertEquals(
        4L,
        alone.get("hubspot-deals-csv win_rate"),
        "every opportunity created counts, closed or not");
    assertEquals(
        alone.get("servicenow-csv time_to_resolve_hours") + 6,
        itemsIn(log, "time_to_resolve_hours"));
    assertEquals(
        alone.get("salesforce-csv sales_cycle_days") + 4, itemsIn(log, "sales_cycle_days"));
    assertEquals(alone.get("salesforce-csv win_rate") + 4, itemsIn(log, "win_rate"));
  }

  static List<Long> counts(JsonNode source) {
    return List.of(
        source.get("rows_read").asLong(),
        source.get("rows_accepted").asLong(),
        source.get("rows_quarantined").asLong(),
        source.get("rows_deduplicated").asLong(),
        source.path("rows_skipped").asLong());
  }

  /** The items a stage line reports for a metric: {@code stage outcomes <metric> in <n>}. */
  static long itemsIn(String log, String metric) {
    Matcher m = Pattern.compile("stage outcomes " + metric + "\\s+in\\s+(\\d+)").matcher(log);
    assertTrue(m.find(), log);
    return Long.parseLong(m.group(1));
  }

  /** Per source and metric, the items that source alone yields, through the same steps. */
  static Map<String, Long> itemsPerSource(PipelineConfig config) {
    Sources.ConfiguredSource rosterSource = Fixtures.source(config, "roster");
    org.sociallearning.impact.identity.IdentityResolver resolver =
        org.sociallearning.impact.identity.RosterDirectory.build(
                TestSpark.session(),
                config,
                AdapterRegistry.forFormat("hr-csv")
                    .read(TestSpark.session(), config, rosterSource)
                    .accepted())
            .resolver();
    OutcomeWindow tickets =
        new OutcomeWindow(config.asOf(), config.estimation().ticketHorizonDays());
    OutcomeWindow deals = new OutcomeWindow(config.asOf(), config.estimation().salesHorizonDays());
    Map<String, Long> out = new TreeMap<>();
    for (Sources.ConfiguredSource s : config.sources().all()) {
      boolean desk = s.role().equals("service_desk");
      if (!desk && !s.role().equals("crm")) {
        continue;
      }
      Dataset<Row> rows =
          IdentityResolution.resolve(
                  AdapterRegistry.forFormat(s.spec().format())
                      .read(TestSpark.session(), config, s)
                      .accepted(),
                  desk ? "service_tickets" : "opportunities",
                  resolver)
              .rows();
      for (String metric :
          desk ? List.of("time_to_resolve_hours") : List.of("sales_cycle_days", "win_rate")) {
        out.put(
            s.spec().format() + " " + metric,
            OutcomeMetrics.named(metric)
                .items(
                    new OutcomeSources(
                        desk ? rows : null, desk ? null : rows, null, tickets, deals))
                .count());
      }
    }
    return out;
  }

  /**
   * The sample's report: page one carries the primary outcomes' grades and no warning, the PDF's
   * main body stays within 10 pages and 2,500 words before the appendix, no note is said twice
   * before the appendix, and the report command re-renders the same page from the published files.
   */
  static void assertReportReadsInFiveMinutes(Path run) throws Exception {
    Path pdf = run.resolve("report/impact-report.pdf");
    List<String> pages = new ArrayList<>();
    try (org.apache.pdfbox.pdmodel.PDDocument doc =
        org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      org.apache.pdfbox.text.PDFTextStripper text = new org.apache.pdfbox.text.PDFTextStripper();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        text.setStartPage(p);
        text.setEndPage(p);
        pages.add(text.getText(doc).replaceAll("\\s+", " "));
      }
    }
    int appendix = -1;
    for (int i = 0; i < pages.size() && appendix < 0; i++) {
      if (pages.get(i).matches("^ ?Social learning impact - page \\d+ of \\d+ Appendix .*")) {
        appendix = i;
      }
    }
    assertTrue(appendix > 0 && appendix <= 10, "main body pages: " + appendix);
    int words = 0;
    for (String page : pages.subList(0, appendix)) {
      words += page.strip().split(" ").length;
    }
    assertTrue(words <= 2_500, "main body words: " + words);
    String one = pages.get(0);
    assertTrue(one.contains("Did it work?"), one);
    assertTrue(
        one.matches(".*Time to resolve.*(strong|moderate|weak|inconclusive|unreliable).*"), one);
    assertTrue(one.contains("notes about data and method"), one);
    assertFalse(one.contains("Warning"), one);

    Path htmlFile = run.resolve("report/index.html");
    String html = Files.readString(htmlFile);
    String body = html.substring(html.indexOf("<body"), html.indexOf("<section id=\"appendix\""));
    Matcher notes =
        Pattern.compile("<li class=\"note-[a-z]+\">(.*?)(<details>|</li>)", Pattern.DOTALL)
            .matcher(body);
    List<String> said = new ArrayList<>();
    while (notes.find()) {
      said.add(notes.group(1).replaceAll("<[^>]+>", "").strip());
    }
    assertTrue(said.size() >= 2, said.toString());
    assertEquals(said.size(), new java.util.HashSet<>(said).size(), "a note said twice: " + said);

    Files.delete(htmlFile);
    assertEquals(
        0,
        org.sociallearning.impact.cli.ImpactCli.execute(
            new String[] {"report", "--output", run.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    assertEquals(html, Files.readString(htmlFile), "the report command re-renders the same page");
  }

  void copySample() throws Exception {
    Files.copy(SAMPLE.resolve("pipeline.yaml"), work.resolve("pipeline.yaml"));
    for (String folder : List.of("roster", "slack", "xapi", "servicenow", "salesforce")) {
      try (Stream<Path> files = Files.walk(SAMPLE.resolve(folder))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Path target = work.resolve(SAMPLE.relativize(f).toString());
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
        }
      }
    }
  }

  List<String> rosterEmails(int n) throws Exception {
    List<String> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(work.resolve("roster/workers.csv"))) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        if (out.size() < n) {
          out.add(rec.get(rec.getParser().getHeaderNames().indexOf("Work Email")));
        }
      }
    }
    return out;
  }

  /** Six resolved tickets of roster people, one of an agent unknown to the roster, one deleted. */
  void writeZendesk(List<String> emails) {
    List<String> tickets = new ArrayList<>();
    List<String> metrics = new ArrayList<>();
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      long id = 5000 + i;
      String status = i == 7 ? "deleted" : "solved";
      String created = "2025-0" + (3 + i % 6) + "-1" + i + "T09:00:00Z";
      tickets.add(
          "{\"id\":"
              + id
              + ",\"created_at\":\""
              + created
              + "\",\"updated_at\":\""
              + created.replace("T09", "T17")
              + "\",\"status\":\""
              + status
              + "\",\"priority\":"
              + "\"normal\",\"type\":\"question\",\"subject\":\"Help\",\"assignee_id\":"
              + (9000 + i)
              + ",\"group_id\":360002}");
      metrics.add(
          "{\"ticket_id\":"
              + id
              + ",\"updated_at\":\""
              + created.replace("T09", "T17")
              + "\",\"reopens\":0,\"replies\":2,\"assignee_stations\":1,\"solved_at\":\""
              + created.replace("T09", "T17")
              + "\",\"full_resolution_time_in_minutes\":"
              + "{\"calendar\":480,\"business\":480}}");
      if (i < 6) {
        users.add("{\"id\":" + (9000 + i) + ",\"email\":\"" + emails.get(i) + "\"}");
      }
    }
    Fixtures.write(
        work.resolve("zendesk/tickets/page-001.json"),
        false,
        "\n",
        "{\"tickets\":[",
        String.join(",\n", tickets),
        "],\"after_cursor\":null," + "\"end_of_stream\":true}");
    Fixtures.write(
        work.resolve("zendesk/ticket_metrics.json"),
        false,
        "\n",
        "{\"ticket_metrics\":[",
        String.join(",\n", metrics),
        "],\"next_page\":null}");
    Fixtures.write(
        work.resolve("zendesk/users.json"),
        false,
        "\n",
        "{\"users\":[",
        String.join(",\n", users),
        "]}");
  }

  /** Four deals of roster people (two won, one lost, one open), one exported twice. */
  void writeHubSpot(List<String> emails) {
    Fixtures.write(
        work.resolve("hubspot/deals.csv"),
        true,
        "\r\n",
        "Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Create Date,Pipeline,"
            + "Last Modified Date",
        "801,\"North, renewal\",Closed won,2025-04-20,Ana ("
            + emails.get(0)
            + "),9000,"
            + "2025-03-03 10:00,Sales Pipeline,2025-04-20 10:00",
        "802,South,Closed lost,2025-05-02,Bo ("
            + emails.get(1)
            + "),4000,2025-03-10 10:00,"
            + "Sales Pipeline,2025-05-02 10:00",
        "803,East,Closed won,2025-06-30,Cy ("
            + emails.get(2)
            + "),7000,2025-04-01 10:00,"
            + "Sales Pipeline,2025-06-30 10:00",
        "804,West,Qualified to buy,2026-12-01,Di ("
            + emails.get(3)
            + "),3000,"
            + "2025-04-15 10:00,Sales Pipeline,2025-04-15 10:00",
        "801,\"North, renewal\",Contract sent,2025-04-20,Ana ("
            + emails.get(0)
            + "),9000,"
            + "2025-03-03 10:00,Sales Pipeline,2025-04-01 10:00");
  }
}
