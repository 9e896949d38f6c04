package org.sociallearning.impact.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sociallearning.impact.effects.HeadlineChoice;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.testing.Companies;
import org.sociallearning.impact.testing.TestCompanies;

/**
 * The job on generated companies that make estimates hard to defend, each checked for the number or
 * the warning an analyst needs: people who join right after a bad month (Ashenfelter's dip), slow
 * work that is often still open at as_of (heavy censoring), a company so small that most groups
 * fall below the minimum group size, and people who keep posting because work went well for another
 * reason. New hires who join while they learn the job: {@link NewHiresJobTest}.
 */
@Tag("pipeline")
@Order(8) // see the failsafe configuration: two classes at a time, longest at both ends
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedScenariosJobTest {

  static final double TICKET_EFFECT = -0.25;
  static final int MIN_GROUP = TestCompanies.SMALL_MIN_GROUP;

  NightlyImpactJob.RunResult dip;
  NightlyImpactJob.RunResult slow;
  NightlyImpactJob.RunResult small;
  NightlyImpactJob.RunResult gains;

  @BeforeAll
  void shareTheRuns() {
    dip = Companies.run(TestCompanies.DIP);
    slow = Companies.run(TestCompanies.SLOW);
    small = Companies.run(TestCompanies.SMALL);
    gains = Companies.run(TestCompanies.GAINS);
  }

  static List<CSVRecord> csv(NightlyImpactJob.RunResult run, String table) throws Exception {
    try (Reader r = Files.newBufferedReader(run.output().resolve(table + ".csv"))) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }

  /** The balance row of one metric and variable. */
  static CSVRecord balanceRow(NightlyImpactJob.RunResult run, String metric, String variable)
      throws Exception {
    return only(
        csv(run, "balance"),
        r -> r.get("metric").equals(metric) && r.get("variable").equals(variable),
        metric + " " + variable);
  }

  static CSVRecord only(List<CSVRecord> rows, Predicate<CSVRecord> which, String what) {
    List<CSVRecord> found = rows.stream().filter(which).toList();
    assertEquals(1, found.size(), what + ": " + found);
    return found.get(0);
  }

  @Test
  void joiningRightAfterABadMonthIsFlaggedNextToTheEstimate() throws Exception {
    MetricEstimate ttr = NightlyImpactJobTest.metric(dip, "time_to_resolve_hours");
    assertFalse(ttr.suppressed(), ttr.warnings().toString());
    assertTrue(
        ttr.warnings().stream()
            .anyMatch(
                w ->
                    w.startsWith(
                        "possible Ashenfelter's dip: just" + " before joining the outcome rose")),
        ttr.warnings().toString());
    // The bad month is the baseline, so its recovery inflates the estimated speed-up.
    // Nothing was planted on tickets; the bad month is the baseline, so its recovery looks like a
    // speed-up.
    assertTrue(ttr.ciHigh() < 0, "the dip returns as a spurious effect: " + ttr);
    CSVRecord row =
        only(
            csv(dip, "impact_estimates"),
            r -> r.get("metric").equals("time_to_resolve_hours") && r.get("segment").equals("all"),
            "overall ticket row");
    // Never stated as a finding: either graded unreliable, or the robust analysis (measured from
    // before the bad month) is the headline and says so.
    String headline =
        "evidence "
            + row.get("evidence")
            + ", analysis "
            + row.get("analysis")
            + ", estimate "
            + row.get("estimate")
            + " ["
            + row.get("ci_low")
            + ", "
            + row.get("ci_high")
            + "], warnings: "
            + row.get("warnings");
    boolean robust = row.get("analysis").equals("robust");
    assertTrue(row.get("evidence").equals("unreliable") || robust, headline);
    String html = Files.readString(dip.report());
    if (robust) {
      assertFalse(row.get("evidence").equals("unreliable"), headline);
      // Measured from before the bad month, the robust analysis finds the nothing that was there.
      assertTrue(
          Double.parseDouble(row.get("ci_low")) <= 0 && 0 <= Double.parseDouble(row.get("ci_high")),
          headline);
      // Published with "; " inside a warning turned into ", ": compare the opening words.
      String note =
          HeadlineChoice.ROBUST_NOTE.substring(0, HeadlineChoice.ROBUST_NOTE.indexOf(';'));
      assertTrue(row.get("warnings").contains(note), headline);
      assertTrue(html.contains(note), "the report says which analysis is the headline");
    } else {
      assertTrue(row.get("warnings").contains("possible Ashenfelter's dip"), headline);
      assertTrue(html.contains("Ashenfelter"), "the report shows the warning next to the number");
    }
  }

  /**
   * The community changes nothing, but people whose work got faster for another reason are the ones
   * who keep coming back after a first post. Dated from their first post and chosen by everything
   * they did up to as_of, they would show tickets resolved faster (about 18%, with an interval
   * clear of zero and a quiet pre-trend test); dated from the day they meet the rule, the job
   * either finds nothing or says the groups were not moving in parallel.
   */
  @Test
  void peopleWhoKeepPostingBecauseWorkWentWellShowNoEffectThatPassesItsChecks() throws Exception {
    for (String name : List.of("time_to_resolve_hours", "sales_cycle_days")) {
      MetricEstimate e = NightlyImpactJobTest.metric(gains, name);
      assertFalse(e.suppressed(), name + " " + e.warnings());
      boolean coversZero = e.ciLow() <= 0 && 0 <= e.ciHigh();
      boolean preTrendRejects = e.preTrendPValue() < 0.05;
      assertTrue(
          coversZero || preTrendRejects,
          name
              + ": nothing was planted, yet ["
              + e.ciLow()
              + ", "
              + e.ciHigh()
              + "] with pre-trend p = "
              + e.preTrendPValue());
    }
    com.fasterxml.jackson.databind.JsonNode participation =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(gains.manifest().toFile())
            .get("participation");
    assertTrue(
        participation.get("tried_it").asLong() > participation.get("participants").asLong(),
        "most who post once drift away, and they are counted: " + participation);
    assertEquals("exclude", participation.get("tried_it_handling").asText());
    assertTrue(
        Files.readString(gains.report()).contains("interacted fewer times"),
        "the report says how many tried it and where they went");
  }

  static CSVRecord overall(NightlyImpactJob.RunResult run, String metric) throws Exception {
    return only(
        csv(run, "impact_estimates"),
        r -> r.get("metric").equals(metric) && r.get("segment").equals("all"),
        metric + " overall");
  }

  static boolean coversZero(CSVRecord row) {
    return Double.parseDouble(row.get("ci_low")) <= 0
        && 0 <= Double.parseDouble(row.get("ci_high"));
  }

  static String seen(CSVRecord row) {
    return row.get("metric")
        + ": evidence "
        + row.get("evidence")
        + ", ["
        + row.get("ci_low")
        + ", "
        + row.get("ci_high")
        + "], warnings: "
        + row.get("warnings");
  }

  @Test
  void heavyCensoringLeavesTheEstimateOnTheTruthWhileNaiveMediansRunShort() throws Exception {
    MetricEstimate ttr = NightlyImpactJobTest.metric(slow, "time_to_resolve_hours");
    assertFalse(ttr.suppressed(), ttr.warnings().toString());
    assertTrue(
        ttr.ciLow() <= TICKET_EFFECT && TICKET_EFFECT <= ttr.ciHigh(),
        "planted " + TICKET_EFFECT + " outside [" + ttr.ciLow() + ", " + ttr.ciHigh() + "]");

    List<CSVRecord> medians = csv(slow, "duration_medians");
    for (String metric : List.of("time_to_resolve_hours", "sales_cycle_days")) {
      for (String group : List.of("participants", "comparison")) {
        CSVRecord overall =
            only(
                medians,
                r ->
                    r.get("metric").equals(metric)
                        && r.get("group").equals(group)
                        && r.get("month").isEmpty(),
                metric + " " + group);
        assertEquals("false", overall.get("suppressed"), overall.toString());
        long items = Long.parseLong(overall.get("items"));
        assertEquals(
            items,
            Long.parseLong(overall.get("ended")) + Long.parseLong(overall.get("censored")),
            overall.toString());
        assertTrue(Long.parseLong(overall.get("censored")) > 0, overall.toString());
      }
      // The latest month with both figures: much of its slow work is still open, so dropping it
      // makes work look quicker than it is.
      CSVRecord recent =
          medians.stream()
              .filter(
                  r ->
                      r.get("metric").equals(metric)
                          && r.get("group").equals("comparison")
                          && !r.get("month").isEmpty()
                          && !r.get("km_median").isEmpty()
                          && !r.get("naive_median").isEmpty())
              .reduce((a, b) -> b)
              .orElseThrow();
      double km = Double.parseDouble(recent.get("km_median"));
      double naive = Double.parseDouble(recent.get("naive_median"));
      assertTrue(Long.parseLong(recent.get("censored")) > 0, recent.toString());
      assertTrue(naive < 0.9 * km, metric + ": naive " + naive + " against Kaplan-Meier " + km);
    }
    // Recent months' sales cycles are not known yet: no Kaplan-Meier median, though a naive one
    // exists.
    assertTrue(
        medians.stream()
            .anyMatch(
                r ->
                    r.get("metric").equals("sales_cycle_days")
                        && !r.get("month").isEmpty()
                        && r.get("km_median").isEmpty()
                        && !r.get("naive_median").isEmpty()),
        "no month with an unknown median");
  }

  @Test
  void groupsBelowTheMinimumGroupSizePublishNoNumber() throws Exception {
    List<CSVRecord> rows = csv(small, "impact_estimates");
    List<CSVRecord> suppressed =
        rows.stream()
            .filter(
                r ->
                    r.get("warnings")
                        .contains("suppressed: fewer than " + MIN_GROUP + " people in a group"))
            .toList();
    assertTrue(
        suppressed.size() >= 3,
        "a small company has small segments: "
            + rows.size()
            + " rows, "
            + suppressed.size()
            + " suppressed");
    assertTrue(suppressed.stream().anyMatch(r -> !r.get("segment").equals("all")));
    for (CSVRecord r : suppressed) {
      for (String column :
          List.of(
              "estimate",
              "ci_low",
              "ci_high",
              "relative_effect",
              "relative_ci_low",
              "relative_ci_high",
              "p_value",
              "p_value_adjusted")) {
        assertEquals("", r.get(column), column + " of suppressed " + r);
      }
    }
    for (CSVRecord r : rows) {
      if (!r.get("estimate").isEmpty()) {
        assertTrue(
            Long.parseLong(r.get("n_treated")) >= MIN_GROUP
                && Long.parseLong(r.get("n_comparison")) >= MIN_GROUP,
            "published on few people: " + r);
      }
    }
    for (CSVRecord r : csv(small, "impact_event_study")) {
      assertTrue(Long.parseLong(r.get("n_treated")) >= MIN_GROUP, r.toString());
    }
    for (CSVRecord r : csv(small, "duration_medians")) {
      if (r.get("suppressed").equals("true")) {
        assertEquals(
            "", r.get("km_median") + r.get("naive_median") + r.get("people"), r.toString());
      } else {
        assertTrue(Long.parseLong(r.get("people")) >= MIN_GROUP, r.toString());
      }
    }
    assertTrue(
        csv(small, "duration_medians").stream().anyMatch(r -> r.get("suppressed").equals("true")),
        "monthly groups of a small company");
  }
}
