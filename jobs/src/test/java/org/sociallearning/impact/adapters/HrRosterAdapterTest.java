package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.Intake;

class HrRosterAdapterTest {

  @TempDir Path dir;

  @Test
  void workdayStyleExportWithQuotedNamesAndUsDates() {
    Fixtures.write(
        dir.resolve("workers.csv"),
        true,
        "\r\n",
        "Employee ID,Worker,Work Email,Business Title,Supervisory Organization,Location,Hire Date,"
            + "Manager Employee ID",
        "E10001,\"Silva, Ana\", Ana.Silva@Example.com ,Service Desk Analyst,IT Service Desk,Austin,"
            + "03/15/2021,E10009",
        "E10002,José Müller,jose.muller@example.com,Account Executive,Sales EMEA,Berlin,"
            + "2024-01-01,",
        "E10003,Bo Chen,not-an-email,Data Analyst,Finance,Dublin,01/02/2020,E10009",
        "E10001,\"Silva, Ana\",ana.silva@example.com,Senior Service Desk Analyst,IT Service Desk,"
            + "Austin,03/15/2021,E10009");
    PipelineConfig config =
        Fixtures.config(
            dir,
            """
          roster:
            format: hr-csv
            path: workers.csv
            columns: {employee_id: Employee ID, name: Worker, email: Work Email, job_title: Business Title,
                      department: Supervisory Organization, location: Location, hire_date: Hire Date,
                      manager_id: Manager Employee ID}
            date_format: MM/dd/yyyy
        """);
    Intake intake =
        new HrRosterAdapter().read(TestSpark.session(), config, Fixtures.source(config, "roster"));

    assertEquals(4, intake.read());
    assertEquals(1, intake.acceptedCount());
    assertEquals(2, intake.quarantined());
    assertEquals(1, intake.deduplicated());
    Map<String, Object> ana =
        Fixtures.byKey(intake.accepted().collectAsList(), "employee_id").get("E10001");
    assertEquals("ana.silva@example.com", ana.get("email"));
    assertEquals("Silva, Ana", ana.get("name"));
    assertEquals("Senior Service Desk Analyst", ana.get("job_title"), "the later row wins");
    assertEquals(Date.valueOf("2021-03-15"), ana.get("hire_date"));
    for (Row bad : intake.quarantine().collectAsList()) {
      String reason = bad.getAs("reason");
      assertTrue(
          reason.startsWith("hire_date: not a date like MM/dd/yyyy")
              || reason.equals("email: not an email address"),
          reason);
      if (reason.startsWith("email")) {
        assertEquals("***", bad.getAs("value"), "personal values are masked in quarantine");
      }
    }
  }
}
