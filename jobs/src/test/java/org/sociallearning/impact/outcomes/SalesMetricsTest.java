package org.sociallearning.impact.outcomes;

import static org.sociallearning.impact.outcomes.FrameAssert.assertFrame;
import static org.sociallearning.impact.outcomes.FrameAssert.row;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.SALES;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.date;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.opportunities;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.opportunity;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Deal size and pipeline velocity on hand-made opportunities: as_of 2024-06-30 and a 90-day
 * horizon, so opportunities created by March are observable and from May on not yet.
 */
class SalesMetricsTest {

  static final Date JANUARY = date("2024-01-01");
  static final Date FEBRUARY = date("2024-02-01");
  static final Date MARCH = date("2024-03-01");

  @Test
  void dealSizeIsTheLogAmountOfDealsWonWithinTheHorizon() {
    Dataset<Row> deals =
        opportunities(
            opportunity("O01", "e1", "2024-01-10T10:00:00", "2024-02-09", true, true, 1000.0),
            opportunity("O02", "e1", "2024-01-15T10:00:00", "2024-05-01", true, true, 7000.0),
            opportunity("O03", "e1", "2024-01-20T10:00:00", "2024-02-01", true, false, 500.0),
            opportunity("O04", "e1", "2024-02-01T10:00:00", "2024-02-10", true, true, 0.0),
            opportunity("O05", "e1", "2024-02-01T10:00:00", "2024-02-10", true, true, null),
            opportunity("O06", "e1", "2024-02-03T10:00:00", "2024-08-01", false, false, 900.0),
            opportunity("O07", "e1", "2024-05-01T10:00:00", "2024-05-10", true, true, 900.0),
            opportunity("O08", "e2", "2024-03-01T10:00:00", "2024-03-01", true, true, 2500.0),
            opportunity("O09", null, "2024-01-10T10:00:00", "2024-01-20", true, true, 800.0),
            opportunity("O10", "e2", "2024-03-25T10:00:00", "2024-06-22", true, true, 100.0));
    assertFrame(
        DealSize.items(deals, SALES),
        List.of("employee_id", "month", "value"),
        row("e1", JANUARY, Math.log(1000.0)),
        row("e2", MARCH, Math.log(2500.0)), // same-day win
        row("e2", MARCH, Math.log(100.0))); // won on day 89 of 90
    // Left out: won after the horizon (O02), lost (O03), amount 0 or missing (O04, O05), open
    // (O06), created too recently (O07), owner unknown (O09).
  }

  /** One seller's January: won, lost, open, same-day win, won too late, won without amount. */
  static Dataset<Row> januaryPipeline() {
    return opportunities(
        opportunity("P01", "e1", "2024-01-10T10:00:00", "2024-02-09", true, true, 1000.0),
        opportunity("P02", "e1", "2024-01-12T10:00:00", "2024-01-22", true, false, 400.0),
        opportunity("P03", "e1", "2024-01-15T10:00:00", "2024-09-01", false, false, 300.0),
        opportunity("P04", "e1", "2024-01-20T10:00:00", "2024-01-20", true, true, 500.0),
        opportunity("P05", "e1", "2024-01-25T10:00:00", "2024-05-01", true, true, 800.0),
        opportunity("P06", "e1", "2024-01-26T10:00:00", "2024-02-05", true, true, null),
        opportunity("P07", "e1", "2024-02-01T10:00:00", "2024-02-11", true, false, 200.0),
        opportunity("P08", "e2", "2024-03-01T10:00:00", "2024-03-31", true, true, 3000.0),
        opportunity("P09", "e2", "2024-05-01T10:00:00", "2024-05-02", true, true, 3000.0),
        opportunity("P10", null, "2024-01-10T10:00:00", "2024-01-20", true, true, 800.0));
  }

  @Test
  void pipelineVelocityIsWonAmountOverAverageCycleOfTheMonthsOpportunities() {
    // January: 5 opportunities (P06 left out: won, amount unknown), 2 won within the horizon
    // (1000 + 500), cycles 30, 10, 90 (open), 1 (same day), 90 (won on day 97, capped).
    // (5 x 2/5 x 750) / (221 / 5) = 1500 / 44.2.
    assertFrame(
        PipelineVelocity.employeeMonths(januaryPipeline(), SALES),
        List.of("employee_id", "month", "value", "items"),
        row("e1", JANUARY, 1500.0 / 44.2, 5L),
        row("e1", FEBRUARY, 0.0, 1L), // nothing won: zero velocity, not missing
        row("e2", MARCH, 3000.0 / 30.0, 1L));
    // P09 is too recent to be observed for the whole horizon; P10 has no known owner.
  }

  @Test
  void winRateCountsEveryOpportunityCreatedAndWinsOnlyWithinTheHorizon() {
    // January of januaryPipeline: P01 and P04 won within 90 days; P02 lost, P03 still open at
    // the horizon, P05 won on day 97: all three count as not won. P06 (won, no amount) is a win
    // too: the amount does not matter for winning.
    assertFrame(
        WinRate.items(januaryPipeline(), SALES)
            .groupBy("employee_id", "month")
            .agg(
                org.apache.spark.sql.functions.sum("value").as("won"),
                org.apache.spark.sql.functions.count("value").as("created")),
        List.of("employee_id", "month", "won", "created"),
        row("e1", JANUARY, 3.0, 6L),
        row("e1", FEBRUARY, 0.0, 1L),
        row("e2", MARCH, 1.0, 1L));
  }

  @Test
  void pipelineVelocityItemsAreTheEmployeeMonthsSoAveragingAgainChangesNothing() {
    Dataset<Row> items = PipelineVelocity.items(januaryPipeline(), SALES);
    assertFrame(
        items,
        List.of("employee_id", "month", "value"),
        row("e1", JANUARY, 1500.0 / 44.2),
        row("e1", FEBRUARY, 0.0),
        row("e2", MARCH, 100.0));
    assertFrame(
        EmployeeMonthOutcomes.aggregate(items).drop("items"),
        List.of("employee_id", "month", "value"),
        row("e1", JANUARY, 1500.0 / 44.2),
        row("e1", FEBRUARY, 0.0),
        row("e2", MARCH, 100.0));
  }
}
