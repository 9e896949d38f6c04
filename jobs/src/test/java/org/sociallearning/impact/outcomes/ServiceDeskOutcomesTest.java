package org.sociallearning.impact.outcomes;

import static org.sociallearning.impact.outcomes.FrameAssert.assertFrame;
import static org.sociallearning.impact.outcomes.FrameAssert.row;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.TICKETS;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.date;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.ticket;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.tickets;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.ts;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.with;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The four service-desk metrics on hand-made tickets: as_of 2024-06-30 and a 30-day horizon, so
 * tickets opened in May are observable and tickets opened in June are not yet.
 */
class ServiceDeskOutcomesTest {

  static final List<String> ITEM_COLUMNS = List.of("employee_id", "month", "value");
  static final Date MAY = date("2024-05-01");
  static final Date APRIL = date("2024-04-01");

  /**
   * Fast, passed on, reopened, slow, at the horizon, still open, too recent, unknown agent, counts
   * missing, opened at midnight's edge, closed as a duplicate without a resolution.
   */
  static Dataset<Row> ticketsAcrossTheFirstContactCases() {
    return tickets(
        ticket("INC01", "e1", "2024-05-02T09:00:00", "2024-05-02T10:00:00", 0, 0, true),
        ticket("INC02", "e1", "2024-05-03T09:00:00", "2024-05-04T09:00:00", 1, 0, true),
        ticket("INC03", "e1", "2024-05-05T09:00:00", "2024-05-06T09:00:00", 0, 1, false),
        ticket("INC04", "e1", "2024-05-01T08:00:00", "2024-06-01T08:00:00", 0, 0, false),
        ticket("INC05", "e1", "2024-05-01T08:00:00", "2024-05-31T08:00:00", 0, 0, true),
        ticket("INC06", "e1", "2024-05-20T09:00:00", null, 0, 0, true),
        ticket("INC07", "e1", "2024-06-05T09:00:00", "2024-06-05T10:00:00", 0, 0, true),
        ticket("INC08", null, "2024-05-02T09:00:00", "2024-05-02T10:00:00", 0, 0, true),
        ticket("INC09", "e1", "2024-05-02T09:00:00", "2024-05-02T10:00:00", null, 0, null),
        ticket("INC10", "e2", "2024-04-30T23:30:00", "2024-05-01T00:30:00", 0, 0, true),
        with(
            ticket("INC11", "e1", "2024-05-07T09:00:00", null, 0, 0, true),
            "closed_at",
            ts("2024-05-07T11:00:00")));
  }

  @Test
  void firstContactResolutionCountsTicketsStillOpenAfterTheHorizonAsNotResolved() {
    assertFrame(
        FirstContactResolution.items(ticketsAcrossTheFirstContactCases(), TICKETS),
        ITEM_COLUMNS,
        row("e1", MAY, 1.0), // resolved in an hour, never passed on or reopened
        row("e1", MAY, 0.0), // reassigned once
        row("e1", MAY, 0.0), // reopened once
        row("e1", MAY, 0.0), // resolved 31 days after opening: after the 30-day horizon
        row("e1", MAY, 1.0), // resolved exactly at the horizon
        row("e1", MAY, 0.0), // still open at as_of: kept, as not resolved at first contact
        row("e2", APRIL, 1.0)); // month of opening, not of resolution
    // Left out: opened in June (not yet observable), unknown agent, counts missing, closed
    // without ever being resolved.
  }

  /** Resolved, reopened, reopened and open again, never resolved, resolved after as_of. */
  static Dataset<Row> ticketsAcrossTheReopenCases() {
    return tickets(
        ticket("INC11", "e1", "2024-05-02T09:00:00", "2024-05-03T09:00:00", 0, 0, true),
        ticket("INC12", "e1", "2024-05-02T09:00:00", "2024-05-09T09:00:00", 0, 2, true),
        ticket("INC13", "e1", "2024-05-02T09:00:00", null, 1, 1, true),
        ticket("INC14", "e1", "2024-05-02T09:00:00", null, 0, 0, true),
        ticket("INC15", "e1", "2024-05-02T09:00:00", "2024-07-05T09:00:00", 0, 0, true),
        ticket("INC16", "e1", "2024-05-02T09:00:00", "2024-05-03T09:00:00", 0, null, true),
        ticket("INC17", "e1", "2024-06-10T09:00:00", "2024-06-10T10:00:00", 0, 1, true));
  }

  @Test
  void reopenRateCountsTicketsResolvedAtLeastOnceIncludingReopenedOnesOpenAgain() {
    assertFrame(
        ReopenRate.items(ticketsAcrossTheReopenCases(), TICKETS),
        ITEM_COLUMNS,
        row("e1", MAY, 0.0), // resolved, never reopened
        row("e1", MAY, 1.0), // reopened twice
        row("e1", MAY, 1.0)); // reopened and open again (no resolved_at)
    // Left out: never resolved (nothing to reopen), resolved only after as_of, reopen_count
    // missing, opened too recently to be observed for the whole horizon.
  }

  @Test
  void reassignmentCountKeepsOpenTicketsWithTheirCountSoFar() {
    Dataset<Row> tickets =
        tickets(
            ticket("INC21", "e1", "2024-05-02T09:00:00", "2024-05-02T10:00:00", 0, 0, true),
            ticket("INC22", "e1", "2024-05-02T09:00:00", null, 3, 0, true),
            ticket("INC23", "e1", "2024-05-02T09:00:00", "2024-05-02T10:00:00", null, 0, true),
            ticket("INC24", "e1", "2024-06-02T09:00:00", "2024-06-02T10:00:00", 5, 0, true));
    assertFrame(
        ReassignmentCount.items(tickets, TICKETS),
        ITEM_COLUMNS,
        row("e1", MAY, 0.0),
        row("e1", MAY, 3.0)); // still open at as_of, passed on three times so far
  }

  @Test
  void slaAttainmentLeavesOutTicketsWithoutAMadeSlaValue() {
    Dataset<Row> tickets =
        tickets(
            ticket("INC31", "e1", "2024-05-02T09:00:00", "2024-05-02T10:00:00", 0, 0, true),
            ticket("INC32", "e1", "2024-05-02T09:00:00", "2024-05-20T10:00:00", 0, 0, false),
            ticket("INC33", "e1", "2024-05-02T09:00:00", null, 0, 0, false),
            ticket("INC34", "e1", "2024-05-02T09:00:00", "2024-05-02T10:00:00", 0, 0, null),
            ticket("INC35", "e1", "2024-06-02T09:00:00", "2024-06-02T10:00:00", 0, 0, true),
            ticket("INC36", null, "2024-05-02T09:00:00", "2024-05-02T10:00:00", 0, 0, true));
    assertFrame(
        SlaAttainment.items(tickets, TICKETS),
        ITEM_COLUMNS,
        row("e1", MAY, 1.0),
        row("e1", MAY, 0.0),
        row("e1", MAY, 0.0)); // still open and already breached
  }
}
