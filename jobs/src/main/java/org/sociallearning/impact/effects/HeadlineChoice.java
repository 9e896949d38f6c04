package org.sociallearning.impact.effects;

/**
 * Estimation step: which of an estimate and its robust variant is the headline, and its grade. The
 * robust variant re-estimates the metric measuring from further back (anticipation 1, universal
 * base period, with the configured covariates doubly robust): when the main estimate is {@code
 * unreliable} (pre-trends rejected or a dip before joining) and the variant is not, the problem was
 * in the months just before joining and the variant is the better answer, so it becomes the
 * headline and says so. Otherwise the main estimate stays the headline.
 *
 * @param headline the estimate to publish as the headline
 * @param grade its evidence grade
 * @param robustHeadline whether the headline is the robust variant
 */
public record HeadlineChoice(MetricEstimate headline, EvidenceGrade grade, boolean robustHeadline) {

  /** What the note on a robust headline says. */
  public static final String ROBUST_NOTE =
      "the main estimate failed the pre-trend or dip check; the robust analysis (anticipation 1,"
          + " universal base period) passes it and is the headline";

  /**
   * The headline of an estimate.
   *
   * @param main the estimate with the configured settings
   * @param mainInputs its grade's inputs
   * @param robust the robust variant, or null when it was not run
   * @param robustInputs its grade's inputs, or null
   */
  public static HeadlineChoice choose(
      MetricEstimate main,
      EvidenceInputs mainInputs,
      MetricEstimate robust,
      EvidenceInputs robustInputs) {
    EvidenceGrade grade = EvidenceGrade.of(mainInputs);
    if (grade == EvidenceGrade.UNRELIABLE && robust != null && robustInputs != null) {
      EvidenceGrade robustGrade = EvidenceGrade.of(robustInputs);
      if (robustGrade != EvidenceGrade.UNRELIABLE) {
        return new HeadlineChoice(robust.withWarning(ROBUST_NOTE), robustGrade, true);
      }
    }
    return new HeadlineChoice(main, grade, false);
  }
}
