package org.sociallearning.impact.effects;

import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.estimation.StaggeredDid;

/**
 * Estimation step for the effect on the mean per item of a log-scale outcome, in its own unit: the
 * same staggered difference-in-differences as the headline, on employee-month means of the items'
 * values weighted by their items, summarised the same way (group aggregation). exp(mean log) - 1
 * describes the typical item and turns into a change in mean hours only when every item changes by
 * the same factor; money needs the mean.
 */
public final class MeanEffects {

  private MeanEffects() {}

  /**
   * The group-aggregated effect on the item-weighted mean with its 95% interval (analytic standard
   * errors clustered by employee), or {@link MetricEstimate.MeanEffect#NONE} when the panel cannot
   * identify it.
   */
  public static MetricEstimate.MeanEffect of(
      Panel itemWeighted, DidOptions options, String[] strata) {
    if (!itemWeighted.isWeighted()) {
      throw new IllegalArgumentException("the effect on the mean needs item weights");
    }
    DidResult result;
    try {
      result = StaggeredDid.estimate(itemWeighted, options.withReplicates(0), strata);
    } catch (IllegalArgumentException e) {
      return MetricEstimate.MeanEffect.NONE;
    }
    AggregateEffect group = result.overall(AggregateEffect.GROUP);
    return new MetricEstimate.MeanEffect(group.att(), group.ciLow(), group.ciHigh());
  }
}
