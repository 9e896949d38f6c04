package org.sociallearning.impact.report;

/**
 * Publish step (results -> report): for an estimate that cannot tell the direction of the effect,
 * how large an effect today's data could have found, and how much more data would find the effect
 * size the run looks for. "We cannot tell" alone says nothing about whether more data would tell.
 */
final class PowerWords {

  private PowerWords() {}

  /** The sentence for an inconclusive estimate with known power; empty otherwise. */
  static String forMetric(MetricResult m) {
    DetectablePower p = m.power();
    if (!"inconclusive".equals(m.evidence()) || !p.isKnown()) {
      return "";
    }
    double shown = Math.abs(m.toDisplay(m.isLogScale() ? -p.mde() : p.mde()));
    String size =
        m.displayUnit().equals("%")
            ? String.format(ReaderNumbers.locale(), "%.0f%%", shown)
            : String.format(ReaderNumbers.locale(), "%.1f %s", shown, m.displayUnit());
    String out =
        String.format(
            ReaderNumbers.locale(),
            "With today's %,d participant-months, only an effect of about %s or more would"
                + " reliably show (80%% power).",
            p.participantMonths(),
            size);
    if (p.participantMonthsNeeded() > p.participantMonths()) {
      out +=
          String.format(
              ReaderNumbers.locale(),
              " About %,d participant-months in all would show the effect size this run looks for.",
              p.participantMonthsNeeded());
    }
    return out;
  }
}
