package org.sociallearning.impact.value;

/**
 * One row of the {@code value_estimates} table: a value item with its 95% interval. Numbers are NaN
 * (published as null) when the item cannot be valued, with the reason in {@code method}.
 *
 * @param item hours_saved, sales_cycle_days_saved, hours_value, revenue_effect, total_benefit,
 *     program_cost, roi_percent or benefit_cost_ratio
 * @param unit hours, days, the configured currency code ({@code currency} when none), percent or
 *     ratio
 * @param method how the number was formed and how its interval was carried, or why it is missing
 */
public record ValueRow(
    String item, double estimate, double low, double high, String unit, String method) {

  /** True when the row carries a number. */
  public boolean valued() {
    return Double.isFinite(estimate);
  }
}
