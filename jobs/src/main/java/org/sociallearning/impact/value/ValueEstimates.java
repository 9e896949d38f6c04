package org.sociallearning.impact.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sociallearning.impact.job.MetricEstimate;

/**
 * Value and return on investment of the programme (Phillips ROI methodology, level 5): turns the
 * overall effects (segment {@code all}) into hours and money per year, sets them against the
 * programme cost, and carries the 95% intervals of the effects through to every figure.
 *
 * <p>Items, in order:
 *
 * <ul>
 *   <li>{@code hours_saved} (hours per year): from {@code time_to_resolve_hours}. With r the
 *       relative effect (exp(ATT) - 1) and h the participants' observed mean hours per ticket,
 *       their counterfactual mean is h / (1 + r), so the hours saved per ticket are
 *       h / (1 + r) - h = -r x h / (1 + r), that is -relative effect x baseline (counterfactual)
 *       hours per ticket; times tickets per year. A negative relative effect (faster) gives
 *       positive hours saved. The figure is a strictly decreasing function of the one uncertain
 *       parameter r (for r &gt; -1, always true on the log scale), so mapping the bounds of r's
 *       interval gives the interval of the figure with the same coverage (the upper bound of r
 *       gives the lower bound of hours saved).
 *   <li>{@code sales_cycle_days_saved} (days per deal): the same from {@code sales_cycle_days}.
 *       Shorter cycles bring money earlier, not more money, so they are not valued and not part
 *       of the benefit (adding them would count the deals that the win rate already values).
 *   <li>{@code hours_value} (currency per year): hours saved x {@code value.loaded_hourly_cost};
 *       a fixed positive factor, so the interval maps exactly.
 *   <li>{@code revenue_effect} (currency per year): gross profit of the extra deals won: the
 *       {@code win_rate} effect (difference in proportion) x opportunities per year x mean won
 *       deal size x {@code value.gross_margin}; linear with a fixed positive factor, so the
 *       interval maps exactly. A change in deal size is not added (it can come from winning
 *       other deals, which the win rate already counts).
 *   <li>{@code total_benefit}: hours value + revenue effect. With one part it equals that part
 *       and its interval. With two, bound mapping is not valid for a sum of two uncertain parts;
 *       the interval is the conservative one, lower = sum of the lower bounds and upper = sum of
 *       the upper bounds. For normal-based intervals this is at least as wide as the 95% interval
 *       of the sum whatever the correlation of the parts; in any case it covers the sum whenever
 *       both parts' intervals cover theirs (at least 90% by Bonferroni).
 *   <li>{@code program_cost}: {@code value.program_cost}, as configured (no interval).
 *   <li>{@code roi_percent} = (benefit - cost) / cost x 100 and {@code benefit_cost_ratio} =
 *       benefit / cost: increasing in the benefit with the cost fixed, so the benefit's interval
 *       maps to theirs (conservative when the benefit's is).
 * </ul>
 *
 * <p>Missing estimates, suppressed estimates (too few people) and unknown volumes give no row
 * for the items that depend on them. A missing configuration key gives the row without a number
 * (NaN) and a method text naming the key: the job never invents a cost or a margin.
 */
public final class ValueEstimates {

  public static final String TIME_TO_RESOLVE = "time_to_resolve_hours";
  public static final String SALES_CYCLE = "sales_cycle_days";
  public static final String WIN_RATE = "win_rate";
  /** The segment whose estimates are valued: everyone. */
  public static final String OVERALL_SEGMENT = "all";

  static final String CONSERVATIVE_SUM =
      "conservative interval for a sum of two uncertain parts (lower = sum of lower bounds, upper"
          + " = sum of upper bounds; bound mapping is not valid for a sum)";

  private ValueEstimates() {}

  /** An estimate with its interval and whether that interval is exact or conservative. */
  private record Figure(double estimate, double low, double high, boolean conservative) {
    static Figure exact(double estimate, double a, double b) {
      return new Figure(estimate, Math.min(a, b), Math.max(a, b), false);
    }

    Figure times(double factor) {
      return new Figure(estimate * factor, low * factor, high * factor, conservative);
    }
  }

