package org.sociallearning.impact.effects;

import org.sociallearning.impact.estimation.AggregateEffect;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.EventStudyVector;
import org.sociallearning.impact.estimation.RelativeMagnitudes;

/**
 * How much of a violation of parallel trends the headline survives (Rambachan and Roth 2023,
 * relative magnitudes, as R HonestDiD): the robust interval at {@code Mbar = 1} (post-joining
 * month-to-month changes of the trend gap as large as the largest one before joining) and the
 * breakdown value, the largest {@code Mbar} at which that interval still excludes 0. The target is
 * the event-study version of the {@code group} headline (see {@code EventStudyCovariance}).
 *
 * @param breakdownMbar NaN when not computable; {@link RelativeMagnitudes#BREAKDOWN_CAP} means "at
 *     least that"
 * @param robustCiLow lower end of the robust interval, on the metric scale of {@code ciLow}
 * @param robustCiHigh upper end
 * @param robustRelativeCiLow its relative form, mapped as {@code relativeCiLow} is
 * @param robustRelativeCiHigh its relative form, mapped as {@code relativeCiHigh} is
 */
public record ParallelTrendsSensitivity(
    double breakdownMbar,
    double robustCiLow,
    double robustCiHigh,
    double robustRelativeCiLow,
    double robustRelativeCiHigh) {

  /** The {@code Mbar} of the published robust interval. */
  public static final double MBAR = 1.0;

  public static final ParallelTrendsSensitivity NONE =
      new ParallelTrendsSensitivity(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /**
   * @param result the run, with its event study ({@link DidResult#eventStudyVector()})
   * @param headline the published headline, whose interval's relative form the robust one follows
   * @param logScale whether the metric is modelled in logs (relative = {@code exp(x) - 1})
   * @param treatedPostMean the participants' post-joining mean for level metrics (see {@code
   *     MetricEstimation.relativeToCounterfactual})
   * @param options the run's options: confidence level and seed
   */
  static ParallelTrendsSensitivity of(
      DidResult result,
      AggregateEffect headline,
      boolean logScale,
      double treatedPostMean,
      DidOptions options) {
    EventStudyVector eventStudy = result.eventStudyVector();
    if (!eventStudy.isAvailable()) {
      return NONE;
    }
    double alpha = 1 - options.confidenceLevel();
    double[] robust = RelativeMagnitudes.interval(eventStudy, MBAR, alpha, options.seed());
    double breakdown = RelativeMagnitudes.breakdown(eventStudy, alpha, options.seed());
    double[] relative =
        logScale
            ? new double[] {Double.NaN, Math.expm1(robust[0]), Math.expm1(robust[1])}
            : MetricEstimation.relativeToCounterfactual(
                new AggregateEffect(
                    headline.aggregation(),
                    headline.key(),
                    headline.att(),
                    headline.se(),
                    robust[0],
                    robust[1]),
                treatedPostMean);
    return new ParallelTrendsSensitivity(breakdown, robust[0], robust[1], relative[1], relative[2]);
  }
}
