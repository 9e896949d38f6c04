package org.sociallearning.impact.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

class StageDurationsTest {

  static final Timestamp CUTOFF = Timestamp.from(Instant.parse("2025-07-01T00:00:00Z"));

  /** {@code opportunity, stage, changed_at (UTC)} triples as opportunity_history rows. */
  static Dataset<Row> history(String... changes) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < changes.length; i += 3) {
      rows.add(
          RowFactory.create(
              "salesforce",
              "h" + i,
              changes[i],
              changes[i + 1],
              Timestamp.from(Instant.parse(changes[i + 2] + "Z")),
              null,
              null,
              "f.csv",
              (long) i));
    }
    return TestSpark.session()
        .createDataFrame(rows, SparkSchemas.of(TableContract.load("opportunity_history")));
  }

  @Test
  void visitsStartOnStageChangesAndEndWhenTheNextOneStarts() {
    Dataset<Row> visits =
        StageDurations.visits(
            history(
                "A",
                "Prospecting",
                "2025-01-01T00:00:00",
                "A",
                "Prospecting",
                "2025-01-05T00:00:00", // amount change: same visit
                "A",
                "Negotiation",
                "2025-01-11T00:00:00",
                "A",
                "Prospecting",
                "2025-01-12T12:00:00", // back again: a second visit
                "A",
                "Closed Won",
                "2025-01-20T12:00:00",
                "A",
                "Closed Lost",
                "2025-08-01T00:00:00"),
            CUTOFF); // after as_of: ignored
    List<String> seen = new ArrayList<>();
    for (Row r : visits.orderBy("entered_at").collectAsList()) {
      seen.add(r.getAs("stage") + " " + r.getAs("days"));
    }
    assertEquals(
        List.of("Prospecting 10.0", "Negotiation 1.5", "Prospecting 8.0", "Closed Won null"), seen);
  }

  @Test
  void summarySuppressesStagesWithFewFinishedVisits() {
    List<String> changes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      changes.addAll(List.of("O" + i, "Qualification", "2025-02-0" + (1 + i) + "T00:00:00"));
      changes.addAll(List.of("O" + i, "Proposal", "2025-02-1" + (1 + i) + "T00:00:00"));
    }
    changes.addAll(
        List.of(
            "O9", "Proposal", "2025-03-01T00:00:00", "O9", "Closed Won", "2025-03-03T00:00:00"));
    Map<String, Map<String, Object>> byStage =
        Fixtures.byKey(
            StageDurations.summary(
                    StageDurations.visits(history(changes.toArray(String[]::new)), CUTOFF), 3)
                .collectAsList(),
            "stage");
    Map<String, Object> qualification = byStage.get("Qualification");
    assertEquals(4L, qualification.get("finished_visits"));
    assertEquals(0L, qualification.get("open_visits"));
    assertEquals(10.0, (Double) qualification.get("median_days"), 1e-9);
    assertEquals(false, qualification.get("suppressed"));
    Map<String, Object> proposal = byStage.get("Proposal");
    assertEquals(1L, proposal.get("finished_visits"));
    assertEquals(4L, proposal.get("open_visits"));
    assertNull(proposal.get("median_days"), "one finished visit is below the minimum of 3");
    assertEquals(true, proposal.get("suppressed"));
  }
}
