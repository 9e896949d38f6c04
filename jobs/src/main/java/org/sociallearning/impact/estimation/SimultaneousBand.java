package org.sociallearning.impact.estimation;

import java.util.Objects;

/**
 * A simultaneous confidence band over a family of effects (every point of an event study, or every
 * group-time effect), as R {@code did} draws with {@code cband = TRUE}: with 95% probability every
 * effect of the family lies within {@code estimate +- criticalValue * se} at once, where a
 * pointwise interval covers each effect on its own and so, over a dozen months, misses one of them
 * far more often than 5% of the time. Reading a whole event study (are the months before joining
 * all near zero, does the effect last) needs the band.
 *
 * <p>The critical value is the sup-t quantile: the 95% quantile, over the bootstrap replicates, of
 * the largest absolute t-statistic in the family ({@link SupTCriticalValue}). It is never below the
 * pointwise normal quantile (R falls back to pointwise intervals in that case too) and never above
 * the Bonferroni one in practice.
 *
 * @param criticalValue multiplies each standard error; NaN when there is no band
 * @param effects effects the band covers jointly: those of the family with a standard error
 * @param source how the joint distribution of the t-statistics was simulated
 */
public record SimultaneousBand(double criticalValue, int effects, Source source) {

  /** Where the critical value comes from. */
  public enum Source {
    /** The multiplier bootstrap's own draws, the ones behind the standard errors (R's way). */
    MULTIPLIER_BOOTSTRAP,
    /**
     * Normal draws with the covariance of the effects' influence functions: with analytic standard
     * errors (weighted panels, or no replicates asked for) there are no bootstrap draws.
     */
    NORMAL_SIMULATION,
    /** No band: no effect of the family has a standard error. */
    NONE
  }

  /** No band. */
  public static final SimultaneousBand NONE = new SimultaneousBand(Double.NaN, 0, Source.NONE);

  public SimultaneousBand {
    Objects.requireNonNull(source, "source");
  }

  public boolean isAvailable() {
    return source != Source.NONE && Double.isFinite(criticalValue);
  }

  /** Lower end of the band at one effect; NaN without a band or a standard error. */
  public double low(double estimate, double se) {
    return isAvailable() ? estimate - criticalValue * se : Double.NaN;
  }

  /** Upper end of the band at one effect; NaN without a band or a standard error. */
  public double high(double estimate, double se) {
    return isAvailable() ? estimate + criticalValue * se : Double.NaN;
  }

  /** Lower end of the band at one event-study point or aggregate. */
  public double low(AggregateEffect effect) {
    return low(effect.att(), effect.se());
  }

  /** Upper end of the band at one event-study point or aggregate. */
  public double high(AggregateEffect effect) {
    return high(effect.att(), effect.se());
  }

  /** Lower end of the band at one group-time effect. */
  public double low(GroupTimeEffect cell) {
    return low(cell.att(), cell.se());
  }

  /** Upper end of the band at one group-time effect. */
  public double high(GroupTimeEffect cell) {
    return high(cell.att(), cell.se());
  }
}
