package org.sociallearning.impact.effects;

import org.sociallearning.impact.estimation.BasePeriod;
import org.sociallearning.impact.estimation.Covariates;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.EstimationMethod;

/**
 * Estimation step: the robust analysis that may replace an {@code unreliable} overall estimate as
 * the headline (see {@link HeadlineChoice}). A rejected pre-trend test or a dip usually sits in the
 * months just before joining (people join after a bad month); the robust analysis measures every
 * effect from a month before that (anticipation at least {@value #ANTICIPATION}), from one
 * universal base month, and with the configured covariates doubly robust. It runs only where it can
 * change the headline: on an overall estimate graded {@code unreliable}, with the run's bootstrap
 * replicates.
 */
public final class RobustAnalysis {

  /** Months before joining left out of the comparison: the month people join after. */
  public static final int ANTICIPATION = 1;

  private RobustAnalysis() {}

  /**
   * The estimator's settings of the robust analysis.
   *
   * @param configured the run's settings (control group, replicates, seed, level kept)
   * @param covariates the run's covariates as covariate models (tenure bands by default); {@link
   *     Covariates#none()} without any (switched off, or no hire dates)
   */
  public static DidOptions options(DidOptions configured, Covariates covariates) {
    DidOptions robust =
        configured
            .withAnticipation(Math.max(configured.anticipation(), ANTICIPATION))
            .withBasePeriod(BasePeriod.UNIVERSAL);
    if (covariates.isEmpty()) {
      return robust;
    }
    return robust.withCovariates(covariates).withMethod(EstimationMethod.DOUBLY_ROBUST);
  }

  /**
   * Whether the robust analysis is worth running for an estimate: an overall estimate with a grade,
   * graded {@code unreliable} (its grade does not depend on the adjusted p-value, so this is known
   * before the run's p-values are adjusted).
   */
  public static boolean neededFor(MetricEstimate main) {
    return "all".equals(main.segment())
        && GradedEstimate.gradable(main)
        && EvidenceGrade.of(EvidenceInputs.of(main, null)) == EvidenceGrade.UNRELIABLE;
  }
}
