package org.sociallearning.impact.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.SALES;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.TICKETS;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.opportunities;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.opportunity;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.ticket;
import static org.sociallearning.impact.outcomes.OutcomeFixtures.tickets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.schemas.MetricDefinition;

/** Every metric in metrics.yaml reaches its outcome step through the catalog, by name. */
class MetricCatalogTest {

  static final Set<String> CATALOGUED_TABLES = Set.of("service_tickets", "opportunities");

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

  static Dataset<Row> items(String metric) {
    return MetricCatalog.items(metric, aFewTickets(), aFewDeals(), TICKETS, SALES);
  }

  @Test
  void theCatalogCoversExactlyTheMetricsOfTheCatalogedTablesInMetricsYaml() {
    List<String> defined = MetricDefinition.all().stream()
        .filter(m -> CATALOGUED_TABLES.contains(m.sourceTable()))
        .map(MetricDefinition::name).toList();
    List<String> catalogued = new ArrayList<>(MetricCatalog.EMPLOYEE_MONTH);
    catalogued.addAll(MetricCatalog.PER_PERSON);
    catalogued.addAll(MetricCatalog.VOLUME);
    assertEquals(new HashSet<>(defined), new HashSet<>(catalogued));
    assertEquals(defined.size(), catalogued.size(), "each metric defined once");
  }

  @Test
  void everyEmployeeMonthMetricInMetricsYamlDispatchesToItemRows() {
    for (MetricDefinition metric : MetricDefinition.all()) {
      if (!CATALOGUED_TABLES.contains(metric.sourceTable())
          || MetricCatalog.PER_PERSON.contains(metric.name())
          || MetricCatalog.VOLUME.contains(metric.name())) {
        continue;
      }
      Dataset<Row> items = items(metric.name());
      assertEquals(List.of("employee_id", "month", "value"), Arrays.asList(items.columns()),
          metric.name());
      assertFalse(items.isEmpty(), metric.name() + " has rows on the fixture");
      Dataset<Row> panel = MetricCatalog.employeeMonths(metric.name(), aFewTickets(), aFewDeals(),
          TICKETS, SALES);
      assertEquals(List.of("employee_id", "month", "value", "items"),
          Arrays.asList(panel.columns()), metric.name());
    }
  }

  @Test
  void theExistingMetricsDispatchToTheirOwnSteps() {
    assertSameRows(TimeToResolve.items(aFewTickets(), TICKETS), items(TimeToResolve.METRIC));
    assertSameRows(SalesOutcomes.salesCycle(aFewDeals(), SALES), items(SalesOutcomes.SALES_CYCLE));
    assertSameRows(SalesOutcomes.winRate(aFewDeals(), SALES), items(SalesOutcomes.WIN_RATE));
    assertSameRows(FirstContactResolution.items(aFewTickets(), TICKETS),
        items(FirstContactResolution.METRIC));
    assertSameRows(DealSize.items(aFewDeals(), SALES), items(DealSize.METRIC));
  }

  @Test
  void employeeMonthsCountsOpportunitiesBehindPipelineVelocity() {
    assertSameRows(PipelineVelocity.employeeMonths(aFewDeals(), SALES),
        MetricCatalog.employeeMonths(PipelineVelocity.METRIC, null, aFewDeals(), null, SALES));
    assertSameRows(EmployeeMonthOutcomes.aggregate(ReopenRate.items(aFewTickets(), TICKETS)),
        MetricCatalog.employeeMonths(ReopenRate.METRIC, aFewTickets(), null, TICKETS, null));
  }

  @Test
  void anUnknownMetricIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> items("answer_rate"));
    assertTrue(e.getMessage().contains("'answer_rate'"), e.getMessage());
  }

  @Test
  void aPerPersonMetricIsRefusedByNameWithWhereToGoInstead() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> items(TimeToFirstDeal.METRIC));
    assertTrue(e.getMessage().contains("'time_to_first_deal_days'"), e.getMessage());
    assertTrue(e.getMessage().contains("TimeToFirstDeal.people"), e.getMessage());
  }

  @Test
  void aMissingSourceTableIsNamed() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> MetricCatalog.items(ReopenRate.METRIC, null, aFewDeals(), TICKETS, SALES));
    assertTrue(e.getMessage().contains("service_tickets"), e.getMessage());
  }

  static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    assertEquals(Arrays.asList(expected.columns()), Arrays.asList(actual.columns()));
    List<String> want = expected.collectAsList().stream().map(Row::toString).sorted().toList();
    List<String> got = actual.collectAsList().stream().map(Row::toString).sorted().toList();
    assertEquals(want, got);
  }
}
