package org.sociallearning.impact.effects;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.GroupTimeEffect;
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

  /**
   * Event-time effects with the participants behind each: the cells of one event time belong to
   * different cohorts, so their treated counts add up to distinct people. Points resting on fewer
   * than {@code minGroupSize} people are dropped (too few to publish, too few to mean much).
   */
  static List<EventTimeEffect> published(DidResult result, int minGroupSize) {
    Map<Integer, Long> treatedByEventTime = new HashMap<>();
    for (GroupTimeEffect cell : result.groupTime()) {
      if (!Double.isNaN(cell.att())) {
        treatedByEventTime.merge(cell.eventTime(), (long) cell.nTreated(), Long::sum);
      }
    }
    List<EventTimeEffect> out = new ArrayList<>();
    for (AggregateEffect a : result.byAggregation(AggregateEffect.DYNAMIC)) {
      if (AggregateEffect.OVERALL.equals(a.key())) {
        continue;
      }
      int e = Integer.parseInt(a.key());
      long n = treatedByEventTime.getOrDefault(e, 0L);
      if (n >= minGroupSize && !Double.isNaN(a.att())) {
        out.add(of(e, a, result.eventStudyBand(), n));
      }
    }
    return out;
  }
}
