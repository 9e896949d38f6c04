package org.sociallearning.impact.report;

import java.time.LocalDate;

/**
 * One calendar month of the "participants vs comparison" picture, on the metric's modelling scale
 * (mean of logs for log metrics): what participants who had joined by then did, what they would
 * have done without joining (observed minus the estimated effect), and what the comparison group
 * did. Read by the report from the published {@code impact_calendar} table.
 *
 * @param participants participants' mean outcome in the month (NaN when suppressed)
 * @param counterfactual participants' mean minus the effect estimated for that month
 * @param comparison comparison group's mean outcome in the month
 */
public record CalendarPoint(
    LocalDate month,
    double participants,
    double counterfactual,
    double comparison,
    long nParticipants,
    long nComparison) {}
