package org.sociallearning.impact.value;

import static org.sociallearning.impact.value.ValueEstimates.SALES_CYCLE;
import static org.sociallearning.impact.value.ValueEstimates.WIN_RATE;
import static org.sociallearning.impact.value.ValueEstimates.missing;
import static org.sociallearning.impact.value.ValueEstimates.num;

import java.util.List;
import java.util.Optional;
import org.sociallearning.impact.config.ValueSettings;
import org.sociallearning.impact.effects.MetricEstimate;

/**
 * The sales items of {@link ValueEstimates}:
 *
 * <ul>
 *   <li>{@code sales_cycle_days_saved} (days per deal): minus the effect on mean days per deal.
 *       Shorter cycles bring money earlier, not more money, so they are not valued.
 *   <li>{@code revenue_effect} (currency per year): gross profit of the extra deals won: the {@code
 *       win_rate} effect x opportunities per year x mean won deal size x {@code
 *       value.gross_margin}. An upper bound: a deal a participant won may be one a colleague would
 *       otherwise have won.
 * </ul>
 */
final class SalesValue {

  private SalesValue() {}

  /** Adds the days saved per deal, reported, not valued, if the effect on the mean is known. */
  static void addSalesCycle(Optional<MetricEstimate> cycle, List<ValueRow> rows) {
    if (cycle.isPresent() && cycle.get().meanEffect().isKnown()) {
      rows.add(
          Figure.saved(cycle.get().meanEffect())
              .row(
                  "sales_cycle_days_saved",
                  "days",
                  "days saved per deal: -effect of joining on mean days from creation to close ("
                      + SALES_CYCLE
                      + ", item-weighted); interval mapped exactly. Not valued and not in"
                      + " total_benefit: a shorter cycle brings money earlier, not more money"));
    }
  }

  /**
   * Adds the revenue effect of the win-rate change, if the estimate and the opportunity volumes are
   * known.
   *
   * @return the {@code revenue_effect} row (valued or not), a part of the total benefit
   */
  static Optional<ValueRow> addRevenue(
      ValueSettings cfg,
      ValueInputs in,
      Optional<MetricEstimate> win,
      String money,
      List<ValueRow> rows) {
    if (win.isEmpty() || !in.hasOpportunities()) {
      return Optional.empty();
    }
    ValueRow revenue;
    if (cfg.grossMargin() == null) {
      revenue =
          missing("revenue_effect", money, "not valued: value.gross_margin is not configured");
    } else {
      MetricEstimate e = win.get();
      double factor = in.opportunitiesPerYear() * in.wonDealSize() * cfg.grossMargin();
      Figure effect = Figure.exact(e.estimate(), e.ciLow(), e.ciHigh()).times(factor);
      revenue =
          effect.row(
              "revenue_effect",
              money,
              "upper bound: deals a participant won may be deals a colleague would otherwise have"
                  + " won. "
                  + WIN_RATE
                  + " effect (difference in proportion) x "
                  + num(in.opportunitiesPerYear())
                  + " participant opportunities per year x mean"
                  + " won deal size "
                  + num(in.wonDealSize())
                  + " x value.gross_margin "
                  + num(cfg.grossMargin())
                  + "; interval mapped exactly; sales cycle changes are"
                  + " not valued (money earlier, not more money)");
    }
    rows.add(revenue);
    return Optional.of(revenue);
  }
}
