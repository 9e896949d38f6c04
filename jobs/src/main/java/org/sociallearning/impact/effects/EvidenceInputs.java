package org.sociallearning.impact.effects;

/**
 * What an estimate's evidence grade is read from (see {@link EvidenceGrade}): the unadjusted 95%
 * interval, the Benjamini-Hochberg adjusted p-value, the pre-trend verdict, the dip check, the
 * breakdown value of the sensitivity analysis, whom the estimate speaks for and the participants
 * behind it.
 *
 * @param ciLow lower end of the unadjusted 95% interval (modelled scale)
 * @param ciHigh upper end of it
 * @param pValueAdjusted Benjamini-Hochberg adjusted p-value across the run: below 0.05 exactly when
 *     the false-coverage adjusted interval (Benjamini and Yekutieli 2005) excludes 0; NaN unknown
 * @param preTrendPValue the pre-trend verdict's p-value; NaN when no test could run
 * @param dipBeforeJoining whether the dip check found an unusual change just before joining
 * @param tenureImbalanced whether participants and the comparison group differ in tenure beyond
 *     {@link TenureBalance#THRESHOLD} without tenure adjustment (the estimate's note says so)
 * @param partialCoverage whether the estimate compares fewer than half the participants it could
 *     ({@link ParticipantCoverage}; the estimate's note says so)
 * @param breakdownMbar the breakdown value of the parallel-trends sensitivity analysis (Rambachan
 *     and Roth 2023): how many times the largest pre-joining departure the finding survives; null
 *     (or NaN) when not computed, read as unknown
 * @param participants people in the participant group behind the estimate
 */
public record EvidenceInputs(
    double ciLow,
    double ciHigh,
    double pValueAdjusted,
    double preTrendPValue,
    boolean dipBeforeJoining,
    boolean tenureImbalanced,
    boolean partialCoverage,
    Double breakdownMbar,
    long participants) {

  /** The inputs of one estimate; the breakdown value comes from the sensitivity analysis. */
  public static EvidenceInputs of(MetricEstimate e, Double breakdownMbar) {
    return new EvidenceInputs(
        e.ciLow(),
        e.ciHigh(),
        e.pValueAdjusted(),
        e.preTrendPValue(),
        e.basis().dipBeforeJoining(),
        e.warnings().stream().anyMatch(w -> w.startsWith(TenureBalance.NOTE_START)),
        e.warnings().stream().anyMatch(w -> w.startsWith(ParticipantCoverage.NOTE_START)),
        breakdownMbar,
        e.nTreated());
  }

  /** Whether the pre-trend verdict rejects parallel trends at the 5% level. */
  public boolean preTrendRejects() {
    return preTrendPValue < EvidenceGrade.ALPHA;
  }

  /** Whether a pre-trend test ran and did not reject. */
  public boolean preTrendPasses() {
    return preTrendPValue >= EvidenceGrade.ALPHA;
  }

  /** Whether the unadjusted 95% interval lies on one side of zero. */
  public boolean unadjustedExcludesZero() {
    return ciLow > 0 || ciHigh < 0;
  }

  /** Whether the BH-adjusted interval excludes zero (adjusted p-value below 0.05). */
  public boolean adjustedExcludesZero() {
    return pValueAdjusted < EvidenceGrade.ALPHA;
  }

  /** Whether the breakdown value is known. */
  public boolean breakdownKnown() {
    return breakdownMbar != null && !breakdownMbar.isNaN();
  }
}
