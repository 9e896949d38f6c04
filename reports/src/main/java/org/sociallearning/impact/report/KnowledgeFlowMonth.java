package org.sociallearning.impact.report;

import java.time.LocalDate;

/**
 * One community and month of the published {@code knowledge_flow_monthly} table. Figures are NaN
 * (counts -1) when the month was suppressed for having too few askers.
 */
public record KnowledgeFlowMonth(
    String community,
    LocalDate month,
    long questions,
    long answered,
    double medianHoursToFirstAnswer,
    double crossDepartmentShare,
    boolean suppressed) {}
