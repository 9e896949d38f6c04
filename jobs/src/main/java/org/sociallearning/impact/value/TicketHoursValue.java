package org.sociallearning.impact.value;

import static org.sociallearning.impact.value.ValueEstimates.TIME_TO_RESOLVE;
import static org.sociallearning.impact.value.ValueEstimates.missing;
import static org.sociallearning.impact.value.ValueEstimates.num;

import java.util.List;
import java.util.Optional;
import org.sociallearning.impact.config.ValueSettings;
import org.sociallearning.impact.effects.MetricEstimate;

/**
 * The service-desk items of {@link ValueEstimates}, from the effect of joining on {@code
 * time_to_resolve_hours} and on the hours of work per ticket:
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
 * </ul>
 */
final class TicketHoursValue {

  static final String NO_EFFORT =
      "not estimated: the service-desk exports have no effort column"
          + " (ServiceNow time_worked, Jira Time Spent, a Zendesk time-tracking field named in"
          + " effort_field) and value.effort_share is not set; elapsed time to resolve includes nights,"
          + " weekends and waiting on the customer, so it is not valued as working time";

  private TicketHoursValue() {}

  /**
   * Adds the ticket rows, if the time-to-resolve estimate and the ticket volume are known.
   *
   * @param ttr the usable overall estimate of {@code time_to_resolve_hours}
   * @return the {@code hours_value} row (valued or not), a part of the total benefit
   */
  static Optional<ValueRow> add(
      ValueSettings cfg,
      ValueInputs in,
      Optional<MetricEstimate> ttr,
      String money,
      List<ValueRow> rows) {
    if (ttr.isEmpty() || !in.hasTickets()) {
      return Optional.empty();
    }
    MetricEstimate.MeanEffect elapsed = ttr.get().meanEffect();
    if (elapsed.isKnown()) {
      rows.add(
          Figure.saved(elapsed)
              .times(in.ticketsPerYear())
              .row(
                  "waiting_hours_saved",
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
      effort = Optional.of(Figure.saved(in.effortPerTicket()));
      basis =
          "-effect of joining on hours of work logged per ticket (the exports' effort"
              + " column, item-weighted)";
    } else if (cfg.effortShare() != null && elapsed.isKnown()) {
      effort = Optional.of(Figure.saved(elapsed).times(cfg.effortShare()));
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
    ValueRow hoursValue;
    if (effort.isEmpty()) {
      rows.add(missing("hours_saved", "hours", basis));
      hoursValue =
          missing("hours_value", money, "not valued: no hours of work saved (see hours_saved)");
    } else {
      Figure hours = effort.get().times(in.ticketsPerYear());
      rows.add(
          hours.row(
              "hours_saved",
              "hours",
              "hours of work: "
                  + basis
                  + " x "
                  + num(in.ticketsPerYear())
                  + " participant tickets per year; positive = less work;"
                  + " interval mapped exactly"));
      hoursValue =
          cfg.loadedHourlyCost() == null
              ? missing(
                  "hours_value", money, "not valued: value.loaded_hourly_cost is not configured")
              : hours
                  .times(cfg.loadedHourlyCost())
                  .row(
                      "hours_value",
                      money,
                      "hours_saved x value.loaded_hourly_cost "
                          + num(cfg.loadedHourlyCost())
                          + " "
                          + money
                          + " per hour; interval mapped exactly");
    }
    rows.add(hoursValue);
    return Optional.of(hoursValue);
  }
}
