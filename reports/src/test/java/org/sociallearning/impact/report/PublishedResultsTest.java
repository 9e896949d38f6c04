package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a published output folder (as the job writes it) back into the report model. */
class PublishedResultsTest {

  @TempDir Path out;

  @BeforeEach
  void publish() throws Exception {
    Files.writeString(
        out.resolve("manifest.json"),
        """
                {"run_id": "20261101T021400Z", "as_of": "2026-11-01", "min_group_size": 5,
                 "sources": [{"source": "service_desk", "format": "servicenow-csv",
                   "rows_read": 100, "rows_accepted": 90, "rows_quarantined": 7,
                   "rows_deduplicated": 3, "unmatched_identities": 2}],
                 "warnings": ["2 identities in the exports did not match the HR roster"]}
                """);
    Files.writeString(
        out.resolve("impact_estimates.csv"),
        String.join(
            "\n",
            "metric,segment,estimate,ci_low,ci_high,relative_effect,relative_ci_low,"
                + "relative_ci_high,n_treated,n_comparison,method,warnings,p_value,"
                + "p_value_adjusted,pretrend_p_value,pretrend_tests",
            "time_to_resolve_hours,all,-0.2,-0.3,-0.1,-0.18,-0.26,-0.095,40,80,DiD log,"
                + "a; b,0.001,0.002,0.5,3",
            "time_to_resolve_hours,community=<script>alert(1)</script>,,,,,,,2,80,DiD,"
                + "suppressed: fewer than 5 people in a group,,,,0",
            "win_rate,all,,,,,,,0,0,DiD,not estimated: no post-joining period,,,,0",
            ""));
    Files.writeString(
        out.resolve("impact_event_study.csv"),
        "metric,event_time,estimate,se,ci_low,ci_high,n_treated\n"
            + "time_to_resolve_hours,-1,0.01,0.02,-0.03,0.05,30\n"
            + "time_to_resolve_hours,0,-0.2,0.05,-0.3,-0.1,30\n");
    Files.writeString(
        out.resolve("impact_calendar.csv"),
        "metric,month,participants_mean,counterfactual_mean,comparison_mean,"
            + "n_participants,n_comparison\n"
            + "time_to_resolve_hours,2026-03-01,2.5,2.7,2.8,12,60\n"
            + "time_to_resolve_hours,2026-04-01,,,2.8,3,60\n");
    Files.writeString(
        out.resolve("value_estimates.csv"),
        "item,estimate,ci_low,ci_high,unit,method\n"
            + "hours_saved,500,300,700,hours,x\n"
            + "program_cost,,,,EUR,value.program_cost is not configured\n");
    Files.createDirectories(out.resolve("quarantine"));
    Files.writeString(
        out.resolve("quarantine/quarantine.csv"),
        "source,format,file,line,reason,value\n"
            + "service_desk,servicenow-csv,a.csv,3,opened_at: cannot parse,x\n"
            + "service_desk,servicenow-csv,a.csv,9,opened_at: cannot parse,y\n"
            + "service_desk,servicenow-csv,a.csv,12,number: missing,\n");
  }

  @Test
  void readsTheEvidenceGradeWhenTheTableHasIt() throws Exception {
    Files.writeString(
        out.resolve("impact_estimates.csv"),
        "metric,segment,estimate,ci_low,ci_high,relative_effect,relative_ci_low,"
            + "relative_ci_high,n_treated,n_comparison,method,warnings,p_value,"
            + "p_value_adjusted,pretrend_p_value,pretrend_tests,evidence\n"
            + "time_to_resolve_hours,all,-0.2,-0.3,-0.1,-0.18,-0.26,-0.095,40,80,DiD log,"
            + ",0.001,0.002,0.01,3,unreliable\n");
    MetricResult m = PublishedResults.read(out).metrics().get(0);
    assertEquals("unreliable", m.evidence());
    assertTrue(m.isUnreliable());
  }

  @Test
  void readsEveryPublishedTableIntoTheModel() {
    ReportModel model = PublishedResults.read(out);

    assertEquals(LocalDate.of(2026, 11, 1), model.asOf());
    assertEquals("2026-11-01 02:14 UTC", model.generatedAt());
    assertEquals(5, model.minGroupSize());
    MetricResult ticket = model.metrics().get(0);
    assertEquals("Time to resolve (customer waiting time)", ticket.label());
    assertEquals(-0.18, ticket.relativeEffect());
    assertEquals(List.of("a", "b"), ticket.warnings());
    assertEquals(0.5, ticket.preTrendPValue());
    assertEquals(2, ticket.eventStudy().size());
    assertEquals(2, ticket.calendar().size());
    assertTrue(Double.isNaN(ticket.calendar().get(1).participants()));
    MetricResult winRate = model.metrics().get(1);
    assertTrue(winRate.isSuppressed(5), "not estimated: nobody behind it");
    SegmentResult community = model.segments().get(0);
    assertEquals("community", community.dimension());
    assertEquals(ReportFixture.HOSTILE, community.value());
    assertTrue(community.result().suppressed());
    assertEquals(2, model.values().size());
    assertTrue(Double.isNaN(model.values().get(1).estimate()));
    assertEquals(
        new SourceSummary("service_desk", "servicenow-csv", 100, 90, 7, 3, 2),
        model.sources().get(0));
    assertEquals(
        List.of(
            new QuarantineReason("service_desk", "opened_at: cannot parse", 2),
            new QuarantineReason("service_desk", "number: missing", 1)),
        model.quarantineReasons());
    assertEquals(List.of(), model.knowledgeFlow(), "absent optional table reads as empty");
    assertTrue(model.method().contains("Technically: DiD log."));
  }

  @Test
  void rewriteRendersBothFilesFromTheFolder() throws Exception {
    ReportWriter.Written written = ReportWriter.rewrite(out);

    String html = Files.readString(written.html());
    assertTrue(
        html.contains(
            "Service agents who joined a community resolved tickets 18%"
                + " faster (95% CI 10% to 26%) than comparable colleagues."),
        html);
    assertTrue(
        html.contains(
            "The work saved comes to about 500 hours (95% CI 300 hours to" + " 700 hours) a year."),
        html);
    assertTrue(
        html.contains(
            "Community: &lt;script&gt;alert(1)&lt;/script&gt; (fewer than 5" + " people)"));
    assertTrue(Files.size(written.pdf()) > 10_000);
  }

  @Test
  void aFolderWithoutManifestIsNamedInTheError() throws Exception {
    Files.delete(out.resolve("manifest.json"));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PublishedResults.read(out));
    assertTrue(e.getMessage().contains("manifest.json is missing"), e.getMessage());
  }
}
