package org.sociallearning.impact.outcomes;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sociallearning.impact.outcomes.FrameAssert.assertFrame;
import static org.sociallearning.impact.outcomes.FrameAssert.row;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.SALES;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.date;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.employee;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.opportunities;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.opportunity;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.participants;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.roster;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Time from hire to the first won deal, right-censored at as_of (2024-06-30); the CRM export starts
 * with an opportunity created on 2023-01-05.
 */
class TimeToFirstDealTest {

  static Dataset<Row> hiresAcrossTheCensoringCases() {
    return roster(
        employee("h1", "2023-03-01"), // wins twice; the first win counts
        employee("h2", "2023-09-01"), // only an open opportunity: censored
        employee("h3", "2022-06-01"), // hired before the export starts: first deal unknowable
        employee("h4", "2023-05-01"), // owns no opportunity: not a seller
        employee("h5", "2023-02-01"), // inherited a deal won before the hire date: censored
        employee("h6", "2024-07-15"), // hired after as_of
        employee("h7", null), // no hire date
        employee("h8", "2024-01-10"), // wins only after as_of: censored
        employee("h9", "2024-02-01")); // wins on the first day
  }

  static Dataset<Row> dealsOfTheHires() {
    return opportunities(
        opportunity("D01", "h1", "2023-03-10T09:00:00", "2023-03-20", true, false, 100.0),
        opportunity("D02", "h1", "2023-04-01T09:00:00", "2023-06-15", true, true, 100.0),
        opportunity("D03", "h1", "2023-04-02T09:00:00", "2023-05-31", true, true, 100.0),
        opportunity("D04", "h2", "2023-09-10T09:00:00", "2024-12-01", false, false, 100.0),
        opportunity("D05", "h3", "2023-02-01T09:00:00", "2023-03-01", true, true, 100.0),
        opportunity("D06", "h5", "2023-01-05T09:00:00", "2023-01-20", true, true, 100.0),
        opportunity("D07", "h6", "2024-06-20T09:00:00", "2024-06-25", true, true, 100.0),
        opportunity("D08", "h7", "2023-06-01T09:00:00", "2023-06-25", true, true, 100.0),
        opportunity("D09", "h8", "2024-02-01T09:00:00", "2024-07-05", true, true, 100.0),
        opportunity("D10", "h9", "2024-01-20T09:00:00", "2024-02-01", true, true, 100.0),
        opportunity("D11", null, "2024-01-20T09:00:00", "2024-02-01", true, true, 100.0));
  }

  @Test
  void newSellersGetDaysToTheirFirstWinOrAreCensoredAtAsOf() {
    assertFrame(
        TimeToFirstDeal.people(hiresAcrossTheCensoringCases(), dealsOfTheHires(), SALES),
        List.of("employee_id", "hire_month", "days", "event"),
        row("h1", date("2023-03-01"), 91, true), // 2023-03-01 to 2023-05-31
        row("h2", date("2023-09-01"), 303, false), // to as_of 2024-06-30
        row("h5", date("2023-02-01"), 515, false),
        row("h8", date("2024-01-01"), 172, false),
        row("h9", date("2024-02-01"), 0, true));
  }

  @Test
  void landmarkGroupsFixParticipationAtTheLandmarkAndDropEarlierFirstDeals() {
    Dataset<Row> people =
        TimeToFirstDeal.people(hiresAcrossTheCensoringCases(), dealsOfTheHires(), SALES);
    Dataset<Row> joined =
        participants(
            "h1", "2023-04-15T12:00:00", // 45 days after hire
            "h2", "2024-01-01T12:00:00", // 122 days after hire
            "h8", "2024-03-10T08:00:00", // exactly 60 days after hire
            "h9", "2024-02-05T08:00:00"); // won on day 0, before the landmark
    assertFrame(
        TimeToFirstDeal.landmarkGroups(people, hiresAcrossTheCensoringCases(), joined, 60),
        List.of("employee_id", "group", "days", "event"),
        row("h1", TimeToFirstDeal.PARTICIPANT, 91, true),
        row("h2", TimeToFirstDeal.LATER_PARTICIPANT, 303, false),
        row("h5", TimeToFirstDeal.NEVER_PARTICIPANT, 515, false),
        row("h8", TimeToFirstDeal.PARTICIPANT, 172, false));
  }

  @Test
  void aNegativeLandmarkIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TimeToFirstDeal.landmarkGroups(
                TimeToFirstDeal.people(roster(), opportunities(), SALES),
                roster(),
                participants(),
                -1));
  }
}
