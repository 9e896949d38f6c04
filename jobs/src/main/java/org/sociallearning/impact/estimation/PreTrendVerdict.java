package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pre-trend verdict of the estimation step: the joint Wald test ({@link PreTrendWald}, or its
 * event-time fallback) and the level test ({@link PreJoiningLevel}) combined by Bonferroni, {@code
 * p = min(1, 2 min(p_joint, p_level))} (see {@link DidResult.PreTrendTest#pValue()}), so that under
 * parallel trends the verdict rejects in at most 5% of panels whichever test fires. The joint test
 * sees placebo effects that move in different directions; the level test sees participants who, on
 * average, already stood apart from the month their effects are measured from. One warning says
 * which of them rejected, in words.
 */
final class PreTrendVerdict {

  private PreTrendVerdict() {}

  /** The joint test with the level test attached, and a warning when the verdict rejects. */
  static DidResult.PreTrendTest combine(
      DidResult.PreTrendTest joint, DidResult.PreTrendTest.LevelTest level, List<String> warnings) {
    DidResult.PreTrendTest verdict = joint.withLevel(level);
    if (!(verdict.pValue() < PreTrendWald.LEVEL)) {
      return verdict;
    }
    // With both tests each is judged at half the level: that is what the combined p-value says.
    double bar =
        verdict.isJointAvailable() && level.isAvailable()
            ? PreTrendWald.LEVEL / 2
            : PreTrendWald.LEVEL;
    List<String> tests = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    if (level.isAvailable() && level.pValue() < bar) {
      tests.add("level test, " + PreTrendWald.describe(level.pValue()));
      reasons.add(
          String.format(
              Locale.ROOT,
              "participants' outcomes %s %.3g more than the comparison group's,"
                  + " on average, from the %d earlier month(s) to the month their effects are measured from:"
                  + " a change just before joining, or a trend",
              level.estimate() > 0 ? "fell" : "rose",
              Math.abs(level.estimate()),
              level.eventTimes()));
    }
    if (verdict.isJointAvailable() && verdict.jointPValue() < bar) {
      tests.add("joint test, " + PreTrendWald.describe(verdict.jointPValue()));
      reasons.add(
          String.format(
              Locale.ROOT,
              "the %d pre-joining effects%s differ from zero jointly (Wald"
                  + " chi-square %.3g on %d df): before joining, the outcomes of those who joined already moved"
                  + " differently from the comparison group's",
              verdict.degreesOfFreedom(),
              verdict.kind() == DidResult.PreTrendTest.Kind.EVENT_TIME
                  ? " averaged by month relative to joining"
                  : "",
              verdict.statistic(),
              verdict.degreesOfFreedom()));
    }
    warnings.add(
        "pre-trend test rejects parallel trends ("
            + String.join(", and ", tests)
            + "): "
            + String.join("; and ", reasons)
            + ". The effects may be biased");
    return verdict;
  }
}
