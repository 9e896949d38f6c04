package org.sociallearning.impact.effects;

import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.estimation.SimultaneousBand;

/**
 * The effect at one event time (months since joining; negative = before, a placebo check), with the
 * number of participants behind it so that small points can be suppressed.
 *
 * @param ciLow lower end of the pointwise interval: covers this point alone with 95% probability
 * @param ciHigh upper end of the pointwise interval
 * @param bandLow lower end of the simultaneous band: with 95% probability every point of the event
 *     study lies within its band at once (R {@code did}'s {@code cband}); NaN without one
 * @param bandHigh upper end of the simultaneous band
 */
public record EventTimeEffect(
    int eventTime,
    double estimate,
    double se,
    double ciLow,
    double ciHigh,
    double bandLow,
    double bandHigh,
    long nTreated) {

  /**
   * The {@code dynamic} point at {@code eventTime}, with its interval and the event study's band.
   */
  public static EventTimeEffect of(
      int eventTime, AggregateEffect point, SimultaneousBand band, long nTreated) {
    return new EventTimeEffect(
        eventTime,
        point.att(),
        point.se(),
        point.ciLow(),
        point.ciHigh(),
        band.low(point),
        band.high(point),
        nTreated);
  }
}
