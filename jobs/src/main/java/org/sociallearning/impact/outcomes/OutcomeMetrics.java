package org.sociallearning.impact.outcomes;

import java.util.List;

/**
 * The registry of employee-month outcome metrics, in metrics.yaml order: one line per metric.
 * Per-person metrics (time to first deal) are not panels and have their own steps.
 */
public final class OutcomeMetrics {

  public static final List<OutcomeMetric> ALL =
      List.of(
          new TimeToResolve(),
          new SalesCycle(),
          new WinRate(),
          new FirstContactResolution(),
          new ReopenRate(),
          new ReassignmentCount(),
          new SlaAttainment(),
          new DealSize(),
          new PipelineVelocity(),
          new TicketsHandled(),
          new OpportunitiesCreated());

  private OutcomeMetrics() {}

  /** The metric of that name, or an error listing the known ones. */
  public static OutcomeMetric named(String name) {
    return ALL.stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown metric '"
                        + name
                        + "': no outcome step; employee-month metrics are "
                        + ALL.stream().map(OutcomeMetric::name).toList()));
  }
}
