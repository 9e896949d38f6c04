package org.sociallearning.impact.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.SALES;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.TICKETS;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.employee;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.opportunities;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.opportunity;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.roster;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.ticket;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.tickets;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.schemas.MetricDefinition;

/** Every employee-month metric in metrics.yaml has one registered outcome step, by name. */
class OutcomeMetricsTest {

  static final Set<String> CATALOGUED_TABLES = Set.of("service_tickets", "opportunities");

  /** Per person, not per employee-month: a Kaplan-Meier comparison, not a panel. */
  static final Set<String> PER_PERSON = Set.of(TimeToFirstDeal.METRIC);

  static Dataset<Row> aFewTickets() {
    return tickets(
        ticket("INC01", "e1", "2024-05-02T09:00:00", "2024-05-02T10:00:00", 0, 0, true),
        ticket("INC02", "e1", "2024-05-03T09:00:00", null, 2, 1, false),
        ticket("INC03", "e2", "2024-04-03T09:00:00", "2024-04-09T09:00:00", 1, 0, true));
  }

  static Dataset<Row> aFewDeals() {
    return opportunities(
        opportunity("O01", "e1", "2024-01-10T10:00:00", "2024-02-09", true, true, 1000.0),
        opportunity("O02", "e1", "2024-01-12T10:00:00", "2024-01-22", true, false, 400.0),
        opportunity("O03", "e2", "2024-02-01T10:00:00", "2024-02-21", true, true, 250.0));
  }

  static OutcomeSources sources() {
    return new OutcomeSources(
        aFewTickets(),
        aFewDeals(),
        roster(employee("e1", "2020-01-01"), employee("e2", "2020-01-01")),
        TICKETS,
        SALES);
  }

  static Dataset<Row> items(String metric) {
    return OutcomeMetrics.named(metric).items(sources());
  }

  @Test
  void theRegistryCoversExactlyTheEmployeeMonthMetricsOfMetricsYamlInItsOrder() {
    List<String> defined =
        MetricDefinition.all().stream()
            .filter(m -> CATALOGUED_TABLES.contains(m.sourceTable()))
            .map(MetricDefinition::name)
            .filter(n -> !PER_PERSON.contains(n))
            .toList();
    assertEquals(
        defined,
        OutcomeMetrics.ALL.stream().map(OutcomeMetric::name).toList(),
        "one registration per metric, in metrics.yaml order");
    for (OutcomeMetric m : OutcomeMetrics.ALL) {
      assertEquals(MetricDefinition.named(m.name()).sourceTable(), m.sourceTable());
    }
  }

  @Test
  void everyMetricGivesEmployeeMonthRowsAndEveryItemMetricItsItems() {
    for (OutcomeMetric metric : OutcomeMetrics.ALL) {
      Dataset<Row> items = metric.items(sources());
      if (metric.definition().isVolume()) {
        assertNull(items, metric.name() + " counts items, it has no item rows");
      } else {
        assertEquals(
            List.of("employee_id", "month", "value"),
            Arrays.asList(items.columns()),
            metric.name());
        assertFalse(items.isEmpty(), metric.name() + " has rows on the fixture");
      }
      Dataset<Row> panel = metric.employeeMonths(sources(), items);
      assertEquals(
          List.of("employee_id", "month", "value", "items"),
          Arrays.asList(panel.columns()),
          metric.name());
      assertFalse(panel.isEmpty(), metric.name());
    }
  }

  @Test
  void theExistingMetricsDispatchToTheirOwnSteps() {
    assertSameRows(TimeToResolve.items(aFewTickets(), TICKETS), items(TimeToResolve.METRIC));
    assertSameRows(SalesCycle.items(aFewDeals(), SALES), items(SalesCycle.METRIC));
    assertSameRows(WinRate.items(aFewDeals(), SALES), items(WinRate.METRIC));
    assertSameRows(
        FirstContactResolution.items(aFewTickets(), TICKETS), items(FirstContactResolution.METRIC));
    assertSameRows(DealSize.items(aFewDeals(), SALES), items(DealSize.METRIC));
  }

  @Test
  void employeeMonthsCountsOpportunitiesBehindPipelineVelocity() {
    OutcomeMetric velocity = OutcomeMetrics.named(PipelineVelocity.METRIC);
    assertSameRows(
        PipelineVelocity.employeeMonths(aFewDeals(), SALES),
        velocity.employeeMonths(sources(), velocity.items(sources())));
    OutcomeMetric reopen = OutcomeMetrics.named(ReopenRate.METRIC);
    assertSameRows(
        EmployeeMonthOutcomes.aggregate(ReopenRate.items(aFewTickets(), TICKETS)),
        reopen.employeeMonths(sources(), reopen.items(sources())));
  }

  @Test
  void anUnknownMetricIsRefusedByName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OutcomeMetrics.named("answer_rate"));
    assertTrue(e.getMessage().contains("'answer_rate'"), e.getMessage());
  }

  @Test
  void aMissingSourceTableIsNamed() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () ->
                OutcomeMetrics.named(ReopenRate.METRIC)
                    .items(new OutcomeSources(null, aFewDeals(), null, TICKETS, SALES)));
    assertTrue(e.getMessage().contains("service_tickets"), e.getMessage());
  }

  static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    assertEquals(Arrays.asList(expected.columns()), Arrays.asList(actual.columns()));
    List<String> want = expected.collectAsList().stream().map(Row::toString).sorted().toList();
    List<String> got = actual.collectAsList().stream().map(Row::toString).sorted().toList();
    assertEquals(want, got);
  }
}
