package org.sociallearning.impact.bi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.publish.PublishedPersonGroups;
import org.sociallearning.impact.sample.GenerationSummary;
import org.sociallearning.impact.sample.GeneratorSettings;
import org.sociallearning.impact.sample.SampleDataGenerator;

/**
 * The person table made k-anonymous on a generated company of 5,000 people: every combination of
 * published attributes is shared by at least min_group_size people, measured by the code that
 * measures the published file for the manifest.
 */
class PersonAnonymityTest {

  static final int K = 5;

  @Test
  void aCompanyOf5000PeopleHasNoCombinationRarerThanTheMinimumGroup(@TempDir Path dir)
      throws Exception {
    GeneratorSettings settings =
        GeneratorSettings.sample().withEmployees(GeneratorSettings.SCALE_ONE_EMPLOYEES);
    GenerationSummary company =
        SampleDataGenerator.generate(dir, settings.withWorkVolume(1).withChatterVolume(0.1));
    List<Row> roster = new ArrayList<>();
    List<Row> participants = new ArrayList<>();
    for (GenerationSummary.Employee e : company.employees()) {
      roster.add(
          RowFactory.create(
              e.employeeId(),
              e.department(),
              e.title(),
              e.location(),
              e.hireDate() == null ? null : Date.valueOf(e.hireDate())));
      if (e.joined()) {
        participants.add(
            RowFactory.create(
                e.employeeId(),
                Date.valueOf(e.joinMonth().atDay(1)),
                List.of("light", "regular", "heavy")
                    .get(Math.floorMod(e.employeeId().hashCode(), 3))));
      }
    }
    assertEquals(GeneratorSettings.SCALE_ONE_EMPLOYEES, roster.size());
    Dataset<Row> people =
        DimEmployee.of(
            BiTablesTest.frame(BiTablesTest.ROSTER, roster),
            BiTablesTest.frame(BiTablesTest.PARTICIPANTS, participants),
            LocalDate.of(2026, 11, 1),
            BiTablesTest.KEYS,
            K);
    long before = PersonAnonymity.smallestGroup(maps(people), PersonAnonymity.ATTRIBUTES);
    assertTrue(before < K, "attribute by attribute, combinations single people out: " + before);

    PersonAnonymity.Outcome outcome = PersonAnonymity.apply(TestSpark.session(), people, K);

    List<Map<String, String>> published = maps(outcome.people());
    long smallest = PersonAnonymity.smallestGroup(published, PersonAnonymity.ATTRIBUTES);
    assertTrue(smallest >= K, "smallest group " + smallest + " after " + outcome);
    assertEquals(smallest, outcome.smallestGroup());
    // Published as the job publishes it, and measured as the manifest measures a run's tables.
    Path run = java.nio.file.Files.createDirectories(dir.resolve("run"));
    org.sociallearning.impact.publish.ResultTables.write(
        TestSpark.session(), "dim_employee", outcome.people(), run);
    assertEquals(List.of("dim_employee"), PublishedPersonGroups.tablesWithPersonKeys(run));
    long measured = PublishedPersonGroups.smallestGroup(run).orElseThrow();
    assertTrue(measured >= K, "smallest group in the published file: " + measured);
    assertFalse(outcome.generalised().isEmpty(), outcome.toString());
    assertEquals(roster.size() - outcome.withheldRows(), published.size());
    assertTrue(
        outcome.withheldRows() + outcome.suppressedRows() < roster.size() / 20,
        "most people keep their attributes: " + outcome);
    assertEquals(
        company.employees().stream().filter(GenerationSummary.Employee::joined).count(),
        published.stream().filter(r -> r.get("participant").equals("true")).count()
            + withheldParticipants(people, outcome),
        "whether people took part is never generalised away");
  }

  @Test
  void aSmallTeamLosesItsRareDetailsFirstAndNoOneIsAlone() {
    // Eight people: four agents in Support, three in Sales, one in Legal (BiTablesTest's roster).
    PersonAnonymity.Outcome outcome =
        PersonAnonymity.apply(
            TestSpark.session(),
            DimEmployee.of(
                BiTablesTest.roster(),
                BiTablesTest.participants(),
                LocalDate.of(2026, 11, 1),
                BiTablesTest.KEYS,
                3),
            3);
    List<Map<String, String>> rows = maps(outcome.people());
    assertTrue(
        PersonAnonymity.smallestGroup(rows, PersonAnonymity.ATTRIBUTES) >= 3, outcome.toString());
    assertEquals(
        List.of("joined_month to quarter", "job_title left out"),
        outcome.generalised().subList(0, 2));
  }

  private static long withheldParticipants(Dataset<Row> before, PersonAnonymity.Outcome outcome) {
    List<String> kept =
        outcome
            .people()
            .select("employee_key")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    return maps(before).stream()
        .filter(r -> r.get("participant").equals("true") && !kept.contains(r.get("employee_key")))
        .count();
  }

  static List<Map<String, String>> maps(Dataset<Row> people) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Row r : people.collectAsList()) {
      Map<String, String> m = new HashMap<>();
      for (String c : r.schema().fieldNames()) {
        Object v = r.getAs(c);
        m.put(c, v == null ? null : v.toString());
      }
      out.add(m);
    }
    return out;
  }
}
