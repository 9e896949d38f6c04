package org.sociallearning.impact.outcomes;

import static org.sociallearning.impact.outcomes.FrameAssert.assertFrame;
import static org.sociallearning.impact.outcomes.FrameAssert.row;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.SALES;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.TICKETS;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.date;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.employee;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.opportunities;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.opportunity;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.roster;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.ticket;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.tickets;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Items started per employee-month, with the months in which someone started none. */
class WorkVolumeTest {

  @Test
  void ticketsHandledCountsZeroMonthsFromCoverageOrHireToTheLastObservableMonth() {
    // as_of 2024-06-30, 30 days: May is the last observable month. The export starts in March.
    assertFrame(
        WorkVolume.employeeMonths(
            tickets(
                ticket("T1", "e1", "2024-03-05T09:00:00", null, 0, 0, true),
                ticket("T2", "e1", "2024-03-20T09:00:00", null, 0, 0, true),
                ticket("T3", "e1", "2024-05-02T09:00:00", null, 0, 0, true),
                ticket("T4", "e2", "2024-05-10T09:00:00", null, 0, 0, true),
                // June is not observable yet, and an unknown assignee counts for nobody.
                ticket("T5", "e1", "2024-06-03T09:00:00", null, 0, 0, true),
                ticket("T6", null, "2024-04-03T09:00:00", null, 0, 0, true)),
            "opened_at",
            roster(employee("e1", "2020-01-01"), employee("e2", "2024-04-15")),
            TICKETS),
        List.of("employee_id", "month", "value", "items"),
        row("e1", date("2024-03-01"), 2.0, 2L),
        row("e1", date("2024-04-01"), 0.0, 0L),
        row("e1", date("2024-05-01"), 1.0, 1L),
        // Hired in April: no zero month before the hire.
        row("e2", date("2024-04-01"), 0.0, 0L),
        row("e2", date("2024-05-01"), 1.0, 1L));
  }

  @Test
  void aPersonWhoseOnlyWorkIsTooRecentStillHasTheirZeroMonths() {
    // 90-day horizon: opportunities created from April on are not observable at 2024-06-30.
    assertFrame(
        WorkVolume.employeeMonths(
            opportunities(
                opportunity("O1", "e1", "2024-01-10T10:00:00", null, false, false, null),
                opportunity("O2", "e2", "2024-05-10T10:00:00", null, false, false, null)),
            "created_at",
            roster(employee("e1", "2019-01-01"), employee("e2", "2019-01-01")),
            SALES),
        List.of("employee_id", "month", "value", "items"),
        row("e1", date("2024-01-01"), 1.0, 1L),
        row("e1", date("2024-02-01"), 0.0, 0L),
        row("e1", date("2024-03-01"), 0.0, 0L),
        row("e2", date("2024-01-01"), 0.0, 0L),
        row("e2", date("2024-02-01"), 0.0, 0L),
        row("e2", date("2024-03-01"), 0.0, 0L));
  }
}
