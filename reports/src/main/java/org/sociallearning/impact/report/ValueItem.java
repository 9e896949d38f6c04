package org.sociallearning.impact.report;

/**
 * One row of the published {@code value_estimates} table (hours saved, revenue effect, ROI...),
 * with its 95% interval; numbers are NaN when a configuration key is missing ({@code method} then
 * says which).
 */
public record ValueItem(
    String item, double estimate, double ciLow, double ciHigh, String unit, String method) {

  public boolean hasNumber() {
    return Double.isFinite(estimate);
  }

  /** True for money rows (unit is a currency code, or "currency" when none is configured). */
  public boolean isMoney() {
    return unit != null
        && !unit.startsWith("hours")
        && !unit.startsWith("days")
        && !unit.equals("percent")
        && !unit.equals("ratio");
  }
}
