package org.sociallearning.impact.pipeline;

import java.util.List;
import org.sociallearning.impact.effects.BalanceTable;
import org.sociallearning.impact.effects.MetricEstimate;

/**
 * The estimation stage's result: every metric's effect overall and by segment (p-values adjusted
 * across all of them, volume notes attached), and how different participants were before joining.
 */
public record Estimates(List<MetricEstimate> estimates, List<BalanceTable.Balance> balance) {

  public Estimates {
    estimates = List.copyOf(estimates);
    balance = List.copyOf(balance);
  }

  /** The overall estimate of one metric, if it was estimated. */
  public java.util.Optional<MetricEstimate> overall(String metric) {
    return estimates.stream()
        .filter(e -> e.metric().name().equals(metric) && "all".equals(e.segment()))
        .findFirst();
  }
}
