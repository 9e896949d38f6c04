package org.sociallearning.impact.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario knobs change only what they promise: the pre-joining dip slows joiners' tickets in
 * the month before they join and nothing else; the duration factor stretches every ticket, and
 * leaves more work open at asOf. Same seed, so every other draw is the same.
 */
class ScenarioKnobsTest {

  static final double DIP = 0.8;
  static final double FACTOR = 6.0;
  static final DateTimeFormatter SN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @TempDir static Path dir;
  static GenerationSummary base;
  static Map<String, CSVRecord> baseTickets;
  static Map<String, CSVRecord> dipTickets;
  static Map<String, CSVRecord> slowTickets;
  static Path slow;

  @BeforeAll
  static void generate() {
    base = SampleDataGenerator.generate(dir.resolve("base"), DeterminismTest.SMALL);
    SampleDataGenerator.generate(dir.resolve("dip"), DeterminismTest.SMALL.withPreJoiningDip(DIP));
    slow = dir.resolve("slow");
    SampleDataGenerator.generate(slow, DeterminismTest.SMALL.withDurationFactor(FACTOR));
    baseTickets = byNumber(dir.resolve("base"));
    dipTickets = byNumber(dir.resolve("dip"));
    slowTickets = byNumber(slow);
  }

  static Map<String, CSVRecord> byNumber(Path out) {
    Map<String, CSVRecord> tickets = new HashMap<>();
    for (CSVRecord r : SampleFiles.csv(out.resolve("servicenow/incident.csv"))) {
      tickets.put(r.get("number"), r);
    }
    return tickets;
  }

  /**
   * Seconds from opened to resolved, or -1 when still open or unparseable (the planted bad row).
   */
  static long seconds(CSVRecord r) {
    if (r.get("resolved_at").isEmpty()) {
      return -1;
    }
    try {
      return Duration.between(
              LocalDateTime.parse(r.get("opened_at"), SN),
              LocalDateTime.parse(r.get("resolved_at"), SN))
          .getSeconds();
    } catch (java.time.format.DateTimeParseException e) {
      return -1;
    }
  }

  @Test
  void dipSlowsJoinersTicketsInTheMonthBeforeJoiningOnly() {
    Map<String, YearMonth> joinMonth = new HashMap<>();
    for (GenerationSummary.Employee e : base.employees()) {
      if (e.joined()) {
        joinMonth.put(e.email().toLowerCase(Locale.ROOT), e.joinMonth());
      }
    }
    assertEquals(baseTickets.keySet(), dipTickets.keySet(), "the knob draws nothing: same tickets");
    int dipped = 0;
    int unchanged = 0;
    for (Map.Entry<String, CSVRecord> e : baseTickets.entrySet()) {
      CSVRecord before = e.getValue();
      CSVRecord after = dipTickets.get(e.getKey());
      long b = seconds(before);
      long a = seconds(after);
      if (b < 0 || a < 0) {
        continue;
      }
      YearMonth joined = joinMonth.get(before.get("assigned_to.email").toLowerCase(Locale.ROOT));
      YearMonth opened = YearMonth.from(LocalDateTime.parse(before.get("opened_at"), SN));
      if (joined != null && opened.equals(joined.minusMonths(1))) {
        if (b > 600) {
          assertEquals(Math.exp(DIP), (double) a / b, 0.01, e.getKey());
          dipped++;
        }
      } else {
        assertEquals(b, a, e.getKey() + " is not in a month before joining");
        unchanged++;
      }
    }
    assertTrue(
        dipped >= 20 && unchanged > 10 * dipped, dipped + " dipped, " + unchanged + " unchanged");
  }

  @Test
  void durationFactorStretchesTicketsAndLeavesMoreWorkOpen() {
    int stretched = 0;
    for (Map.Entry<String, CSVRecord> e : baseTickets.entrySet()) {
      long b = seconds(e.getValue());
      long a = seconds(slowTickets.get(e.getKey()));
      if (b > 600 && a >= 0) {
        assertEquals(FACTOR, (double) a / b, 0.01, e.getKey());
        stretched++;
      }
    }
    assertTrue(stretched > 1000, stretched + " tickets compared");
    assertTrue(
        open(slowTickets.values()) > open(baseTickets.values()),
        open(slowTickets.values()) + " open tickets against " + open(baseTickets.values()));
    long openDeals = openOpportunities(slow);
    long baseOpenDeals = openOpportunities(dir.resolve("base"));
    assertTrue(
        openDeals > 2 * baseOpenDeals, openDeals + " open opportunities against " + baseOpenDeals);
  }

  static long open(java.util.Collection<CSVRecord> tickets) {
    return tickets.stream().filter(r -> r.get("resolved_at").isEmpty()).count();
  }

  static long openOpportunities(Path out) {
    List<CSVRecord> rows = SampleFiles.csv(out.resolve("salesforce/Opportunity.csv"));
    return rows.stream().filter(r -> r.get("IsClosed").isEmpty()).count();
  }
}
