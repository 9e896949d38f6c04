package org.sociallearning.impact.report;

/**
 * One community of the published {@code knowledge_concentration} table: who answers, and how
 * concentrated answering is (share of the top 5% of helpers, Gini).
 */
public record CommunityConcentration(
    String community,
    long helpers,
    long answers,
    double topShare,
    double gini,
    boolean suppressed) {}
