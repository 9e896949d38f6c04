package org.sociallearning.impact.value;

import static org.sociallearning.impact.value.ValueEstimates.missing;
import static org.sociallearning.impact.value.ValueEstimates.num;

import java.util.List;
import java.util.Optional;
import org.sociallearning.impact.config.ValueSettings;

/**
 * The benefit, cost and return items of {@link ValueEstimates} (Phillips ROI, level 5):
 *
 * <ul>
 *   <li>{@code total_benefit}: hours value + revenue effect (a conservative interval for the sum of
 *       two uncertain parts).
 *   <li>{@code community_time_cost} (currency per year): with {@code
 *       value.minutes_per_interaction}, the time people spend in communities, interactions per year
 *       x minutes / 60 x the hourly cost.
 *   <li>{@code program_cost}: {@code value.program_cost} plus the community time.
 *   <li>{@code roi_percent} and {@code benefit_cost_ratio}.
 * </ul>
 */
final class ReturnOnInvestment {

  static final String CONSERVATIVE_SUM =
      "conservative interval for a sum of two uncertain parts (lower = sum of lower bounds, upper"
          + " = sum of upper bounds; bound mapping is not valid for a sum)";

  private ReturnOnInvestment() {}

  /**
   * Adds the total benefit, the cost rows and, when there is a benefit to set against the cost, the
   * return.
   *
   * @param parts the benefit parts that have rows ({@code hours_value}, {@code revenue_effect})
   */
  static void add(
      ValueSettings cfg, ValueInputs in, List<ValueRow> parts, String money, List<ValueRow> rows) {
    Optional<Figure> benefit = total(parts, money, rows);
    // Cost: configured programme cost plus the time people spend in communities.
    Double cost = programCost(cfg, in, money, rows, !parts.isEmpty());
    if (!parts.isEmpty()) {
      roi(benefit, cost, rows);
    }
  }

  /** The Phillips ROI in percent. */
  static double percent(double benefit, double cost) {
    return (benefit - cost) / cost * 100;
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
          f.row(
              "total_benefit",
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
    rows.add(f.row("total_benefit", money, "hours_value + revenue_effect; " + CONSERVATIVE_SUM));
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
    Figure percentFigure =
        new Figure(
            percent(b.estimate(), cost),
            percent(b.low(), cost),
            percent(b.high(), cost),
            b.conservative());
    rows.add(
        percentFigure.row(
            "roi_percent",
            "percent",
            "(total_benefit - program_cost) / program_cost x 100; " + interval));
    rows.add(
        b.times(1 / cost)
            .row("benefit_cost_ratio", "ratio", "total_benefit / program_cost; " + interval));
  }
}
