package org.sociallearning.impact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.employee;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.roster;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.ticket;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.tickets;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.privacy.PseudonymKey;
import org.sociallearning.impact.publish.Manifest;
import org.sociallearning.impact.publish.StageLog;

/**
 * A stage on its own, on frames built in memory: the outcome stage turns resolved tables into each
 * configured metric's items and employee-months, once, and skips metrics without a source.
 */
class BuildOutcomesStageTest {

  @Test
  void everyMetricOfAConfiguredSourceIsBuiltOnceFromInMemoryFrames(@TempDir Path dir) {
    Fixtures.write(dir.resolve("incident.csv"), false, "\n", "number");
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  service_desk: [{format: servicenow-csv, path: incident.csv}]\n");
    // as_of 2026-11-01: tickets opened by September are observable for a 30-day horizon.
    Dataset<Row> tickets =
        tickets(
            ticket("T1", "e1", "2026-08-03T09:00:00", "2026-08-03T13:00:00", 0, 0, true),
            ticket("T2", "e1", "2026-08-10T09:00:00", "2026-08-11T09:00:00", 1, 0, true),
            ticket("T3", "e2", "2026-09-01T09:00:00", "2026-09-01T10:00:00", 0, 1, false),
            ticket("T4", null, "2026-09-02T09:00:00", "2026-09-02T10:00:00", 0, 0, true));
    Resolved resolved =
        new Resolved(
            Map.of(
                "roster",
                roster(employee("e1", "2020-01-01"), employee("e2", "2020-01-01")),
                "service_tickets",
                tickets),
            List.of());

    try (FrameCache cache = new FrameCache()) {
      StageContext ctx =
          new StageContext(
              TestSpark.session(),
              config,
              new StageLog(
                  new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
              new Manifest("test", "2026-11-01", "pipeline.yaml", "digest"),
              PseudonymKey.fromEnvironment(),
              cache,
              StageListener.NONE);
      Outcomes outcomes = BuildOutcomes.run(ctx, resolved);

      List<String> names = outcomes.metrics().stream().map(m -> m.metric().name()).toList();
      assertEquals(
          List.of(
              "time_to_resolve_hours",
              "first_contact_resolution_rate",
              "reopen_rate",
              "reassignment_count",
              "sla_attainment",
              "tickets_handled"),
          names,
          "ticket metrics only: no CRM source is configured");
      Outcomes.MetricOutcome resolve = outcomes.metrics().get(0);
      // Three tickets of known people; T4 has no assignee on the roster.
      assertEquals(3L, resolve.items().count());
      List<Row> months = resolve.employeeMonths().orderBy("employee_id", "month").collectAsList();
      assertEquals(2, months.size(), months.toString());
      assertEquals(2L, months.get(0).<Long>getAs("items"), "e1's two August tickets, one month");
      // Kept for the later stages, which start from the stored rows, not from the plan behind them.
      assertInstanceOf(LogicalRDD.class, resolve.employeeMonths().queryExecution().logical());
    }
  }
}
