package org.sociallearning.impact.effects;

import java.util.Locale;

/**
 * Estimation step: how far one estimate can be read as a finding, published as the {@code evidence}
 * column of {@code impact_estimates}. The rules, first match wins:
 *
 * <ol>
 *   <li>{@code unreliable}: the pre-trend test rejects parallel trends, or the dip check finds an
 *       unusual change just before joining. The comparison itself is in doubt, whatever the
 *       interval says.
 *   <li>{@code inconclusive}: the unadjusted 95% interval includes 0.
 *   <li>{@code weak}: the unadjusted interval excludes 0 but the Benjamini-Hochberg adjusted one
 *       does not: with this many estimates in the run, one like it could be a false alarm. Or
 *       participants and the comparison group differ in tenure by more than {@value
 *       TenureBalance#THRESHOLD} standard deviations and the estimate is not adjusted for it: part
 *       of it may be people learning the job. Or the estimate compares fewer than half the
 *       participants it could ({@link ParticipantCoverage}): the rest had no comparable colleagues,
 *       and those compared may not be like them.
 *   <li>{@code strong}: the adjusted interval excludes 0, a pre-trend test ran and passed, the
 *       breakdown value is at least 1 (the finding survives departures from parallel trends as
 *       large as the largest seen before joining) and at least {@value #STRONG_MIN_PARTICIPANTS}
 *       people took part.
 *   <li>{@code moderate}: the adjusted interval excludes 0, but one of the conditions of {@code
 *       strong} fails or is unknown (breakdown not computed, no pre-trend test possible).
 * </ol>
 *
 * A pure function of {@link EvidenceInputs}; {@link HeadlineChoice} applies it to an estimate and
 * its robust variant.
 */
public enum EvidenceGrade {
  STRONG,
  MODERATE,
  WEAK,
  INCONCLUSIVE,
  UNRELIABLE;

  /** Level of every test and interval the grade reads. */
  public static final double ALPHA = 0.05;

  /** Participants a {@code strong} grade needs (the job warns of fewer as well). */
  public static final int STRONG_MIN_PARTICIPANTS = MetricEstimation.FEW_PARTICIPANTS;

  /** Breakdown value a {@code strong} grade needs. */
  public static final double STRONG_MIN_BREAKDOWN = 1.0;

  /** The grade of one estimate. */
  public static EvidenceGrade of(EvidenceInputs in) {
    if (in.preTrendRejects() || in.dipBeforeJoining()) {
      return UNRELIABLE;
    }
    if (!in.unadjustedExcludesZero()) {
      return INCONCLUSIVE;
    }
    if (!in.adjustedExcludesZero() || in.tenureImbalanced() || in.partialCoverage()) {
      return WEAK;
    }
    boolean survivesViolations = in.breakdownKnown() && in.breakdownMbar() >= STRONG_MIN_BREAKDOWN;
    if (in.preTrendPasses() && survivesViolations && in.participants() >= STRONG_MIN_PARTICIPANTS) {
      return STRONG;
    }
    return MODERATE;
  }

  /** As published: {@code strong}, {@code moderate}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
