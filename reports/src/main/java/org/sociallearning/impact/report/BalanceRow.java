package org.sociallearning.impact.report;

/**
 * One row of the published {@code balance} table: a characteristic of participants against the
 * comparison group before joining, with its standardised mean difference.
 *
 * @param variable e.g. {@code tenure_months}, {@code pre-joining time_to_resolve_hours}
 */
public record BalanceRow(
    String metric, String variable, double participants, double comparison, double smd) {}
