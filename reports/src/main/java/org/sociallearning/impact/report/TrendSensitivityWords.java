package org.sociallearning.impact.report;

/**
 * Publish step (results -> report): the sensitivity of a finding to broken parallel trends, in
 * words. The breakdown value (relative magnitudes, Rambachan and Roth 2023) is how many times the
 * largest month-to-month divergence of trends before joining the divergence after joining may reach
 * before the effect's robust 95% interval includes zero.
 */
final class TrendSensitivityWords {

  /** Where the search for the breakdown value stops: published 10 means at least 10. */
  static final double CAP = 10;

  private TrendSensitivityWords() {}

  /** The sentence for a finding; empty when there is none or no breakdown value. */
  static String forMetric(MetricResult m) {
    double b = m.breakdownMbar();
    boolean finding =
        m.evidence().equals("strong")
            || m.evidence().equals("moderate")
            || m.evidence().equals("weak");
    if (!finding || !Double.isFinite(b)) {
      return "";
    }
    if (b >= CAP) {
      return "It holds even if trends after joining diverged 10 times as much as the largest"
          + " divergence before joining.";
    }
    if (b < 0.05) {
      return "It does not hold once trends after joining may diverge at all: it rests entirely on"
          + " the groups moving in parallel.";
    }
    return String.format(
        ReaderNumbers.locale(),
        "It holds unless trends after joining diverged by more than %.1f times the largest"
            + " divergence before joining.",
        b);
  }
}
