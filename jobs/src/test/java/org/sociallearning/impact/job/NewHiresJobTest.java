package org.sociallearning.impact.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sociallearning.impact.effects.NewHireSensitivity;
import org.sociallearning.impact.effects.PropensityOverlap;
import org.sociallearning.impact.effects.TenureBalance;
import org.sociallearning.impact.testing.Companies;
import org.sociallearning.impact.testing.TestCompanies;

/**
 * The job on a generated company where new hires join while they learn the job, with its default
 * settings (compared with colleagues of the same tenure) and with the tenure adjustment switched
 * off. A class of its own so the pipeline classes' two lanes share the generated companies' runs
 * evenly.
 */
@Tag("pipeline")
@Order(7) // see the failsafe configuration: two classes at a time, longest at both ends
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewHiresJobTest {

  NightlyImpactJob.RunResult newHires;
  NightlyImpactJob.RunResult newHiresUnadjusted;

  @BeforeAll
  void shareTheRuns() {
    newHires = Companies.run(TestCompanies.NEW_HIRES);
    newHiresUnadjusted = Companies.run(TestCompanies.NEW_HIRES_UNADJUSTED);
  }

  /**
   * Nothing was planted; a third of the people are new hires who get faster anyway and mostly join
   * in their first months. Compared with everyone else, that learning curve reads as tickets
   * resolved about 19% faster and deals closed about 20% sooner, both with intervals clear of 0.
   * With the default settings the job compares participants with colleagues of the same tenure
   * (doubly robust, tenure bands) and finds nothing or does not grade it as a finding; with the
   * adjustment switched off ({@code covariates: []}) it says participants were much newer than
   * their comparison group and grades it at most weak.
   */
  @Test
  void newHiresWhoGetFasterWhileTheyJoinAreNotTakenForTheCommunitysEffect() throws Exception {
    for (String name : List.of("time_to_resolve_hours", "sales_cycle_days")) {
      CSVRecord adjusted = PlantedScenariosJobTest.overall(newHires, name);
      assertTrue(
          adjusted.get("method").contains("doubly robust adjustment for tenure"),
          "tenure adjustment is on by default: " + adjusted.get("method"));
      assertTrue(
          PlantedScenariosJobTest.coversZero(adjusted)
              || List.of("weak", "unreliable").contains(adjusted.get("evidence")),
          "nothing was planted: " + PlantedScenariosJobTest.seen(adjusted));
      assertFalse(
          adjusted.get("warnings").contains(TenureBalance.NOTE_START),
          PlantedScenariosJobTest.seen(adjusted));
      assertTrue(
          adjusted.get("warnings").contains("participants had a category (tenure_bands)"),
          "the participants without comparable colleagues are counted: "
              + PlantedScenariosJobTest.seen(adjusted));
      CSVRecord tenure = PlantedScenariosJobTest.balanceRow(newHires, name, TenureBalance.VARIABLE);
      assertTrue(
          Double.parseDouble(tenure.get("smd")) < -TenureBalance.THRESHOLD, tenure.toString());
      // Most comparison colleagues are tenured: a third or more of the participants are more
      // likely to join than anyone in the comparison group (the tickets' share is about 0.9).
      CSVRecord outside =
          PlantedScenariosJobTest.balanceRow(newHires, name, PropensityOverlap.OUTSIDE);
      assertTrue(Double.parseDouble(outside.get("participants")) > 1.0 / 3, outside.toString());
      CSVRecord firstYear =
          PlantedScenariosJobTest.balanceRow(newHires, name, TenureBalance.FIRST_YEAR);
      assertTrue(
          Double.parseDouble(firstYear.get("participants"))
              > Double.parseDouble(firstYear.get("comparison")) + 0.3,
          "most participants are in their first year, few in the comparison group: " + firstYear);

      CSVRecord row = PlantedScenariosJobTest.overall(newHiresUnadjusted, name);
      assertFalse(row.get("method").contains("adjustment for tenure"), row.get("method"));
      boolean noted = row.get("warnings").contains(TenureBalance.NOTE_START);
      assertTrue(
          PlantedScenariosJobTest.coversZero(row)
              || List.of("weak", "unreliable").contains(row.get("evidence")) && noted,
          "nothing was planted: " + PlantedScenariosJobTest.seen(row));
      assertTrue(
          noted,
          "participants much newer than their colleagues: " + PlantedScenariosJobTest.seen(row));

      // Most participants are new hires who joined in their first months: beside the headline,
      // the estimate with each person's first 3 months after hire left out rests on few of them.
      assertEquals(
          String.valueOf(NewHireSensitivity.MONTHS),
          row.get("hire_sensitivity_months"),
          PlantedScenariosJobTest.seen(row));
      assertTrue(
          Long.parseLong(row.get("hire_sensitivity_n_treated"))
              < Long.parseLong(row.get("n_treated")) / 2,
          "without their first months, the new hires leave the estimate: "
              + PlantedScenariosJobTest.seen(row));

      // Segments (department, community, intensity) carry the same gate.
      List<CSVRecord> notedSegments =
          PlantedScenariosJobTest.csv(newHiresUnadjusted, "impact_estimates").stream()
              .filter(r -> r.get("metric").equals(name) && !r.get("segment").equals("all"))
              .filter(r -> r.get("warnings").contains(TenureBalance.NOTE_START))
              .toList();
      assertFalse(notedSegments.isEmpty(), name + ": no segment has the tenure note");
      for (CSVRecord r : notedSegments) {
        assertFalse(
            List.of("strong", "moderate").contains(r.get("evidence")),
            PlantedScenariosJobTest.seen(r));
      }
    }
    String report = Files.readString(newHires.report());
    assertTrue(
        report.contains("tenure adjustment is on"), "the method section says the adjustment is on");
    assertTrue(
        report.contains("each is compared with colleagues of the same tenure"),
        "Who joined reads the tenure gap as adjusted for");
    assertTrue(
        report.contains("% of participants have no comparison colleague as likely to join"),
        "Who joined says how many participants nobody in the comparison group is like");
    assertTrue(
        Files.readString(newHiresUnadjusted.report()).contains("first 3 months left out"),
        "the report shows the estimate without the first months after hire beside the headline");
  }
}
