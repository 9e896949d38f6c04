package org.sociallearning.impact.report;

/**
 * One pair of departments from the published {@code knowledge_flow_departments}: questions of
 * {@code to} first answered by someone of {@code from}; the count is -1 when suppressed.
 */
public record DepartmentFlow(String from, String to, long questionsAnswered, boolean suppressed) {}
