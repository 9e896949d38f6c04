package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimatorNotesTest {

  final int march2025 = PanelAssembler.monthIndex(LocalDate.of(2025, 3, 1));
  final int april2025 = march2025 + 1;

  @Test
  void monthIndicesBecomeCalendarMonths() {
    assertEquals(LocalDate.of(2025, 4, 1), PanelAssembler.monthOf(april2025));
    assertEquals(
        "ATT(2025-03,2025-04) not estimated: 1 treated and 40 control units",
        EstimatorNotes.withMonths(
            "ATT("
                + march2025
                + ","
                + april2025
                + ") not estimated: 1 treated and 40 control units"));
  }

  @Test
  void countsAreNotMistakenForMonthsAndIdListsGoEvenInsideJoinedMessages() {
    assertEquals(
        "ATT(2025-03,2025-04) not estimated: 1 treated and 23456 control units",
        EstimatorNotes.withMonths(
            "ATT("
                + march2025
                + ","
                + april2025
                + ") not estimated: 1 treated and 23456 control units"));
    assertEquals(
        "no estimable cell; 3 unit(s) treated in or before the first period 2025-03"
            + " (no pre-treatment period), dropped",
        EstimatorNotes.withMonths(
            "no estimable cell; 3 unit(s) treated in or before the first"
                + " period "
                + march2025
                + " (no pre-treatment period), dropped (E10042, E10043)"));
  }

  @Test
  void theReportGetsASummaryInsteadOfOneLinePerCohort() {
    List<String> notes =
        List.of(
            "cohort " + march2025 + " has only 3 unit(s); its effects are imprecise",
            "cohort " + april2025 + " has only 1 unit(s); its effects are imprecise",
            "ATT("
                + march2025
                + ","
                + april2025
                + ") not estimated: 1 treated and 40 control units",
            "2 unit(s) dropped: no observed outcome (E1, E2)");
    assertEquals(
        List.of(
            "2 joining month(s) have fewer than 5 people; their month-by-month effects are imprecise",
            "1 month-by-month effect(s) could not be estimated for lack of people observed in both"
                + " months compared",
            "2 unit(s) dropped: no observed outcome"),
        EstimatorNotes.forReport(notes),
        "employee ids stay out of the report");
  }
}
