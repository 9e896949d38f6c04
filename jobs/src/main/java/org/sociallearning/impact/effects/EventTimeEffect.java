package org.sociallearning.impact.effects;

/**
 * The effect at one event time (months since joining; negative = before, a placebo check), with the
 * number of participants behind it so that small points can be suppressed.
 */
public record EventTimeEffect(
    int eventTime, double estimate, double se, double ciLow, double ciHigh, long nTreated) {}
