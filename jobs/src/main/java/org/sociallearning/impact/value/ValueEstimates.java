package org.sociallearning.impact.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sociallearning.impact.config.ValueSettings;
import org.sociallearning.impact.effects.MetricEstimate;

/**
 * Value and return on investment of the programme (Phillips ROI methodology, level 5): turns the
 * overall effects (segment {@code all}) into hours and money per year, sets them against the
 * programme cost, and carries the 95% intervals of the effects through to every figure.
 *
 * <p>Money comes from changes in means, never from the typical item: exp(mean log) - 1 (the
 * relative effect of a log-scale metric) is a change in mean hours only if every ticket changes by
 * the same factor. Each log-scale estimate carries its effect on the mean per item (an
 * item-weighted difference-in-differences, {@link MetricEstimate#meanEffect()}), and the figures
 * use that. Items, in order, each described where it is formed:
 *
 * <ul>
 *   <li>{@code waiting_hours_saved}, {@code hours_saved}, {@code hours_value}: {@link
 *       TicketHoursValue};
 *   <li>{@code sales_cycle_days_saved}, {@code revenue_effect}: {@link SalesValue};
 *   <li>{@code total_benefit}, {@code community_time_cost}, {@code program_cost}, {@code
 *       roi_percent}, {@code benefit_cost_ratio}: {@link ReturnOnInvestment}.
 * </ul>
 *
 * <p>Every figure above is a linear function of one uncertain effect with a fixed factor, so
 * mapping the effect's interval gives the figure's interval with the same coverage (ends swap when
 * the factor is negative). Missing estimates, suppressed estimates (too few people) and unknown
 * volumes give no row for the items that depend on them. A missing configuration key gives the row
 * without a number (NaN) and a method text naming the key: the job never invents a cost, a margin
 * or a share of working time.
 */
public final class ValueEstimates {

  public static final String TIME_TO_RESOLVE = "time_to_resolve_hours";
  public static final String SALES_CYCLE = "sales_cycle_days";
  public static final String WIN_RATE = "win_rate";

  /** The segment whose estimates are valued: everyone. */
  public static final String OVERALL_SEGMENT = "all";

  /** The {@code hours_saved} text when no effort is known; tests compare rows against it. */
  static final String NO_EFFORT = TicketHoursValue.NO_EFFORT;

  private ValueEstimates() {}

  /**
   * The value rows for one run.
   *
   * @param settings the {@code value:} configuration (validated; keys may be missing)
   * @param estimates the run's published estimates; the segment {@code all} rows of {@code
   *     time_to_resolve_hours}, {@code sales_cycle_days} and {@code win_rate} are used, the rest
   *     ignored
   * @param inputs the participants' annualised volumes and the effort estimate
   */
  public static List<ValueRow> compute(
      ValueSettings settings, Collection<MetricEstimate> estimates, ValueInputs inputs) {
    ValueSettings cfg = settings == null ? ValueSettings.none() : settings;
    cfg.validate()
        .ifPresent(
            message -> {
              throw new IllegalArgumentException(message);
            });
    ValueInputs in = inputs == null ? ValueInputs.NONE : inputs;
    String money = cfg.currency() == null ? "currency" : cfg.currency();
    List<ValueRow> rows = new ArrayList<>();
    Optional<ValueRow> hoursValue =
        TicketHoursValue.add(cfg, in, usable(estimates, TIME_TO_RESOLVE), money, rows);
    SalesValue.addSalesCycle(usable(estimates, SALES_CYCLE), rows);
    Optional<ValueRow> revenue =
        SalesValue.addRevenue(cfg, in, usable(estimates, WIN_RATE), money, rows);
    List<ValueRow> parts = new ArrayList<>();
    hoursValue.ifPresent(parts::add);
    revenue.ifPresent(parts::add);
    ReturnOnInvestment.add(cfg, in, parts, money, rows);
    return List.copyOf(rows);
  }

  /** The Phillips ROI in percent. */
  static double roi(double benefit, double cost) {
    return ReturnOnInvestment.percent(benefit, cost);
  }

  /** The overall, published estimate of a metric, if there is one with finite numbers. */
  private static Optional<MetricEstimate> usable(
      Collection<MetricEstimate> estimates, String metric) {
    if (estimates == null) {
      return Optional.empty();
    }
    return estimates.stream()
        .filter(
            e ->
                e != null
                    && e.metric() != null
                    && metric.equals(e.metric().name())
                    && OVERALL_SEGMENT.equals(e.segment()))
        .findFirst()
        .filter(e -> !e.suppressed())
        .filter(e -> finite(e.estimate(), e.ciLow(), e.ciHigh()));
  }

  private static boolean finite(double... values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** A row without a number: the item cannot be valued, and {@code note} says why. */
  static ValueRow missing(String item, String unit, String note) {
    return new ValueRow(item, Double.NaN, Double.NaN, Double.NaN, unit, note);
  }

  /** A number for method texts: six significant digits, no exponent for ordinary sizes. */
  static String num(double v) {
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
