package org.sociallearning.impact.value;

/**
 * The volumes the effects apply to, computed by the job from the participants' own items. NaN (or
 * a count of 0) means unknown, e.g. no service-desk or CRM source: the items that need it are
 * left out.
 *
 * <p>All figures describe the same set of items, "participants' post-joining items, annualised":
 * the items (tickets by {@code opened_at}, opportunities by {@code CreatedDate}) that
 * participants started in months on or after their joining month, that are observable for the
 * whole horizon (the same items the metric counts), over the last 12 observable months; when
 * fewer than 12 such months exist, the count is scaled to 12 months (count x 12 / months). Means
 * are over the same items, as the metric measures them (horizon-capped durations).
 *
 * @param ticketsPerYear participants' post-joining tickets per year (the items of {@code
 *     time_to_resolve_hours})
 * @param hoursPerTicket participants' observed mean {@code time_to_resolve_hours} over those
 *     tickets: what happened with the effect, not a baseline (the counterfactual is derived from
 *     it and the effect)
 * @param opportunitiesPerYear participants' post-joining opportunities per year that count in
 *     {@code win_rate} (its denominator)
 * @param wonDealSize participants' mean amount of those opportunities that were won (as in
 *     {@code deal_size}, amounts missing or 0 left out), in the org's currency
 * @param cycleDaysPerDeal participants' observed mean {@code sales_cycle_days} over those
 *     opportunities
 */
public record ValueInputs(
    double ticketsPerYear,
    double hoursPerTicket,
    double opportunitiesPerYear,
    double wonDealSize,
    double cycleDaysPerDeal) {

  /** Nothing known: no value items. */
  public static final ValueInputs NONE =
      new ValueInputs(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  boolean hasTickets() {
    return usable(ticketsPerYear) && usable(hoursPerTicket);
  }

  boolean hasOpportunities() {
    return usable(opportunitiesPerYear) && usable(wonDealSize);
  }

  boolean hasCycle() {
    return usable(cycleDaysPerDeal);
  }

  private static boolean usable(double v) {
    return Double.isFinite(v) && v > 0;
  }
}
