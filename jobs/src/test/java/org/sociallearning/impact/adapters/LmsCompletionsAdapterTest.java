package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.ConfigException;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.Intake;

class LmsCompletionsAdapterTest {

  @TempDir Path dir;

  @Test
  void completionsByUserIdInTheExportersZoneWithARepeatedRow() {
    // A "Transcript" report as LMSs save it: BOM, CRLF, quoted course titles with commas.
    Fixtures.write(
        dir.resolve("lms/transcript.csv"),
        true,
        "\r\n",
        "User ID,Course Code,Course Title,Completion Date,Status",
        "u-17,SEC101,\"Security, the basics\",03/04/2025 17:30,Completed",
        "u-18,SEC101,\"Security, the basics\",03/04/2025 09:00,Completed",
        "u-17,SEC101,\"Security, the basics\",03/04/2025 17:30,Completed",
        "u-99,DATA200,Data literacy,03/05/2025 08:00,Completed",
        "u-18,DATA200,Data literacy,2025-03-05,Completed");
    Fixtures.write(
        dir.resolve("lms/user_emails.csv"),
        false,
        "\n",
        "user_id,email",
        "u-17,Ana.Silva@Example.com",
        "u-18,bo@example.com");
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  learning: [{format: lms-completions-csv, path: lms/transcript.csv,"
                + " user_emails: lms/user_emails.csv, timezone: America/New_York,"
                + " timestamp_format: 'MM/dd/yyyy HH:mm',"
                + " columns: {user_id: User ID, course_id: Course Code, completed_at: Completion Date}}]\n");
    Intake intake =
        new LmsCompletionsAdapter()
            .read(TestSpark.session(), config, Fixtures.source(config, "learning"));

    assertEquals("formal_completions", intake.table());
    assertEquals(5, intake.read());
    assertEquals(2, intake.quarantined(), "an unmapped user and a date in another format");
    assertEquals(1, intake.deduplicated());
    assertEquals(2, intake.acceptedCount());
    List<Row> rows = intake.accepted().orderBy("completed_at").collectAsList();
    assertEquals("bo@example.com", rows.get(0).getAs("email"));
    assertEquals(
        Timestamp.from(Instant.parse("2025-03-04T14:00:00Z")),
        rows.get(0).getAs("completed_at"),
        "09:00 in New York (EST) is 14:00 UTC");
    assertEquals("ana.silva@example.com", rows.get(1).getAs("email"));
    assertEquals("SEC101", rows.get(1).getAs("course_id"));
    List<Row> bad = intake.quarantine().orderBy("line").collectAsList();
    assertEquals(List.of("5", "6"), Fixtures.strings(bad, "line"));
    assertEquals(
        "user_id: no email for this LMS user (map it in user_emails)", bad.get(0).getAs("reason"));
    assertTrue(((String) bad.get(1).getAs("reason")).startsWith("completed_at: not an ISO 8601"));
  }

  @Test
  void aUserIdWithoutAMappingFileIsAConfigError() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                Fixtures.config(
                    dir,
                    Fixtures.ROSTER_SOURCE
                        + "  learning: [{format: lms-completions-csv, path: roster.csv,"
                        + " columns: {user_id: Employee ID, course_id: c, completed_at: d}}]\n"));
    assertTrue(e.getMessage().contains("needs user_emails"), e.getMessage());
  }
}
