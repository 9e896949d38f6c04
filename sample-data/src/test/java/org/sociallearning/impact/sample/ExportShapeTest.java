package org.sociallearning.impact.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files have the promised real-export shapes, and the planted quirks are where the summary
 * says.
 */
class ExportShapeTest {

  @TempDir static Path dir;
  static GenerationSummary summary;

  @BeforeAll
  static void generate() {
    summary = SampleDataGenerator.generate(dir, GeneratorSettings.sample());
  }

  // ---------------------------------------------------------------- generic

  /** Every line break outside quoted fields is CRLF. */
  private static void assertCrlfRecords(Path file) {
    String s = SampleFiles.text(file);
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        assertTrue(i > 0 && s.charAt(i - 1) == '\r', file + ": bare LF at offset " + i);
      }
    }
    assertFalse(quoted, "unbalanced quotes in " + file);
    assertTrue(s.endsWith("\r\n"), file + " ends with CRLF");
  }

  /**
   * The committed sample (this module's folders and pipeline.yaml) is byte for byte what the
   * generator writes with {@link GeneratorSettings#sample()}: it cannot drift from its generator.
   * Whether that pipeline.yaml loads is checked where the config loader lives (the job tests run on
   * generated configs).
   */
  @Test
  void committedSampleIsExactlyWhatTheGeneratorWrites() throws java.io.IOException {
    Map<String, Path> generated = SampleFiles.tree(dir);
    Path committed = Path.of("").toAbsolutePath();
    for (Map.Entry<String, Path> file : generated.entrySet()) {
      Path mine = committed.resolve(file.getKey());
      assertTrue(Files.exists(mine), "not committed: " + file.getKey());
      assertTrue(
          java.util.Arrays.equals(Files.readAllBytes(file.getValue()), Files.readAllBytes(mine)),
          "differs from the generator: " + file.getKey());
    }
    for (String folder : SampleDataGenerator.OUTPUT_FOLDERS) {
      assertEquals(
          SampleFiles.tree(dir.resolve(folder)).keySet(),
          SampleFiles.tree(committed.resolve(folder)).keySet(),
          "files in " + folder);
    }
    String yaml = SampleFiles.text(dir.resolve("pipeline.yaml"));
    assertTrue(yaml.contains("as_of: 2026-11-01\n") && yaml.contains("output: ../out\n"), yaml);
  }

  @Test
  void committedSampleStaysSmall() {
    long bytes = SampleFiles.totalBytes(dir);
    // A few MB: work volume 2 makes the planted ticket effect detectable in the committed sample.
    assertTrue(bytes < 9_000_000L, "sample is " + bytes + " bytes");
    assertTrue(
        SampleFiles.tree(dir).size() < 1000, "too many files: " + SampleFiles.tree(dir).size());
  }

  @Test
  void recordsPerFileMatchesTheFiles() {
    Map<String, Path> tree = SampleFiles.tree(dir);
    assertEquals(tree.keySet(), summary.recordsPerFile().keySet());
    assertEquals(
        summary.counts().incidentRows(), summary.recordsPerFile().get("servicenow/incident.csv"));
    assertEquals(
        SampleFiles.csv(dir.resolve("servicenow/incident.csv")).size(),
        summary.counts().incidentRows());
    assertEquals(
        SampleFiles.csv(dir.resolve("salesforce/Opportunity.csv")).size(),
        summary.counts().opportunityRows());
    assertEquals(
        SampleFiles.lines(dir.resolve("xapi/statements.jsonl")).size(),
        summary.counts().xapiLines());
  }

  // ---------------------------------------------------------------- roster

  @Test
  void rosterIsAWorkdayStyleCsv() {
    Path f = dir.resolve("roster/workers.csv");
    assertTrue(SampleFiles.hasBom(f));
    assertCrlfRecords(f);
    assertEquals(
        "Employee ID,Worker,Work Email,Business Title,Supervisory Organization,Location,Hire Date,"
            + "Manager Employee ID",
        SampleFiles.firstLine(f));
    List<CSVRecord> rows = SampleFiles.csv(f);
    assertEquals(600, rows.size());
    String previous = "";
    Set<String> emails = new HashSet<>();
    Set<String> ids = new HashSet<>();
    int blankManagers = 0;
    int inWindow = 0;
    boolean comma = false;
    boolean apostrophe = false;
    boolean nonAscii = false;
    DateTimeFormatter us = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    for (CSVRecord r : rows) {
      String id = r.get("Employee ID");
      assertTrue(id.matches("E\\d{5}"), id);
      assertTrue(id.compareTo(previous) > 0, "ordered by Employee ID");
      previous = id;
      ids.add(id);
      String email = r.get("Work Email");
      assertEquals(email.toLowerCase(Locale.ROOT), email);
      assertTrue(email.matches("[a-z]+\\.[a-z]+\\d?@example\\.com"), email);
      assertTrue(emails.add(email), "unique e-mail " + email);
      String name = r.get("Worker");
      comma |= name.contains(",");
      apostrophe |= name.contains("'");
      nonAscii |= !name.matches("\\p{ASCII}*");
      assertTrue(r.get("Hire Date").matches("\\d{2}/\\d{2}/\\d{4}"));
      if (!LocalDate.parse(r.get("Hire Date"), us).isBefore(LocalDate.of(2024, 11, 1))) {
        inWindow++;
      }
      if (r.get("Manager Employee ID").isEmpty()) {
        blankManagers++;
      }
    }
    assertTrue(
        comma && apostrophe && nonAscii, "names with commas, apostrophes and non-ASCII letters");
    assertTrue(
        SampleFiles.text(f).contains(",\"") && SampleFiles.text(f).contains("\"\""),
        "quoted fields and escaped quotes");
    assertTrue(blankManagers >= 3 && blankManagers < 30, "a few blank managers: " + blankManagers);
    assertTrue(inWindow > 10 && inWindow < 60, "~5% hired during the window: " + inWindow);
    for (CSVRecord r : rows) {
      String m = r.get("Manager Employee ID");
      assertTrue(m.isEmpty() || ids.contains(m), "manager is an employee");
    }
  }

  // ---------------------------------------------------------------- slack

  @Test
  void slackExportHasTheWorkspaceLayout() {
    Path slack = dir.resolve("slack");
    JsonNode channels = SampleFiles.json(slack.resolve("channels.json"));
    List<String> names = new ArrayList<>();
    for (JsonNode c : channels) {
      names.add(c.get("name").asText());
      assertTrue(c.get("id").asText().matches("C0[A-Z0-9]{9}"));
      assertTrue(c.get("created").isInt());
      assertTrue(c.get("members").isArray());
      assertTrue(c.get("topic").has("value") && c.get("purpose").has("last_set"));
      assertTrue(Files.isDirectory(slack.resolve(c.get("name").asText())));
    }
    assertEquals(
        List.of(
            "general",
            "random",
            "team-emea",
            "ask-it",
            "ask-sales",
            "cop-data",
            "cop-service-excellence",
            "guild-java"),
        names);

    JsonNode users = SampleFiles.json(slack.resolve("users.json"));
    int bots = 0;
    int deleted = 0;
    for (JsonNode u : users) {
      assertTrue(u.get("id").asText().matches("U0[A-Z0-9]{9}"));
      if (u.get("is_bot").asBoolean()) {
        bots++;
        assertFalse(u.get("profile").has("email"));
        assertEquals(summary.quirks().slackBotUserId(), u.get("id").asText());
      } else {
        assertTrue(u.get("profile").get("email").asText().contains("@"));
      }
      if (u.get("deleted").asBoolean()) {
        deleted++;
        assertEquals(summary.quirks().slackDeactivatedUserId(), u.get("id").asText());
      }
    }
    assertEquals(1, bots);
    assertEquals(1, deleted);
    assertTrue(
        SampleFiles.text(slack.resolve("users.json")).startsWith("[\n    {\n        \"id\": \"U0"),
        "pretty-printed like Slack (4 spaces, LF)");
  }

  @Test
  void slackDayFilesHoldThatUtcDaysMessages() {
    Pattern ts = Pattern.compile("\\d{10}\\.\\d{6}");
    Path slack = dir.resolve("slack");
    int messages = 0;
    int replies = 0;
    int parents = 0;
    int joins = 0;
    int botMessages = 0;
    int duplicates = 0;
    boolean multiline = false;
    boolean markup = false;
    for (String channel : SlackExport.CHANNELS) {
      Map<String, JsonNode> byTs = new HashMap<>();
      List<JsonNode> all = new ArrayList<>();
      for (Map.Entry<String, Path> e : SampleFiles.tree(slack.resolve(channel)).entrySet()) {
        assertTrue(e.getKey().matches("\\d{4}-\\d{2}-\\d{2}\\.json"), e.getKey());
        LocalDate day = LocalDate.parse(e.getKey().substring(0, 10));
        assertTrue(SampleFiles.text(e.getValue()).startsWith("[\n    {\n"));
        JsonNode arr = SampleFiles.json(e.getValue());
        assertTrue(arr.isArray() && arr.size() > 0);
        for (JsonNode m : arr) {
          messages++;
          all.add(m);
          assertEquals("message", m.get("type").asText());
          String t = m.get("ts").asText();
          assertTrue(ts.matcher(t).matches(), t);
          long seconds = Long.parseLong(t.substring(0, t.indexOf('.')));
          assertEquals(day, Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC).toLocalDate());
          JsonNode before = byTs.put(t, m);
          if (before != null) {
            duplicates++;
            assertEquals(before, m, "a repeated ts is an exact duplicate");
            assertEquals(
                summary.quirks().slackDuplicateFile(), "slack/" + channel + "/" + e.getKey());
            assertEquals(summary.quirks().slackDuplicateTs(), t);
          }
          String text = m.path("text").asText();
          multiline |= text.contains("\n");
          markup |= text.contains("<https://");
          if (m.has("subtype")) {
            String sub = m.get("subtype").asText();
            if (sub.equals("channel_join")) {
              joins++;
              assertEquals("<@" + m.get("user").asText() + "> has joined the channel", text);
            } else {
              assertEquals("bot_message", sub);
              botMessages++;
              assertTrue(m.get("bot_id").asText().startsWith("B0"));
              assertEquals("standup-bot", m.get("username").asText());
              assertFalse(m.has("user"));
            }
            continue;
          }
          assertTrue(m.get("client_msg_id").asText().matches("[0-9a-f-]{36}"));
          assertTrue(m.get("user_profile").has("real_name"));
          assertTrue(m.get("team").asText().startsWith("T0"));
          if (m.has("parent_user_id")) {
            replies++;
          } else if (m.has("replies")) {
            parents++;
            assertEquals(t, m.get("thread_ts").asText());
            assertEquals(m.get("reply_count").asInt(), m.get("replies").size());
          }
        }
      }
      // thread integrity: every reply's parent exists (earlier), and lists the reply
      for (JsonNode m : all) {
        if (m.has("parent_user_id")) {
          JsonNode parent = byTs.get(m.get("thread_ts").asText());
          assertNotNull(parent, "parent of reply " + m.get("ts"));
          assertEquals(parent.get("user").asText(), m.get("parent_user_id").asText());
          boolean listed = false;
          for (JsonNode r : parent.get("replies")) {
            listed |=
                r.get("ts").asText().equals(m.get("ts").asText())
                    && r.get("user").asText().equals(m.get("user").asText());
          }
          assertTrue(listed);
        }
      }
    }
    assertEquals(1, duplicates, "exactly one planted duplicate");
    assertEquals(summary.counts().slackMessages(), messages);
    assertTrue(replies > 100 && parents > 100 && joins > 100 && botMessages > 50);
    assertTrue(multiline && markup);
  }

  // ---------------------------------------------------------------- xAPI

  @Test
  void xapiIsJsonLinesWithOnePlantedTruncatedLine() {
    Path f = dir.resolve("xapi/statements.jsonl");
    String text = SampleFiles.text(f);
    assertFalse(text.contains("\r"));
    assertTrue(text.endsWith("\n"));
    List<String> lines = SampleFiles.lines(f);
    Set<String> verbs = new TreeSet<>();
    int invalid = 0;
    boolean zulu = false;
    boolean offset = false;
    boolean contractor = false;
    Set<String> roster = new HashSet<>();
    for (GenerationSummary.Employee e : summary.employees()) {
      roster.add(e.email());
    }
    boolean mixedCase = false;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode s;
      try {
        s = SampleFiles.JSON.readTree(lines.get(i));
      } catch (Exception e) {
        invalid++;
        assertEquals(summary.quirks().xapiInvalidLineNumber(), i + 1);
        continue;
      }
      assertEquals("1.0.3", s.get("version").asText());
      assertTrue(
          s.get("id")
              .asText()
              .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
      assertEquals("Agent", s.get("actor").get("objectType").asText());
      String mbox = s.get("actor").get("mbox").asText();
      assertTrue(mbox.startsWith("mailto:"));
      String email = mbox.substring(7);
      mixedCase |= !email.equals(email.toLowerCase(Locale.ROOT));
      if (!roster.contains(email.toLowerCase(Locale.ROOT))) {
        assertEquals(summary.quirks().xapiUnknownActorEmail(), email);
        contractor = true;
      }
      verbs.add(s.get("verb").get("id").asText());
      String ts = s.get("timestamp").asText();
      OffsetDateTime.parse(ts);
      zulu |= ts.endsWith("Z");
      offset |= ts.matches(".*[+-]\\d{2}:\\d{2}$");
      assertTrue(
          s.get("stored").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
      assertTrue(s.get("object").get("id").asText().startsWith("https://lms.example.com/"));
    }
    assertEquals(1, invalid);
    assertTrue(zulu && offset && contractor && mixedCase);
    assertEquals(
        new TreeSet<>(
            List.of(
                "http://activitystrea.ms/schema/1.0/join",
                "http://activitystrea.ms/schema/1.0/post",
                "http://adlnet.gov/expapi/verbs/answered",
                "http://adlnet.gov/expapi/verbs/attempted",
                "http://adlnet.gov/expapi/verbs/commented",
                "http://adlnet.gov/expapi/verbs/completed",
                "http://adlnet.gov/expapi/verbs/failed",
                "http://adlnet.gov/expapi/verbs/launched",
                "http://adlnet.gov/expapi/verbs/passed",
                "http://adlnet.gov/expapi/verbs/shared",
                "http://id.tincanapi.com/verb/replied")),
        verbs);
  }

  // ---------------------------------------------------------------- ServiceNow

  @Test
  void serviceNowIncidentListExport() {
    Path f = dir.resolve("servicenow/incident.csv");
    assertTrue(SampleFiles.hasBom(f));
    assertCrlfRecords(f);
    assertEquals(String.join(",", ServiceNowExport.HEADER), SampleFiles.firstLine(f));
    assertEquals(
        "number,opened_at,short_description,description,priority,state,category,assignment_group,"
            + "assigned_to,assigned_to.email,resolved_at,closed_at,reassignment_count,reopen_count,made_sla,"
            + "sys_updated_on,time_worked",
        SampleFiles.firstLine(f));
    List<CSVRecord> rows = SampleFiles.csv(f);
    DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    Map<String, List<CSVRecord>> byNumber = new HashMap<>();
    boolean crlfInside = false;
    boolean lfInside = false;
    boolean mixedCaseEmail = false;
    Set<String> states = new TreeSet<>();
    LocalDateTime asOfLocal = LocalDateTime.of(2026, 11, 1, 0, 0).minusHours(6);
    for (CSVRecord r : rows) {
      String number = r.get("number");
      assertTrue(number.matches("INC\\d{7}"));
      byNumber.computeIfAbsent(number, k -> new ArrayList<>()).add(r);
      String d = r.get("description");
      crlfInside |= d.contains("\r\n");
      lfInside |= d.replace("\r\n", "").contains("\n");
      String state = r.get("state");
      states.add(state);
      assertTrue(
          Set.of("1 - Critical", "2 - High", "3 - Moderate", "4 - Low")
              .contains(r.get("priority")));
      assertTrue(Set.of("true", "false").contains(r.get("made_sla")));
      assertTrue(
          r.get("reassignment_count").matches("\\d") && r.get("reopen_count").matches("\\d"));
      String email = r.get("assigned_to.email");
      mixedCaseEmail |= !email.equals(email.toLowerCase(Locale.ROOT));
      if (number.equals(summary.quirks().badOpenedAtIncident())) {
        assertEquals("31/02/2025 10:00", r.get("opened_at"));
        assertThrows(Exception.class, () -> LocalDateTime.parse(r.get("opened_at"), fmt));
        continue;
      }
      LocalDateTime opened = LocalDateTime.parse(r.get("opened_at"), fmt);
      assertTrue(opened.isBefore(asOfLocal));
      if (Set.of("Resolved", "Closed").contains(state)) {
        LocalDateTime resolved = LocalDateTime.parse(r.get("resolved_at"), fmt);
        assertTrue(resolved.isAfter(opened));
        if (state.equals("Closed")) {
          LocalDateTime closed = LocalDateTime.parse(r.get("closed_at"), fmt);
          assertTrue(
              closed.isAfter(resolved.plusHours(23)) && closed.isBefore(resolved.plusDays(6)));
        } else {
          assertEquals("", r.get("closed_at"));
        }
      } else {
        assertTrue(Set.of("In Progress", "On Hold", "New").contains(state), state);
        assertEquals("", r.get("resolved_at"));
        assertEquals("", r.get("closed_at"));
      }
      LocalDateTime.parse(r.get("sys_updated_on"), fmt);
      assertTrue(
          r.get("time_worked").matches("(\\d+ (Day|Hour|Minute|Second)s?( |$))+"),
          "time_worked as the list export shows it: " + r.get("time_worked"));
    }
    assertTrue(crlfInside && lfInside, "multi-line descriptions with CRLF and with LF");
    assertTrue(mixedCaseEmail);
    assertEquals(Set.of("Closed", "In Progress", "New", "On Hold", "Resolved"), states);
    assertEquals(summary.counts().incidents(), byNumber.size());
    assertTrue(SampleFiles.text(f).contains("\"\""), "escaped double quotes");

    List<String> twice = new ArrayList<>();
    for (Map.Entry<String, List<CSVRecord>> e : byNumber.entrySet()) {
      if (e.getValue().size() > 1) {
        twice.add(e.getKey());
        assertEquals(2, e.getValue().size());
        CSVRecord stale =
            e.getValue().get(0).get("resolved_at").isEmpty()
                ? e.getValue().get(0)
                : e.getValue().get(1);
        CSVRecord fresh = stale == e.getValue().get(0) ? e.getValue().get(1) : e.getValue().get(0);
        assertEquals("In Progress", stale.get("state"));
        assertFalse(fresh.get("resolved_at").isEmpty());
        assertTrue(stale.get("sys_updated_on").compareTo(fresh.get("sys_updated_on")) < 0);
      }
    }
    twice.sort(null);
    assertEquals(summary.quirks().incidentsExportedTwice(), twice);
    double share = twice.size() / (double) byNumber.size();
    assertTrue(share > 0.005 && share < 0.02, "~1% exported twice: " + share);
    assertTrue(summary.quirks().unassignedIncidents().size() >= 3);
    for (String n : summary.quirks().unassignedIncidents()) {
      assertEquals("", byNumber.get(n).get(0).get("assigned_to"));
      assertEquals("", byNumber.get(n).get(0).get("assigned_to.email"));
    }
    // rows outside the ones named as unassigned all have an assignee
    for (CSVRecord r : rows) {
      if (!summary.quirks().unassignedIncidents().contains(r.get("number"))) {
        assertFalse(r.get("assigned_to").isEmpty());
      }
    }
  }

  // ---------------------------------------------------------------- Salesforce

  private static boolean validSalesforceId(String id) {
    if (!id.matches("[0-9A-Za-z]{18}")) {
      return false;
    }
    return Ids.SalesforceIds.withChecksum(id.substring(0, 15)).equals(id);
  }

  @Test
  void salesforceDataExportShape() {
    Path f = dir.resolve("salesforce/Opportunity.csv");
    assertTrue(SampleFiles.hasBom(f));
    assertCrlfRecords(f);
    assertEquals(
        "Id,IsDeleted,AccountId,Name,Description,StageName,Amount,Probability,CloseDate,Type,NextStep,"
            + "LeadSource,IsClosed,IsWon,ForecastCategory,ForecastCategoryName,CampaignId,HasOpportunityLineItem,"
            + "Pricebook2Id,OwnerId,CreatedDate,CreatedById,LastModifiedDate,LastModifiedById,SystemModstamp,"
            + "LastActivityDate,FiscalQuarter,FiscalYear,Fiscal,LastViewedDate,LastReferencedDate,"
            + "HasOpenActivity,HasOverdueTask",
        SampleFiles.firstLine(f));
    Pattern stamp = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.000\\+0000");
    Map<String, List<CSVRecord>> byId = new HashMap<>();
    Set<String> deleted = new TreeSet<>();
    Set<String> users = new HashSet<>();
    for (CSVRecord u : SampleFiles.csv(dir.resolve("salesforce/User.csv"))) {
      users.add(u.get("Id"));
    }
    LocalDate asOf = LocalDate.of(2026, 11, 1);
    for (CSVRecord r : SampleFiles.csv(f)) {
      String id = r.get("Id");
      assertTrue(id.startsWith("006") && validSalesforceId(id), id);
      assertTrue(r.get("AccountId").startsWith("001") && validSalesforceId(r.get("AccountId")));
      assertTrue(users.contains(r.get("OwnerId")));
      assertTrue(users.contains(r.get("CreatedById")));
      byId.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
      for (String flag :
          List.of(
              "IsDeleted",
              "IsClosed",
              "IsWon",
              "HasOpportunityLineItem",
              "HasOpenActivity",
              "HasOverdueTask")) {
        assertTrue(r.get(flag).equals("1") || r.get(flag).isEmpty(), flag + "=" + r.get(flag));
      }
      if (r.get("IsDeleted").equals("1")) {
        deleted.add(id);
      }
      for (String col : List.of("CreatedDate", "LastModifiedDate", "SystemModstamp")) {
        assertTrue(stamp.matcher(r.get(col)).matches(), r.get(col));
      }
      assertTrue(r.get("Amount").matches("\\d+\\.\\d{2}"));
      LocalDate close = LocalDate.parse(r.get("CloseDate"));
      if (r.get("IsClosed").equals("1")) {
        assertEquals(r.get("IsWon").equals("1") ? "Closed Won" : "Closed Lost", r.get("StageName"));
        assertTrue(close.isBefore(asOf));
      } else {
        assertTrue(
            Set.of("Negotiation/Review", "Proposal/Price Quote").contains(r.get("StageName")));
        assertEquals("", r.get("IsWon"));
      }
    }
    assertEquals(new TreeSet<>(summary.quirks().deletedOpportunityIds()), deleted);
    List<String> exact = new ArrayList<>();
    for (Map.Entry<String, List<CSVRecord>> e : byId.entrySet()) {
      if (e.getValue().size() == 2) {
        if (e.getValue().get(0).toList().equals(e.getValue().get(1).toList())) {
          exact.add(e.getKey());
        } else {
          assertEquals(summary.quirks().staleDuplicateOpportunityId(), e.getKey());
          CSVRecord a = e.getValue().get(0);
          CSVRecord b = e.getValue().get(1);
          assertEquals("1", a.get("IsClosed"));
          assertEquals("", b.get("IsClosed"), "the older, still open version comes second");
          assertTrue(b.get("SystemModstamp").compareTo(a.get("SystemModstamp")) < 0);
        }
      } else {
        assertEquals(1, e.getValue().size());
      }
    }
    exact.sort(null);
    assertEquals(summary.quirks().duplicatedOpportunityIds(), exact);
    assertEquals(summary.counts().opportunities(), byId.size() - deleted.size());
    double share = deleted.size() / (double) byId.size();
    assertTrue(share > 0.004 && share < 0.02, "~1% soft-deleted: " + share);
  }

  @Test
  void salesforceUsers() {
    Path f = dir.resolve("salesforce/User.csv");
    assertTrue(SampleFiles.hasBom(f));
    assertCrlfRecords(f);
    assertEquals(
        "Id,Username,LastName,FirstName,Name,Email,IsActive,UserRoleId,ProfileId,Title,Department,"
            + "CreatedDate",
        SampleFiles.firstLine(f));
    boolean mixedCase = false;
    int inactive = 0;
    for (CSVRecord u : SampleFiles.csv(f)) {
      assertTrue(u.get("Id").startsWith("005") && validSalesforceId(u.get("Id")));
      assertTrue(Set.of("true", "false").contains(u.get("IsActive")));
      if (u.get("IsActive").equals("false")) {
        inactive++;
        assertEquals(summary.quirks().formerSalesUserId(), u.get("Id"));
      }
      mixedCase |= !u.get("Email").equals(u.get("Email").toLowerCase(Locale.ROOT));
    }
    assertEquals(1, inactive);
    assertTrue(mixedCase);
    long withSalesforce =
        summary.employees().stream().filter(e -> e.salesforceUserId() != null).count();
    assertEquals(summary.counts().salesforceUsers(), withSalesforce + 2);
  }

  @Test
  void summaryDescribesItself() {
    String text = summary.describe();
    assertTrue(text.contains("employees 600"));
    assertNotEquals(0, summary.counts().joiners());
  }
}
