package org.sociallearning.impact.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.identity.PersonNames;
import org.sociallearning.impact.privacy.Pseudonyms;
import org.sociallearning.impact.sample.GeneratorSettings;
import org.sociallearning.impact.sample.SampleDataGenerator;

/**
 * A generated company whose Slack export is edited the way real ones differ from the roster
 * (plus-addressing, an old domain, a missing email, a personal address with a mapping, a shared
 * mailbox, a stranger, a name two accounts share), run end to end: the manifest counts each match
 * rule, the unresolved identities are listed under pseudonyms, and quality/checks lists every rule.
 */
@Tag("pipeline")
@Order(3) // see the failsafe configuration: two classes at a time, longest at both ends
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityAndQualityJobTest {

  static final String KEY = "identity-test-key-of-32-bytes!!";

  @TempDir static Path work;
  Path config;
  NightlyImpactJob.RunResult run;
  JsonNode slack;
  final Map<String, String> plantedIds = new LinkedHashMap<>();
  final Pseudonyms pseudonyms = new Pseudonyms(KEY.getBytes(StandardCharsets.UTF_8));

  @BeforeAll
  void generateEditAndRun() throws Exception {
    Path data = work.resolve("company");
    SampleDataGenerator.generate(
        data, GeneratorSettings.sample().withEmployees(150).withMonths(10).withWorkVolume(1));
    Files.writeString(data.resolve("impact.key"), KEY + "\n");
    List<Map<String, String>> roster = roster(data.resolve("roster/workers.csv"));
    editSlackUsers(data, roster);
    // A shared mailbox: two roster rows with one email, and no hire date (nobody was hired).
    Files.writeString(
        data.resolve("roster/workers.csv"),
        "E99001,Service Mailbox A,team@example.com,Agent,IT Service Desk,Dublin,,\r\n"
            + "E99002,Service Mailbox B,team@example.com,Agent,IT Service Desk,Dublin,,\r\n",
        java.nio.file.StandardOpenOption.APPEND);
    config = data.resolve("pipeline.yaml");
    String yaml = Files.readString(config);
    Files.writeString(
        config,
        yaml.replace(
                "output: ../out\n",
                "output: out\n"
                    + "privacy: {pseudonym_key_file: impact.key}\n"
                    + "identity:\n  domain_aliases: {\"corp.example.com\": example.com}\n"
                    + "  id_mappings: id_mappings.csv\n"
                    + "quality: {max_error_rate: 0.05, max_error_rate_by_source: {\"sources.crm[0]\": 0.2}}\n")
            + "estimation: {bootstrap_replicates: 99}\n");
    run =
        new NightlyImpactJob(
                TestSpark.session(),
                ConfigLoader.load(config),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .run();
    JsonNode manifest = new ObjectMapper().readTree(run.manifest().toFile());
    for (JsonNode s : manifest.get("sources")) {
      if ("slack-export".equals(s.get("format").asText())) {
        slack = s;
      }
    }
  }

  /**
   * The two mailbox rows have no hire date: the default tenure adjustment leaves them out of the
   * comparisons, and the run says so.
   */
  @Test
  void peopleWithoutAHireDateAreCountedInARunWarning() throws Exception {
    JsonNode warnings = new ObjectMapper().readTree(run.manifest().toFile()).get("warnings");
    List<String> said = new ArrayList<>();
    warnings.forEach(w -> said.add(w.asText()));
    assertTrue(
        said.stream()
            .anyMatch(
                w ->
                    w.matches(
                        "estimation: 2 of \\d+ people on the roster have no readable hire_date: the"
                            + " tenure adjustment leaves them out of the comparisons")),
        said.toString());
  }

  static List<Map<String, String>> roster(Path file) throws Exception {
    List<Map<String, String>> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        out.add(Map.of("id", rec.get(0), "name", rec.get(1), "email", rec.get(2)));
      }
    }
    return out;
  }

  /**
   * Edits users.json: eight people who posted (as {@code "user"}, not only as a thread's parent or
   * a mention), each showing one way identities differ.
   */
  void editSlackUsers(Path data, List<Map<String, String>> roster) throws Exception {
    Path usersFile = data.resolve("slack/users.json");
    ObjectMapper json = new ObjectMapper();
    ArrayNode users = (ArrayNode) json.readTree(usersFile.toFile());
    String messages;
    try (Stream<Path> files = Files.walk(data.resolve("slack"))) {
      StringBuilder all = new StringBuilder();
      for (Path f :
          files
              .filter(
                  p ->
                      p.toString().endsWith(".json")
                          && !p.getFileName().toString().equals("users.json"))
              .toList()) {
        all.append(Files.readString(f));
      }
      messages = all.toString();
    }
    Map<String, Integer> rosterNames = new HashMap<>();
    Map<String, String> idByEmail = new HashMap<>();
    for (Map<String, String> p : roster) {
      rosterNames.merge(PersonNames.normalise(p.get("name")), 1, Integer::sum);
      idByEmail.put(p.get("email").toLowerCase(java.util.Locale.ROOT), p.get("id"));
    }
    Map<String, Integer> slackNames = new HashMap<>();
    users.forEach(
        u ->
            slackNames.merge(PersonNames.normalise(u.path("real_name").asText()), 1, Integer::sum));
    List<ObjectNode> picked = new ArrayList<>();
    for (JsonNode u : users) {
      String email = u.path("profile").path("email").asText("").toLowerCase(java.util.Locale.ROOT);
      String name = PersonNames.normalise(u.path("real_name").asText());
      boolean posted = messages.contains("\"user\": \"" + u.get("id").asText() + "\"");
      if (idByEmail.containsKey(email)
          && posted
          && rosterNames.getOrDefault(name, 0) == 1
          && slackNames.get(name) == 1) {
        picked.add((ObjectNode) u);
      }
    }
    assertTrue(picked.size() >= 8, "enough posting users with unique names: " + picked.size());
    String[] kinds = {
      "plus", "domain", "name", "mapping", "shared", "stranger", "same_name", "name_twin"
    };
    StringBuilder mappings = new StringBuilder("source,source_user_id,employee_id\n");
    for (int k = 0; k < kinds.length; k++) {
      ObjectNode u = picked.get(k);
      ObjectNode profile = (ObjectNode) u.get("profile");
      String email = profile.get("email").asText();
      String local = email.substring(0, email.indexOf('@'));
      plantedIds.put(kinds[k], u.get("id").asText());
      switch (kinds[k]) {
        case "plus" ->
            profile.put("email", local.toUpperCase(java.util.Locale.ROOT) + "+slack@example.com");
        case "domain" -> profile.put("email", local + "@corp.example.com");
        case "name" -> profile.remove("email");
        case "mapping" -> {
          profile.put("email", local + "@personal.example.net");
          mappings
              .append("slack,")
              .append(u.get("id").asText())
              .append(',')
              .append(idByEmail.get(email.toLowerCase(java.util.Locale.ROOT)))
              .append('\n');
        }
        case "shared" -> profile.put("email", "team@example.com");
        case "stranger" -> {
          profile.put("email", "visitor@elsewhere.example.org");
          profile.put("real_name", "Nobody On The Roster");
          u.put("real_name", "Nobody On The Roster");
        }
        case "same_name" -> {
          profile.remove("email");
          String twin = picked.get(k + 1).get("real_name").asText();
          profile.put("real_name", twin);
          u.put("real_name", twin);
        }
        default -> {} // name_twin keeps its email: it matches, its name is taken twice
      }
    }
    json.writerWithDefaultPrettyPrinter().writeValue(usersFile.toFile(), users);
    Files.writeString(data.resolve("id_mappings.csv"), mappings.toString());
  }

  long identities(String rule) {
    return slack.get("identities").get("by_match_rule").get(rule).get("identities").asLong();
  }

  @Test
  void theManifestCountsSlackIdentitiesByMatchRule() {
    assertEquals(2, identities("email_alias"), "plus-addressing and the aliased domain");
    assertEquals(1, identities("id_mapping"));
    assertEquals(1, identities("unique_name"));
    assertTrue(identities("email") > 50, slack.toString());
    long unresolved = identities("ambiguous") + identities("unmatched");
    assertEquals(unresolved, slack.get("unmatched_identities").asLong());
    assertEquals(unresolved, slack.get("identities").get("unresolved_total").asLong());
    assertTrue(slack.get("reconciled").asBoolean());
  }

  @Test
  void unresolvedIdentitiesAreListedUnderKeyedPseudonymsNeverAsEmails() throws Exception {
    Map<String, String> outcomeByPseudonym = new HashMap<>();
    Map<String, String> detailByPseudonym = new HashMap<>();
    // The per-identity list is the analyst's, in the quality folder.
    for (Row r :
        TestSpark.session()
            .read()
            .parquet(run.output().resolve("quality/unresolved_identities.parquet").toString())
            .filter("source = 'sources.forum[0]'")
            .collectAsList()) {
      outcomeByPseudonym.put(r.getAs("identity_pseudonym"), r.getAs("outcome"));
      detailByPseudonym.put(r.getAs("identity_pseudonym"), r.getAs("detail"));
    }
    String shared = pseudonyms.of("slack:" + plantedIds.get("shared"));
    String stranger = pseudonyms.of("slack:" + plantedIds.get("stranger"));
    String sameName = pseudonyms.of("slack:" + plantedIds.get("same_name"));
    assertEquals("ambiguous", outcomeByPseudonym.get(shared));
    assertEquals("email shared by 2 roster rows", detailByPseudonym.get(shared));
    assertEquals("unmatched", outcomeByPseudonym.get(stranger));
    assertEquals("ambiguous", outcomeByPseudonym.get(sameName));
    assertEquals("name shared by 2 identities in the source", detailByPseudonym.get(sameName));
    for (String matched : List.of("plus", "domain", "name", "mapping", "name_twin")) {
      assertFalse(
          outcomeByPseudonym.containsKey(pseudonyms.of("slack:" + plantedIds.get(matched))),
          matched);
    }
    String manifest = Files.readString(run.manifest());
    assertFalse(manifest.contains(shared), "the manifest counts them and lists none");
    assertEquals(
        "quality/unresolved_identities.csv",
        slack.get("identities").get("unresolved_list").asText());
    assertFalse(
        manifest.contains("visitor@")
            || manifest.contains("team@example.com")
            || manifest.contains("Nobody On The Roster"),
        "no emails or names");
    String list = Files.readString(run.output().resolve("quality/unresolved_identities.csv"));
    assertFalse(list.contains("@"), list);
    // The published table counts them per reason and lists no identity.
    List<Row> published =
        TestSpark.session()
            .read()
            .parquet(run.output().resolve("unresolved_identities").toString())
            .filter("source = 'sources.forum[0]'")
            .collectAsList();
    assertFalse(
        java.util.Arrays.asList(published.get(0).schema().fieldNames())
            .contains("identity_pseudonym"));
    assertEquals(
        outcomeByPseudonym.size(),
        published.stream().mapToLong(r -> r.<Long>getAs("identities")).sum(),
        published.toString());
    assertTrue(
        published.stream()
            .anyMatch(
                r ->
                    "ambiguous".equals(r.getAs("outcome"))
                        && "email shared by 2 roster rows".equals(r.getAs("detail"))),
        published.toString());
    String table = Files.readString(run.output().resolve("unresolved_identities.csv"));
    assertFalse(table.contains("p_"), table);
    List<String> resolution = Files.readAllLines(run.output().resolve("identity_resolution.csv"));
    assertTrue(
        resolution.contains(
            "sources.forum[0],slack-export,forum_interactions,"
                + "id_mapping,1,"
                + slack
                    .get("identities")
                    .get("by_match_rule")
                    .get("id_mapping")
                    .get("rows")
                    .asLong()),
        resolution.toString());
  }

  @Test
  void qualityChecksListEveryRuleOfEverySourceWithItsStatus() throws Exception {
    Path checks = run.output().resolve("quality/checks.parquet");
    assertTrue(Files.isRegularFile(checks), "one Parquet file");
    List<Row> rows = TestSpark.session().read().parquet(checks.toString()).collectAsList();
    List<String> csv = Files.readAllLines(run.output().resolve("quality/checks.csv"));
    assertEquals(rows.size() + 1, csv.size());
    assertEquals(
        "table_name,rule,rule_kind,severity,source,format,rows_checked,rows_failing,"
            + "failing_share,status,description",
        csv.get(0));
    Map<String, Row> byKey = new HashMap<>();
    rows.forEach(r -> byKey.put(r.getAs("source") + " " + r.getAs("rule"), r));
    Row sharedMailbox = byKey.get("sources.roster email_unique");
    assertEquals(2L, (long) sharedMailbox.getAs("rows_failing"), "the two mailbox rows");
    assertEquals("warn", sharedMailbox.getAs("status"));
    Row opened = byKey.get("sources.service_desk[0] opened_at_not_null");
    assertTrue((long) opened.getAs("rows_failing") >= 1, "the planted bad opened_at");
    assertEquals("fail", opened.getAs("status"));
    Row order = byKey.get("sources.service_desk[0] resolved_after_opened");
    assertEquals("time_order", order.getAs("rule_kind"));
    assertTrue(byKey.containsKey("sources.forum[0] thread_root_exported"));
    assertTrue(byKey.containsKey("sources.crm[0] owner_has_email"));
    JsonNode manifest = new ObjectMapper().readTree(run.manifest().toFile());
    long failing = rows.stream().filter(r -> !"pass".equals(r.getAs("status"))).count();
    assertEquals(failing, manifest.get("quality_checks").get("not_passing").size());
    for (JsonNode s : manifest.get("sources")) {
      assertEquals(
          s.get("rows_read").asLong(),
          s.get("rows_accepted").asLong()
              + s.get("rows_quarantined").asLong()
              + s.get("rows_deduplicated").asLong()
              + s.get("rows_skipped").asLong(),
          s.toString());
    }
    List<String> dataQuality = Files.readAllLines(run.output().resolve("data_quality.csv"));
    assertTrue(
        dataQuality.contains(
            "sources.roster,hr-csv,quality_warning,email_unique,2,"
                + (2.0 / manifest.get("sources").get(0).get("rows_read").asLong())),
        String.join("\n", dataQuality));
  }

  @Test
  void aSourceOverTheErrorThresholdFailsValidationWithExitCode4() throws Exception {
    Path strict = config.resolveSibling("strict.yaml");
    Files.writeString(
        strict, Files.readString(config).replace("max_error_rate: 0.05", "max_error_rate: 0.0"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        org.sociallearning.impact.cli.ImpactCli.execute(
            new String[] {"validate", "--config", strict.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(4, code, message);
    assertTrue(
        message.matches(
            "(?s)error: sources\\.[a-z_]+(\\[\\d])? \\([a-z-]+\\): \\d+ of \\d+"
                + " rows .* above the allowed 0\\.0% .*most failing rule: .*"),
        message);
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("skipped"),
        "the per-source lines come first");
  }
}
