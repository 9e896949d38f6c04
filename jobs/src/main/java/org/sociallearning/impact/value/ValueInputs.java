package org.sociallearning.impact.value;

import org.sociallearning.impact.effects.MetricEstimate;

/**
 * The volumes the effects apply to and the effort estimate, computed by the job. NaN (or a count of
 * 0) means unknown, e.g. no service-desk or CRM source: the items that need it are left out.
 *
 * <p>Volumes describe "participants' post-joining items, annualised": the items (tickets by {@code
 * opened_at}, opportunities by {@code CreatedDate}) that participants started in months on or after
 * their joining month, that are observable for the whole horizon (the same items the metric
 * counts), over the last 12 observable months; when fewer than 12 such months exist, the count is
 * scaled to 12 months (count x 12 / months).
 *
 * @param ticketsPerYear participants' post-joining tickets per year (the items of {@code
 *     time_to_resolve_hours})
 * @param opportunitiesPerYear participants' post-joining opportunities per year: every opportunity
 *     created, the denominator of {@code win_rate}
 * @param wonDealSize participants' mean amount of those opportunities that were won within the
 *     horizon (as in {@code deal_size}, amounts missing or 0 left out), in the org's currency
 * @param effortPerTicket the effect of joining on the hours of work logged per ticket (from the
 *     exports' effort column, item-weighted difference-in-differences), or {@link
 *     MetricEstimate.MeanEffect#NONE} when no export has effort
 * @param interactionsPerYear social-learning interactions per year, by everyone (participants and
 *     people who tried it), over the last 12 months (scaled to a year when the data covers less);
 *     the time people spend in communities
 */
public record ValueInputs(
    double ticketsPerYear,
    double opportunitiesPerYear,
    double wonDealSize,
    MetricEstimate.MeanEffect effortPerTicket,
    double interactionsPerYear) {

  /** Nothing known: no value items. */
  public static final ValueInputs NONE =
      new ValueInputs(
          Double.NaN, Double.NaN, Double.NaN, MetricEstimate.MeanEffect.NONE, Double.NaN);

  public ValueInputs {
    effortPerTicket = effortPerTicket == null ? MetricEstimate.MeanEffect.NONE : effortPerTicket;
  }

  /** The same volumes with the effort estimate and the community time known. */
  public ValueInputs with(MetricEstimate.MeanEffect effort, double interactions) {
    return new ValueInputs(ticketsPerYear, opportunitiesPerYear, wonDealSize, effort, interactions);
  }

  boolean hasTickets() {
    return usable(ticketsPerYear);
  }

  boolean hasOpportunities() {
    return usable(opportunitiesPerYear) && usable(wonDealSize);
  }

  boolean hasInteractions() {
    return Double.isFinite(interactionsPerYear) && interactionsPerYear >= 0;
  }

  private static boolean usable(double v) {
    return Double.isFinite(v) && v > 0;
  }
}
