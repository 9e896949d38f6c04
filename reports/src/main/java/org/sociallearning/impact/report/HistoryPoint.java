package org.sociallearning.impact.report;

/**
 * One run's overall estimate of one metric, from the published {@code estimate_history} table, on
 * the metric's modelling scale (as {@link MetricResult}).
 *
 * @param runId the run that published it ({@code yyyyMMdd'T'HHmmss'Z'})
 * @param asOf that run's last day of data
 * @param evidence its grade then; empty when none
 */
public record HistoryPoint(
    String runId,
    String asOf,
    String metric,
    double estimate,
    double ciLow,
    double ciHigh,
    double relativeEffect,
    double relativeCiLow,
    double relativeCiHigh,
    String evidence) {}
