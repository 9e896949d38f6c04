package org.sociallearning.impact.report;

import java.time.LocalDate;

/**
 * One month of the published {@code learning_mix_monthly} table: formal learning activities
 * (courses, e-learning) against social ones (community messages, social xAPI verbs).
 */
public record LearningMixMonth(
    LocalDate month,
    long formalActivities,
    long socialActivities,
    long formalLearners,
    long socialLearners,
    boolean suppressed) {}