  /**
   * The value rows for one run.
   *
   * @param settings the {@code value:} configuration (validated; keys may be missing)
   * @param estimates the run's published estimates; the segment {@code all} rows of {@code
   *     time_to_resolve_hours}, {@code sales_cycle_days} and {@code win_rate} are used, the rest
   *     ignored
   * @param inputs the participants' annualised volumes
   */
  public static List<ValueRow> compute(
      ValueSettings settings, Collection<MetricEstimate> estimates, ValueInputs inputs) {
    ValueSettings cfg = settings == null ? ValueSettings.none() : settings;
    cfg.validate().ifPresent(message -> {
      throw new IllegalArgumentException(message);
    });
    ValueInputs in = inputs == null ? ValueInputs.NONE : inputs;
    String money = cfg.currency() == null ? "currency" : cfg.currency();
    List<ValueRow> rows = new ArrayList<>();

    // Hours saved on tickets, and their value.
    Optional<ValueRow> hoursValue = Optional.empty();
    Optional<MetricEstimate> ttr = usable(estimates, TIME_TO_RESOLVE, true);
    if (ttr.isPresent() && in.hasTickets()) {
      MetricEstimate e = ttr.get();
      Figure perTicket = savedPerItem(e, in.hoursPerTicket());
      Figure hours = perTicket.times(in.ticketsPerYear());
      rows.add(row("hours_saved", hours, "hours",
          "-relative effect of " + TIME_TO_RESOLVE + " x counterfactual hours per ticket"
              + " (observed " + num(in.hoursPerTicket()) + " / (1 + relative effect)) x "
              + num(in.ticketsPerYear()) + " participant tickets per year; positive = faster;"
              + " interval from the relative effect's bounds (monotone in one parameter, exact)"));
      if (cfg.loadedHourlyCost() == null) {
        hoursValue = Optional.of(missing("hours_value", money,
            "not valued: value.loaded_hourly_cost is not configured"));
      } else {
        hoursValue = Optional.of(row("hours_value", hours.times(cfg.loadedHourlyCost()), money,
            "hours_saved x value.loaded_hourly_cost " + num(cfg.loadedHourlyCost()) + " " + money
                + " per hour; interval mapped exactly"));
      }
      rows.add(hoursValue.get());
    }

    // Sales cycle: days saved per deal, reported, not valued.
    Optional<MetricEstimate> cycle = usable(estimates, SALES_CYCLE, true);
    if (cycle.isPresent() && in.hasCycle()) {
      rows.add(row("sales_cycle_days_saved", savedPerItem(cycle.get(), in.cycleDaysPerDeal()),
          "days",
          "days saved per deal: -relative effect of " + SALES_CYCLE + " x counterfactual days"
              + " (observed " + num(in.cycleDaysPerDeal()) + " / (1 + relative effect));"
              + " interval from the relative effect's bounds (exact). Not valued and not in"
              + " total_benefit: a shorter cycle brings money earlier, not more money"));
    }

    // Revenue effect of the win-rate change.
    Optional<ValueRow> revenue = Optional.empty();
    Optional<MetricEstimate> win = usable(estimates, WIN_RATE, false);
    if (win.isPresent() && in.hasOpportunities()) {
      if (cfg.grossMargin() == null) {
        revenue = Optional.of(missing("revenue_effect", money,
            "not valued: value.gross_margin is not configured"));
      } else {
        MetricEstimate e = win.get();
        double factor = in.opportunitiesPerYear() * in.wonDealSize() * cfg.grossMargin();
        Figure effect = Figure.exact(e.estimate(), e.ciLow(), e.ciHigh()).times(factor);
        revenue = Optional.of(row("revenue_effect", effect, money,
            WIN_RATE + " effect (difference in proportion) x " + num(in.opportunitiesPerYear())
                + " participant opportunities per year x mean won deal size "
                + num(in.wonDealSize()) + " x value.gross_margin " + num(cfg.grossMargin())
                + "; interval mapped exactly; sales cycle changes are not valued (money earlier,"
                + " not more money)"));
      }
      rows.add(revenue.get());
    }

    // Total benefit.
    List<ValueRow> parts = new ArrayList<>();
    hoursValue.ifPresent(parts::add);
    revenue.ifPresent(parts::add);
    Optional<Figure> benefit = Optional.empty();
    if (!parts.isEmpty()) {
      List<String> unvalued = parts.stream().filter(p -> !p.valued()).map(ValueRow::item).toList();
      if (!unvalued.isEmpty()) {
        rows.add(missing("total_benefit", money,
            "not totalled: " + String.join(" and ", unvalued) + " not valued (see its row)"));
      } else if (parts.size() == 1) {
        ValueRow only = parts.get(0);
        benefit = Optional.of(new Figure(only.estimate(), only.low(), only.high(), false));
        rows.add(row("total_benefit", benefit.get(), money,
            "equals " + only.item() + " (the only valued part); its interval, exact"));
      } else {
        double est = 0;
        double low = 0;
        double high = 0;
        for (ValueRow p : parts) {
          est += p.estimate();
          low += p.low();
          high += p.high();
        }
        benefit = Optional.of(new Figure(est, low, high, true));
        rows.add(row("total_benefit", benefit.get(), money,
            "hours_value + revenue_effect; " + CONSERVATIVE_SUM));
      }
    }

    // Cost, ROI and benefit-cost ratio.
    Double cost = cfg.programCost();
    if (cost != null) {
      rows.add(new ValueRow("program_cost", cost, cost, cost, money,
          "value.program_cost as configured, per year; no interval"));
    } else if (!parts.isEmpty()) {
      rows.add(missing("program_cost", money, "not known: value.program_cost is not configured"));
    }
    if (!parts.isEmpty()) {
      if (benefit.isEmpty() || cost == null) {
        String why = benefit.isEmpty()
            ? "total_benefit has no number (see its row)"
            : "value.program_cost is not configured";
        rows.add(missing("roi_percent", "percent", "not computed: " + why));
        rows.add(missing("benefit_cost_ratio", "ratio", "not computed: " + why));
      } else {
        Figure b = benefit.get();
        String interval = b.conservative()
            ? "interval mapped from total_benefit's, which is conservative (" + CONSERVATIVE_SUM
                + ")"
            : "interval mapped exactly from total_benefit's (increasing in the benefit, cost"
                + " fixed)";
        rows.add(row("roi_percent",
            new Figure(roi(b.estimate(), cost), roi(b.low(), cost), roi(b.high(), cost),
                b.conservative()),
            "percent", "(total_benefit - program_cost) / program_cost x 100; " + interval));
        rows.add(row("benefit_cost_ratio", b.times(1 / cost), "ratio",
            "total_benefit / program_cost; " + interval));
      }
    }
    return List.copyOf(rows);
  }

