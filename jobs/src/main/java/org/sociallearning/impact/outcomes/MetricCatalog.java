package org.sociallearning.impact.outcomes;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Outcome step dispatch: the employee-month outcome of each metric in
 * schemas/contracts/metrics.yaml by name, so the job wires metrics from the contract instead of
 * by hand. Per-person metrics ({@link #PER_PERSON}) are not panels and are refused here.
 */
public final class MetricCatalog {

  /** Metrics with one value per employee and month, in metrics.yaml order. */
  public static final List<String> EMPLOYEE_MONTH = List.of(
      TimeToResolve.METRIC, SalesOutcomes.SALES_CYCLE, SalesOutcomes.WIN_RATE,
      FirstContactResolution.METRIC, ReopenRate.METRIC, ReassignmentCount.METRIC,
      SlaAttainment.METRIC, DealSize.METRIC, PipelineVelocity.METRIC);

  /** Metrics with one value per person (censored durations for Kaplan-Meier), not a panel. */
  public static final List<String> PER_PERSON = List.of(TimeToFirstDeal.METRIC);

  /**
   * Volume diagnostics: items started per employee-month, zero months included (see
   * {@link WorkVolume}); panels, but of counts, not of item outcomes.
   */
  public static final List<String> VOLUME = List.of(WorkVolume.TICKETS, WorkVolume.OPPORTUNITIES);

  private MetricCatalog() {}

  /**
   * {@code employee_id, month, value}: the item rows of an employee-month metric (for
   * {@code pipeline_velocity}, already one row per employee-month; see
   * {@link PipelineVelocity#items}). Only the table the metric reads may be null.
   */
  public static Dataset<Row> items(String metric, Dataset<Row> tickets,
      Dataset<Row> opportunities, OutcomeWindow ticketWindow, OutcomeWindow salesWindow) {
    return switch (metric) {
      case TimeToResolve.METRIC ->
          TimeToResolve.items(tickets(metric, tickets), window(metric, ticketWindow));
      case FirstContactResolution.METRIC ->
          FirstContactResolution.items(tickets(metric, tickets), window(metric, ticketWindow));
      case ReopenRate.METRIC ->
          ReopenRate.items(tickets(metric, tickets), window(metric, ticketWindow));
      case ReassignmentCount.METRIC ->
          ReassignmentCount.items(tickets(metric, tickets), window(metric, ticketWindow));
      case SlaAttainment.METRIC ->
          SlaAttainment.items(tickets(metric, tickets), window(metric, ticketWindow));
      case SalesOutcomes.SALES_CYCLE -> SalesOutcomes.salesCycle(
          opportunities(metric, opportunities), window(metric, salesWindow));
      case SalesOutcomes.WIN_RATE -> SalesOutcomes.winRate(
          opportunities(metric, opportunities), window(metric, salesWindow));
      case DealSize.METRIC ->
          DealSize.items(opportunities(metric, opportunities), window(metric, salesWindow));
      case PipelineVelocity.METRIC -> PipelineVelocity.items(
          opportunities(metric, opportunities), window(metric, salesWindow));
      case TimeToFirstDeal.METRIC -> throw new IllegalArgumentException("metric '" + metric
          + "' is a per-person duration, not an employee-month outcome: use"
          + " TimeToFirstDeal.people and a Kaplan-Meier comparison");
      case WorkVolume.TICKETS, WorkVolume.OPPORTUNITIES -> throw new IllegalArgumentException(
          "metric '" + metric + "' counts items per employee-month and has no item rows: use"
          + " MetricCatalog.volume");
      default -> throw new IllegalArgumentException("unknown metric '" + metric
          + "': no outcome step; employee-month metrics are " + EMPLOYEE_MONTH);
    };
  }

  /**
   * {@code employee_id, month, value, items}: the panel rows of an employee-month metric, item
   * values averaged per employee and month, or for {@code pipeline_velocity} its ratio with the
   * number of opportunities behind it.
   */
  public static Dataset<Row> employeeMonths(String metric, Dataset<Row> tickets,
      Dataset<Row> opportunities, OutcomeWindow ticketWindow, OutcomeWindow salesWindow) {
    if (PipelineVelocity.METRIC.equals(metric)) {
      return PipelineVelocity.employeeMonths(opportunities(metric, opportunities),
          window(metric, salesWindow));
    }
    return EmployeeMonthOutcomes.aggregate(
        items(metric, tickets, opportunities, ticketWindow, salesWindow));
  }

  /**
   * {@code employee_id, month, value, items} of a volume diagnostic: items started per
   * employee-month, zero months included. Needs the roster for hire dates.
   */
  public static Dataset<Row> volume(String metric, Dataset<Row> tickets,
      Dataset<Row> opportunities, Dataset<Row> roster, OutcomeWindow ticketWindow,
      OutcomeWindow salesWindow) {
    return switch (metric) {
      case WorkVolume.TICKETS -> WorkVolume.employeeMonths(tickets(metric, tickets), "opened_at",
          roster, window(metric, ticketWindow));
      case WorkVolume.OPPORTUNITIES -> WorkVolume.employeeMonths(
          opportunities(metric, opportunities), "created_at", roster,
          window(metric, salesWindow));
      default -> throw new IllegalArgumentException("metric '" + metric
          + "' is not a volume diagnostic; those are " + VOLUME);
    };
  }

  private static Dataset<Row> tickets(String metric, Dataset<Row> tickets) {
    return Objects.requireNonNull(tickets,
        () -> "metric '" + metric + "' needs the service_tickets table, got none");
  }

  private static Dataset<Row> opportunities(String metric, Dataset<Row> opportunities) {
    return Objects.requireNonNull(opportunities,
        () -> "metric '" + metric + "' needs the opportunities table, got none");
  }

  private static OutcomeWindow window(String metric, OutcomeWindow window) {
    return Objects.requireNonNull(window, () -> "metric '" + metric + "' needs its window, got none");
  }
}
