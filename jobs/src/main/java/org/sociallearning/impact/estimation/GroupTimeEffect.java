package org.sociallearning.impact.estimation;

/**
 * ATT(g,t): average effect in period {@code time} on units first treated in period {@code group}
 * (for {@code time < group} a placebo pre-trend check). {@code att} and the rest are NaN when the
 * cell had fewer than two treated or two control units.
 *
 * @param nTreated units of cohort {@code group} observed in both {@code time} and the base period
 * @param nControl comparison units observed in both periods
 */
public record GroupTimeEffect(
    int group,
    int time,
    double att,
    double se,
    double ciLow,
    double ciHigh,
    int nTreated,
    int nControl) {

  public boolean isPostTreatment() {
    return time >= group;
  }

  public int eventTime() {
    return time - group;
  }
}
