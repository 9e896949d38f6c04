package org.sociallearning.impact.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The truth in the summary is what an honest pipeline would find in the files. */
class GroundTruthTest {

  static final Set<String> SOCIAL_VERBS =
      Set.of(
          "http://adlnet.gov/expapi/verbs/commented",
          "http://adlnet.gov/expapi/verbs/shared",
          "http://activitystrea.ms/schema/1.0/post",
          "http://id.tincanapi.com/verb/replied");
  static final DateTimeFormatter SN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @TempDir static Path dir;
  static GenerationSummary summary;

  /** lower-case e-mail -> employee id. */
  static final Map<String, String> byEmail = new HashMap<>();

  @BeforeAll
  static void generate() {
    summary = SampleDataGenerator.generate(dir, GeneratorSettings.sample());
    for (GenerationSummary.Employee e : summary.employees()) {
      byEmail.put(e.email().toLowerCase(Locale.ROOT), e.employeeId());
    }
  }

  static boolean isCommunity(String name) {
    return name.startsWith("ask-") || name.startsWith("cop-") || name.startsWith("guild-");
  }

  /** Community interaction instants per employee, read back from Slack and xAPI. */
  static Map<String, List<Instant>> interactions(Path out, boolean dedupe) {
    Map<String, String> slackUser = new HashMap<>();
    for (JsonNode u : SampleFiles.json(out.resolve("slack/users.json"))) {
      String email = u.path("profile").path("email").asText("").toLowerCase(Locale.ROOT);
      if (byEmail.containsKey(email)) {
        slackUser.put(u.get("id").asText(), byEmail.get(email));
      }
    }
    Map<String, List<Instant>> result = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, Path> e : SampleFiles.tree(out.resolve("slack")).entrySet()) {
      String[] parts = e.getKey().split("/");
      if (parts.length != 2 || !isCommunity(parts[0])) {
        continue;
      }
      for (JsonNode m : SampleFiles.json(e.getValue())) {
        if (m.has("subtype") || !slackUser.containsKey(m.path("user").asText())) {
          continue;
        }
        String ts = m.get("ts").asText();
        if (dedupe && !seen.add(parts[0] + "|" + ts)) {
          continue;
        }
        long micros = Long.parseLong(ts.replace(".", ""));
        Instant at = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
        result
            .computeIfAbsent(slackUser.get(m.get("user").asText()), k -> new ArrayList<>())
            .add(at);
      }
    }
    for (String line : SampleFiles.lines(out.resolve("xapi/statements.jsonl"))) {
      JsonNode s;
      try {
        s = SampleFiles.JSON.readTree(line);
      } catch (Exception ex) {
        continue;
      }
      String object = s.get("object").get("id").asText();
      String prefix = "https://lms.example.com/community/";
      if (!SOCIAL_VERBS.contains(s.get("verb").get("id").asText()) || !object.startsWith(prefix)) {
        continue;
      }
      String community = object.substring(prefix.length()).split("/")[0];
      String who =
          byEmail.get(s.get("actor").get("mbox").asText().substring(7).toLowerCase(Locale.ROOT));
      if (who == null || !isCommunity(community)) {
        continue;
      }
      result
          .computeIfAbsent(who, k -> new ArrayList<>())
          .add(OffsetDateTime.parse(s.get("timestamp").asText()).toInstant());
    }
    result.values().forEach(l -> l.sort(null));
    return result;
  }

  @Test
  void joinersAreExactlyThePeopleWithThreeCommunityInteractionsFromTheirJoinMonth() {
    Map<String, List<Instant>> seen = interactions(dir, true);
    Map<String, YearMonth> truth = summary.joinMonths();
    assertEquals(summary.counts().joiners(), truth.size());
    for (GenerationSummary.Employee e : summary.employees()) {
      List<Instant> mine = seen.getOrDefault(e.employeeId(), List.of());
      if (e.joined()) {
        YearMonth month = truth.get(e.employeeId());
        assertNotNull(month);
        assertEquals(month, e.joinMonth());
        assertTrue(mine.size() >= 3, e.employeeId() + " has " + mine.size());
        assertEquals(month, YearMonth.from(mine.get(0).atOffset(ZoneOffset.UTC)), e.employeeId());
        long inMonth =
            mine.stream()
                .filter(i -> YearMonth.from(i.atOffset(ZoneOffset.UTC)).equals(month))
                .count();
        assertTrue(inMonth >= 3, "threshold reached within the join month: " + e.employeeId());
      } else {
        assertTrue(mine.size() < 3, e.employeeId() + " is no participant but has " + mine.size());
      }
    }
    for (GenerationSummary.Joiner j : summary.joiners()) {
      List<Instant> mine = seen.get(j.employeeId());
      assertEquals(j.firstInteraction(), mine.get(0));
      assertEquals(j.interactionsTotal(), mine.size());
      assertTrue(j.monthIndex() >= 3 && j.monthIndex() <= 20);
      assertEquals(YearMonth.of(2024, 11).plusMonths(j.monthIndex()), j.firstInteractionMonth());
    }
  }

  @Test
  void joinersAreAboutFortyPercentAndStaggered() {
    double share = summary.joiners().size() / 600.0;
    assertTrue(share > 0.3 && share < 0.5, "share " + share);
    Set<YearMonth> cohorts = new HashSet<>(summary.joinMonths().values());
    assertTrue(cohorts.size() >= 15, "staggered cohorts: " + cohorts.size());
    long viaLms = summary.joiners().stream().filter(j -> j.medium().equals("xapi")).count();
    assertTrue(
        viaLms > 5 && viaLms < summary.joiners().size() / 5,
        "some join via the LMS only: " + viaLms);
  }

  @Test
  void thePlantedSlackDuplicateWouldCreateAFalseParticipant() {
    Map<String, List<Instant>> raw = interactions(dir, false);
    Map<String, List<Instant>> clean = interactions(dir, true);
    String victim = null;
    for (JsonNode u : SampleFiles.json(dir.resolve("slack/users.json"))) {
      if (u.get("id").asText().equals(summary.quirks().slackDuplicateUserId())) {
        victim = byEmail.get(u.get("profile").get("email").asText().toLowerCase(Locale.ROOT));
      }
    }
    assertNotNull(victim);
    assertEquals(2, clean.get(victim).size());
    assertEquals(3, raw.get(victim).size());
    assertFalse(summary.joinMonths().containsKey(victim));
  }

  @Test
  void joinersSelfSelectOnAbility() {
    double joined = 0;
    double others = 0;
    int nj = 0;
    int no = 0;
    for (GenerationSummary.Employee e : summary.employees()) {
      if (e.joined()) {
        joined += e.ability();
        nj++;
      } else {
        others += e.ability();
        no++;
      }
    }
    double gap = joined / nj - others / no;
    assertTrue(gap > 0.5, "mean ability gap " + gap);
  }

  @Test
  void joinersResolvedTicketsFasterBeforeTheyJoined() {
    // pre-period (before the earliest cohort, month 3): nobody is treated, so any gap is pure
    // selection
    Map<String, Boolean> joined = new HashMap<>();
    for (GenerationSummary.Employee e : summary.employees()) {
      joined.put(e.employeeId(), e.joined());
    }
    double[] sum = new double[2];
    int[] n = new int[2];
    for (CSVRecord r : SampleFiles.csv(dir.resolve("servicenow/incident.csv"))) {
      if (r.get("resolved_at").isEmpty()
          || r.get("assigned_to.email").isEmpty()
          || r.get("number").equals(summary.quirks().badOpenedAtIncident())) {
        continue;
      }
      LocalDateTime opened = LocalDateTime.parse(r.get("opened_at"), SN);
      if (!opened.isBefore(LocalDateTime.of(2025, 2, 1, 0, 0))) {
        continue;
      }
      double hours =
          java.time.Duration.between(opened, LocalDateTime.parse(r.get("resolved_at"), SN))
                  .getSeconds()
              / 3600.0;
      String who = byEmail.get(r.get("assigned_to.email").toLowerCase(Locale.ROOT));
      int k = joined.get(who) ? 1 : 0;
      sum[k] += Math.log(hours);
      n[k]++;
    }
    double gap = sum[0] / n[0] - sum[1] / n[1];
    assertTrue(n[0] > 100 && n[1] > 100);
    assertTrue(gap > 0.1, "future joiners are faster before joining; gap in mean ln(hours) " + gap);
  }

  @Test
  void ticketEffectHitsExactlyTheTicketsOpenedFromTheJoinMonthOn(@TempDir Path tmp) {
    Path with = tmp.resolve("with");
    Path without = tmp.resolve("without");
    GenerationSummary s = SampleDataGenerator.generate(with, DeterminismTest.SMALL);
    SampleDataGenerator.generate(without, DeterminismTest.SMALL.withoutEffects());
    Map<String, YearMonth> joinMonth = new HashMap<>();
    Map<String, String> emailToId = new HashMap<>();
    for (GenerationSummary.Employee e : s.employees()) {
      emailToId.put(e.email(), e.employeeId());
      if (e.joined()) {
        joinMonth.put(e.employeeId(), e.joinMonth());
      }
    }
    Map<String, CSVRecord> base = new HashMap<>();
    for (CSVRecord r : SampleFiles.csv(without.resolve("servicenow/incident.csv"))) {
      base.put(r.get("number") + "|" + r.get("sys_updated_on").isEmpty(), r);
    }
    int treated = 0;
    int untreated = 0;
    for (CSVRecord r : SampleFiles.csv(with.resolve("servicenow/incident.csv"))) {
      CSVRecord b = base.get(r.get("number") + "|false");
      if (r.get("number").equals(s.quirks().badOpenedAtIncident())
          || r.get("resolved_at").isEmpty()
          || b.get("resolved_at").isEmpty()
          || r.get("assigned_to.email").isEmpty()) {
        continue;
      }
      assertEquals(b.get("opened_at"), r.get("opened_at"));
      LocalDateTime opened = LocalDateTime.parse(r.get("opened_at"), SN);
      double lnWith =
          Math.log(
              java.time.Duration.between(opened, LocalDateTime.parse(r.get("resolved_at"), SN))
                  .getSeconds());
      double lnWithout =
          Math.log(
              java.time.Duration.between(opened, LocalDateTime.parse(b.get("resolved_at"), SN))
                  .getSeconds());
      String who = emailToId.get(r.get("assigned_to.email").toLowerCase(Locale.ROOT));
      YearMonth jm = joinMonth.get(who);
      // the -06:00 local date equals the UTC date for business-hours tickets
      boolean isTreated = jm != null && !YearMonth.from(opened).isBefore(jm);
      if (isTreated) {
        treated++;
        assertEquals(-0.20, lnWith - lnWithout, 0.01, r.get("number"));
      } else {
        untreated++;
        assertEquals(0.0, lnWith - lnWithout, 1e-9, r.get("number"));
      }
    }
    assertTrue(
        treated > 200 && untreated > 1000, treated + " treated, " + untreated + " untreated");
  }
}
