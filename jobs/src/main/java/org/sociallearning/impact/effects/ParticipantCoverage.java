package org.sociallearning.impact.effects;

import java.util.Optional;
import org.sociallearning.impact.estimation.Panel;

/**
 * Estimation step: whom an estimate speaks for. A participant can be compared when the panel has
 * their month before joining (the base month) and a month after; the estimate speaks for those it
 * actually compared ({@code treatedUnits} of the estimator). Participants without comparable
 * colleagues are left out of the comparisons: new hires of a tenure band in which nobody else was
 * hired, say, when nearly every new hire joined (tenure adjustment), or people of a stratum with
 * nobody alike (exact strata). When the estimate compares fewer than {@value #THRESHOLD} of the
 * participants it could compare, it describes a minority that may not be like the rest: a note
 * (code {@code partial_coverage}) says how many, and the evidence grade is at most {@code weak}.
 *
 * @param compared participants in at least one post-joining comparison
 * @param comparable participants the panel observes in their base month and in a month after it
 */
public record ParticipantCoverage(int compared, int comparable) {

  /** The share of comparable participants below which the gate applies. */
  public static final double THRESHOLD = 0.5;

  /** How the note starts (what {@link NoteCode#PARTIAL_COVERAGE} recognises). */
  public static final String NOTE_START = "the estimate speaks for only";

  /**
   * @param compared the estimator's participants in a post-joining comparison
   * @param anticipation months before joining in which outcomes may already respond: the base month
   *     is the last month before them
   */
  public static ParticipantCoverage of(Panel panel, int compared, int anticipation) {
    int[] periods = panel.periods();
    int comparable = 0;
    for (int u = 0; u < panel.unitCount(); u++) {
      int g = panel.unitGroup()[u];
      if (g <= 0) {
        continue;
      }
      int base = ParticipantsPostJoining.lastIndexBefore(periods, g - anticipation);
      if (base < 0 || Double.isNaN(panel.outcome()[u][base])) {
        continue;
      }
      for (int t = 0; t < periods.length; t++) {
        if (periods[t] >= g && !Double.isNaN(panel.outcome()[u][t])) {
          comparable++;
          break;
        }
      }
    }
    return new ParticipantCoverage(compared, comparable);
  }

  /** Whether the estimate compares fewer than {@link #THRESHOLD} of the comparable participants. */
  public boolean partial() {
    return comparable > 0 && compared < THRESHOLD * comparable;
  }

  /** The note for a partial estimate, empty otherwise. */
  public Optional<String> note() {
    if (!partial()) {
      return Optional.empty();
    }
    return Optional.of(
        NOTE_START
            + " "
            + compared
            + " of "
            + comparable
            + " participants: the others could not be compared (no comparison colleagues of their"
            + " tenure band or stratum, or too few people joining in their month) and were left"
            + " out, so it is graded at most weak");
  }
}
