package org.sociallearning.impact.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the estimator's notes (written for any panel, with periods as integers) into words for this
 * job: months as {@code 2025-03}, and for the report a short summary instead of one line per cohort
 * or cell. The full notes go to the manifest.
 */
final class EstimatorNotes {

  /** The estimator lists unit ids after some notes; here units are people, so they stay out. */
  private static final Pattern UNIT_LIST =
      Pattern.compile("^(\\d+ unit\\(s\\) .*?)\\s*\\([^()]*\\)$");

  /** Periods appear only in these places of the estimator's notes; counts stay numbers. */
  private static final Pattern PERIOD =
      Pattern.compile("(?<=cohort |period |ATT\\(|ATT\\(\\d{1,9},)(\\d+)");

  static final String SMALL_COHORT = "has only";
  static final String NOT_ESTIMATED = "not estimated";
  static final String NO_COMPARABLE = "no comparable colleagues";

  private EstimatorNotes() {}

  /**
   * Replaces month indices (months since year 0, five digits) with {@code yyyy-MM} and drops lists
   * of employee ids.
   */
  static String withMonths(String note) {
    // Notes may arrive joined with "; " (inside an exception message): strip ids part by part.
    String text =
        java.util.Arrays.stream(note.split("; "))
            .map(part -> UNIT_LIST.matcher(part).replaceAll("$1"))
            .collect(java.util.stream.Collectors.joining("; "));
    Matcher m = PERIOD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, PanelAssembler.monthOf(Integer.parseInt(m.group(1))).toString().substring(0, 7));
    }
    m.appendTail(out);
    return out.toString();
  }

  static List<String> forManifest(List<String> notes) {
    return notes.stream().map(EstimatorNotes::withMonths).toList();
  }

  /** At most a few plain sentences for readers of the report. */
  static List<String> forReport(List<String> notes) {
    long smallCohorts =
        notes.stream().filter(n -> n.startsWith("cohort ") && n.contains(SMALL_COHORT)).count();
    long missingCells = notes.stream().filter(n -> n.contains(NOT_ESTIMATED)).count();
    long noComparable = notes.stream().filter(n -> n.contains(NO_COMPARABLE)).count();
    List<String> out = new ArrayList<>();
    if (noComparable > 0) {
      out.add(
          noComparable
              + " month-by-month effect(s) are left out: their participants have no comparable"
              + " colleagues (the covariate models could not be fitted there; see the manifest)");
    }
    if (smallCohorts > 0) {
      out.add(
          smallCohorts
              + " joining month(s) have fewer than 5 people; their month-by-month"
              + " effects are imprecise");
    }
    if (missingCells > 0) {
      out.add(
          missingCells
              + " month-by-month effect(s) could not be estimated for lack of"
              + " people observed in both months compared");
    }
    notes.stream()
        .filter(
            n ->
                !(n.startsWith("cohort ") && n.contains(SMALL_COHORT))
                    && !n.contains(NOT_ESTIMATED)
                    && !n.contains(NO_COMPARABLE))
        .map(EstimatorNotes::withMonths)
        .forEach(out::add);
    return out;
  }
}