  /** The Phillips ROI in percent. */
  static double roi(double benefit, double cost) {
    return (benefit - cost) / cost * 100;
  }

  /**
   * Amount saved per item on a log-scale metric: counterfactual minus observed, h / (1 + r) - h,
   * with the interval from r's bounds (decreasing in r, so they swap).
   */
  private static Figure savedPerItem(MetricEstimate e, double observedPerItem) {
    return Figure.exact(
        saved(e.relativeEffect(), observedPerItem),
        saved(e.relativeCiHigh(), observedPerItem),
        saved(e.relativeCiLow(), observedPerItem));
  }

  private static double saved(double relative, double observed) {
    return -relative * observed / (1 + relative);
  }

  /** The overall, published estimate of a metric, if there is one with finite numbers. */
  private static Optional<MetricEstimate> usable(
      Collection<MetricEstimate> estimates, String metric, boolean relative) {
    if (estimates == null) {
      return Optional.empty();
    }
    return estimates.stream()
        .filter(e -> e != null && e.metric() != null && metric.equals(e.metric().name())
            && OVERALL_SEGMENT.equals(e.segment()))
        .findFirst()
        .filter(e -> !e.suppressed())
        .filter(e -> relative
            ? finite(e.relativeEffect(), e.relativeCiLow(), e.relativeCiHigh())
                && e.relativeCiLow() > -1 && e.relativeEffect() > -1
            : finite(e.estimate(), e.ciLow(), e.ciHigh()));
  }

  private static boolean finite(double... values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static ValueRow row(String item, Figure f, String unit, String method) {
    return new ValueRow(item, f.estimate(), f.low(), f.high(), unit, method);
  }

  private static ValueRow missing(String item, String unit, String note) {
    return new ValueRow(item, Double.NaN, Double.NaN, Double.NaN, unit, note);
  }

  /** A number for method texts: six significant digits, no exponent for ordinary sizes. */
  static String num(double v) {
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
