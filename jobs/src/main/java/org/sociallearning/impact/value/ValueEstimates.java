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
 * below use that. Items, in order:
 *
 * <ul>
 *   <li>{@code waiting_hours_saved} (hours per year): the customer's waiting time. {@code
 *       time_to_resolve_hours} is elapsed time, nights, weekends and time on hold included, so this
 *       is minus its effect on mean hours per ticket times participants' tickets per year. Not
 *       valued: elapsed hours are not hours of work.
 *   <li>{@code hours_saved} (hours of work per year): minus the effect on hours of work per ticket
 *       times tickets per year. The effect comes from the exports' effort column where one exists
 *       (ServiceNow {@code time_worked}, Jira {@code Time Spent}, a Zendesk time-tracking field:
 *       its own item-weighted difference-in-differences), else from {@code value.effort_share}
 *       times the effect on elapsed hours. Without either there is no number and the row says why.
 *   <li>{@code hours_value} (currency per year): hours saved x {@code value.loaded_hourly_cost}.
 *   <li>{@code sales_cycle_days_saved} (days per deal): minus the effect on mean days per deal.
 *       Shorter cycles bring money earlier, not more money, so they are not valued.
 *   <li>{@code revenue_effect} (currency per year): gross profit of the extra deals won: the {@code
 *       win_rate} effect x opportunities per year x mean won deal size x {@code
 *       value.gross_margin}. An upper bound: a deal a participant won may be one a colleague would
 *       otherwise have won.
 *   <li>{@code total_benefit}: hours value + revenue effect (a conservative interval for the sum of
 *       two uncertain parts).
 *   <li>{@code community_time_cost} (currency per year): with {@code
 *       value.minutes_per_interaction}, the time people spend in communities, interactions per year
 *       x minutes / 60 x the hourly cost.
 *   <li>{@code program_cost}: {@code value.program_cost} plus the community time.
 *   <li>{@code roi_percent} and {@code benefit_cost_ratio}.
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

  static final String CONSERVATIVE_SUM =
      "conservative interval for a sum of two uncertain parts (lower = sum of lower bounds, upper"
          + " = sum of upper bounds; bound mapping is not valid for a sum)";

  static final String NO_EFFORT =
      "not estimated: the service-desk exports have no effort column"
          + " (ServiceNow time_worked, Jira Time Spent, a Zendesk time-tracking field named in"
          + " effort_field) and value.effort_share is not set; elapsed time to resolve includes nights,"
          + " weekends and waiting on the customer, so it is not valued as working time";

  private ValueEstimates() {}

  /** An estimate with its interval and whether that interval is exact or conservative. */
  private record Figure(double estimate, double low, double high, boolean conservative) {
    static Figure exact(double estimate, double a, double b) {
      return new Figure(estimate, Math.min(a, b), Math.max(a, b), false);
    }

    /** The figure times a fixed factor; a negative factor swaps the ends. */
    Figure times(double factor) {
      return new Figure(
          estimate * factor,
          Math.min(low * factor, high * factor),
          Math.max(low * factor, high * factor),
          conservative);
    }
  }

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

    // Tickets: the customer's waiting time (not valued) and hours of work (valued).
    Optional<ValueRow> hoursValue = Optional.empty();
    Optional<MetricEstimate> ttr = usable(estimates, TIME_TO_RESOLVE);
    if (ttr.isPresent() && in.hasTickets()) {
      MetricEstimate.MeanEffect elapsed = ttr.get().meanEffect();
      if (elapsed.isKnown()) {
        rows.add(
            row(
                "waiting_hours_saved",
                saved(elapsed).times(in.ticketsPerYear()),
                "hours",
                "customer waiting time: -effect of joining on mean elapsed hours per ticket ("
                    + TIME_TO_RESOLVE
                    + ", item-weighted) x "
                    + num(in.ticketsPerYear())
                    + " participant tickets per year; nights, weekends and waiting on the customer"
                    + " included, so not hours of work and not valued; interval mapped exactly"));
      }
      Optional<Figure> effort = Optional.empty();
      String basis;
      if (in.effortPerTicket().isKnown()) {
        effort = Optional.of(saved(in.effortPerTicket()));
        basis =
            "-effect of joining on hours of work logged per ticket (the exports' effort"
                + " column, item-weighted)";
      } else if (cfg.effortShare() != null && elapsed.isKnown()) {
        effort = Optional.of(saved(elapsed).times(cfg.effortShare()));
        basis =
            "-effect of joining on mean elapsed hours per ticket x value.effort_share "
                + num(cfg.effortShare())
                + " (hours of work per elapsed hour)";
      } else {
        basis =
            cfg.effortShare() != null
                ? "not estimated: the effect on mean elapsed hours per"
                    + " ticket could not be estimated"
                : NO_EFFORT;
      }
      if (effort.isEmpty()) {
        rows.add(missing("hours_saved", "hours", basis));
        hoursValue =
            Optional.of(
                missing(
                    "hours_value", money, "not valued: no hours of work saved (see hours_saved)"));
      } else {
        Figure hours = effort.get().times(in.ticketsPerYear());
        rows.add(
            row(
                "hours_saved",
                hours,
                "hours",
                "hours of work: "
                    + basis
                    + " x "
                    + num(in.ticketsPerYear())
                    + " participant tickets per year; positive = less work;"
                    + " interval mapped exactly"));
        hoursValue =
            Optional.of(
                cfg.loadedHourlyCost() == null
                    ? missing(
                        "hours_value",
                        money,
                        "not valued: value.loaded_hourly_cost is not configured")
                    : row(
                        "hours_value",
                        hours.times(cfg.loadedHourlyCost()),
                        money,
                        "hours_saved x value.loaded_hourly_cost "
                            + num(cfg.loadedHourlyCost())
                            + " "
                            + money
                            + " per hour; interval mapped exactly"));
      }
      rows.add(hoursValue.get());
    }

    // Sales cycle: days saved per deal, reported, not valued.
    Optional<MetricEstimate> cycle = usable(estimates, SALES_CYCLE);
    if (cycle.isPresent() && cycle.get().meanEffect().isKnown()) {
      rows.add(
          row(
              "sales_cycle_days_saved",
              saved(cycle.get().meanEffect()),
              "days",
              "days saved per deal: -effect of joining on mean days from creation to close ("
                  + SALES_CYCLE
                  + ", item-weighted); interval mapped exactly. Not valued and not in"
                  + " total_benefit: a shorter cycle brings money earlier, not more money"));
    }

    // Revenue effect of the win-rate change: an upper bound.
    Optional<ValueRow> revenue = Optional.empty();
    Optional<MetricEstimate> win = usable(estimates, WIN_RATE);
    if (win.isPresent() && in.hasOpportunities()) {
      if (cfg.grossMargin() == null) {
        revenue =
            Optional.of(
                missing(
                    "revenue_effect", money, "not valued: value.gross_margin is not configured"));
      } else {
        MetricEstimate e = win.get();
        double factor = in.opportunitiesPerYear() * in.wonDealSize() * cfg.grossMargin();
        Figure effect = Figure.exact(e.estimate(), e.ciLow(), e.ciHigh()).times(factor);
        revenue =
            Optional.of(
                row(
                    "revenue_effect",
                    effect,
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
                        + " not valued (money earlier, not more money)"));
      }
      rows.add(revenue.get());
    }

    // Total benefit.
    List<ValueRow> parts = new ArrayList<>();
    hoursValue.ifPresent(parts::add);
    revenue.ifPresent(parts::add);
    Optional<Figure> benefit = total(parts, money, rows);

    // Cost: configured programme cost plus the time people spend in communities.
    Double cost = programCost(cfg, in, money, rows, !parts.isEmpty());
    if (!parts.isEmpty()) {
      roi(benefit, cost, rows);
    }
    return List.copyOf(rows);
  }

  private static Optional<Figure> total(List<ValueRow> parts, String money, List<ValueRow> rows) {
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    List<String> unvalued = parts.stream().filter(p -> !p.valued()).map(ValueRow::item).toList();
    if (!unvalued.isEmpty()) {
      rows.add(
          missing(
              "total_benefit",
              money,
              "not totalled: " + String.join(" and ", unvalued) + " not valued (see its row)"));
      return Optional.empty();
    }
    if (parts.size() == 1) {
      ValueRow only = parts.get(0);
      Figure f = new Figure(only.estimate(), only.low(), only.high(), false);
      rows.add(
          row(
              "total_benefit",
              f,
              money,
              "equals " + only.item() + " (the only valued part); its interval, exact"));
      return Optional.of(f);
    }
    double est = 0;
    double low = 0;
    double high = 0;
    for (ValueRow p : parts) {
      est += p.estimate();
      low += p.low();
      high += p.high();
    }
    Figure f = new Figure(est, low, high, true);
    rows.add(row("total_benefit", f, money, "hours_value + revenue_effect; " + CONSERVATIVE_SUM));
    return Optional.of(f);
  }

  /** The programme cost per year (configured plus community time), or null when unknown. */
  private static Double programCost(
      ValueSettings cfg, ValueInputs in, String money, List<ValueRow> rows, boolean needed) {
    Double communityTime = null;
    if (cfg.minutesPerInteraction() != null) {
      if (cfg.loadedHourlyCost() == null || !in.hasInteractions()) {
        rows.add(
            missing(
                "community_time_cost",
                money,
                cfg.loadedHourlyCost() == null
                    ? "not valued: value.loaded_hourly_cost is not configured"
                    : "not valued: the number of community interactions is not known"));
      } else {
        communityTime =
            in.interactionsPerYear() * cfg.minutesPerInteraction() / 60.0 * cfg.loadedHourlyCost();
        rows.add(
            new ValueRow(
                "community_time_cost",
                communityTime,
                communityTime,
                communityTime,
                money,
                "time people spend in communities: "
                    + num(in.interactionsPerYear())
                    + " interactions per year x value.minutes_per_interaction "
                    + num(cfg.minutesPerInteraction())
                    + " / 60 x value.loaded_hourly_cost "
                    + num(cfg.loadedHourlyCost())
                    + "; part of program_cost; no interval"));
      }
    }
    Double configured = cfg.programCost();
    if (configured == null) {
      if (needed) {
        rows.add(missing("program_cost", money, "not known: value.program_cost is not configured"));
      }
      return null;
    }
    double cost = configured + (communityTime == null ? 0 : communityTime);
    rows.add(
        new ValueRow(
            "program_cost",
            cost,
            cost,
            cost,
            money,
            communityTime == null
                ? "value.program_cost as configured, per year; no interval"
                : "value.program_cost "
                    + num(configured)
                    + " + community_time_cost, per year; no"
                    + " interval (leave the time people spend out of value.program_cost)"));
    return cost;
  }

  private static void roi(Optional<Figure> benefit, Double cost, List<ValueRow> rows) {
    if (benefit.isEmpty() || cost == null) {
      String why =
          benefit.isEmpty()
              ? "total_benefit has no number (see its row)"
              : "value.program_cost is not configured";
      rows.add(missing("roi_percent", "percent", "not computed: " + why));
      rows.add(missing("benefit_cost_ratio", "ratio", "not computed: " + why));
      return;
    }
    Figure b = benefit.get();
    String interval =
        b.conservative()
            ? "interval mapped from total_benefit's, which is conservative ("
                + CONSERVATIVE_SUM
                + ")"
            : "interval mapped exactly from total_benefit's (increasing in the benefit, cost"
                + " fixed)";
    rows.add(
        row(
            "roi_percent",
            new Figure(
                roi(b.estimate(), cost), roi(b.low(), cost), roi(b.high(), cost), b.conservative()),
            "percent",
            "(total_benefit - program_cost) / program_cost x 100; " + interval));
    rows.add(
        row(
            "benefit_cost_ratio",
            b.times(1 / cost),
            "ratio",
            "total_benefit / program_cost; " + interval));
  }

  /** The Phillips ROI in percent. */
  static double roi(double benefit, double cost) {
    return (benefit - cost) / cost * 100;
  }

  /** Amount saved per item: minus the effect on the mean, its interval with the ends swapped. */
  private static Figure saved(MetricEstimate.MeanEffect effect) {
    return Figure.exact(-effect.estimate(), -effect.ciHigh(), -effect.ciLow());
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
