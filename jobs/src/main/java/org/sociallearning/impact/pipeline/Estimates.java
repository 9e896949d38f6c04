package org.sociallearning.impact.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sociallearning.impact.effects.BalanceTable;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.effects.NewHireSensitivity;

/**
 * The estimation stage's result: every metric's effect overall and by segment (p-values adjusted
 * across all of them, volume notes attached), the robust analysis of each overall estimate graded
 * unreliable (adjusted in the same family), and how different participants were before joining.
 *
 * @param robust per metric name, the robust analysis of its overall estimate (see {@link
 *     org.sociallearning.impact.effects.RobustAnalysis}); only metrics whose main estimate was
 *     unreliable have one
 * @param newHires per metric name, its overall estimate with the other setting of {@code
 *     estimation.exclude_months_after_hire}, made when new hires are more than a fifth of its
 *     participants ({@link NewHireSensitivity})
 */
public record Estimates(
    List<MetricEstimate> estimates,
    Map<String, MetricEstimate> robust,
    List<BalanceTable.Balance> balance,
    Map<String, NewHireSensitivity> newHires) {

  public Estimates {
    estimates = List.copyOf(estimates);
    robust = Map.copyOf(robust);
    balance = List.copyOf(balance);
    newHires = Map.copyOf(newHires);
  }

  /** Without side-by-side estimates for new hires. */
  public Estimates(
      List<MetricEstimate> estimates,
      Map<String, MetricEstimate> robust,
      List<BalanceTable.Balance> balance) {
    this(estimates, robust, balance, Map.of());
  }

  /** Without robust analyses. */
  public Estimates(List<MetricEstimate> estimates, List<BalanceTable.Balance> balance) {
    this(estimates, Map.of(), balance);
  }

  /** The overall estimate of one metric, if it was estimated. */
  public Optional<MetricEstimate> overall(String metric) {
    return estimates.stream()
        .filter(e -> e.metric().name().equals(metric) && "all".equals(e.segment()))
        .findFirst();
  }
}
