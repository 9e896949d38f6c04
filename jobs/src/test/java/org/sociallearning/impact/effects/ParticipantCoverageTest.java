package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.DidResult;
import org.sociallearning.impact.estimation.Panel;
import org.sociallearning.impact.estimation.StaggeredDid;
import org.sociallearning.impact.schemas.MetricDefinition;

/** Whom an estimate speaks for: participants compared against those who could be. */
class ParticipantCoverageTest {

  private static final double N = Double.NaN;

  /**
   * Months 1 to 4. Comparable: joined in 3, seen in 2 and 3; joined in 4 with anticipation 0, seen
   * in 3 and 4. Not comparable: joined in 3 but not seen in 2; joined in 2 and never seen after 1.
   */
  private static Panel panel() {
    return new Panel(
        new int[] {1, 2, 3, 4},
        new int[] {3, 4, 3, 2, 0},
        new double[][] {
          {1, 1, 1, 1}, {N, N, 1, 1}, {N, N, 1, 1}, {1, N, N, N}, {1, 1, 1, 1},
        },
        new String[] {"a", "b", "c", "d", "e"});
  }

  @Test
  void participantsSeenTheMonthBeforeJoiningAndAfterCanBeCompared() {
    assertEquals(2, ParticipantCoverage.of(panel(), 2, 0).comparable());
    // With one month of anticipation, the base months are 1 (a) and 2 (b, not seen then).
    assertEquals(1, ParticipantCoverage.of(panel(), 1, 1).comparable());
  }

  @Test
  void fewerThanHalfComparedGetsTheNote() {
    assertFalse(ParticipantCoverage.of(panel(), 1, 0).partial(), "1 of 2 is half");
    ParticipantCoverage none = ParticipantCoverage.of(panel(), 0, 0);
    assertTrue(none.partial());
    String note = none.note().orElseThrow();
    assertTrue(note.startsWith("the estimate speaks for only 0 of 2 participants"), note);
    assertEquals(NoteCode.PARTIAL_COVERAGE, NoteCode.of(note));
    assertTrue(ParticipantCoverage.of(panel(), 2, 0).note().isEmpty());
  }

  /**
   * Exact strata in which most participants have nobody alike: the published estimate says whom it
   * speaks for, and the grade reads it (see EvidenceGradeTest for the cap).
   */
  @Test
  void anEstimateLeavingMostParticipantsOutSaysSoAndIsAtMostWeak() {
    int months = 8;
    int[] periods = new int[months];
    for (int t = 0; t < months; t++) {
      periods[t] = t + 1;
    }
    int units = 400;
    int[] group = new int[units];
    double[][] y = new double[units][months];
    String[] ids = new String[units];
    String[] strata = new String[units];
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    for (int i = 0; i < units; i++) {
      ids[i] = "u" + i;
      // Stratum "new": 150 participants and nobody else; stratum "old": 50 participants, 200 not.
      boolean isNew = i < 150;
      strata[i] = isNew ? "new" : "old";
      group[i] = i < 200 ? 5 : 0;
      for (int t = 0; t < months; t++) {
        double effect = group[i] > 0 && periods[t] >= group[i] ? -0.5 : 0;
        y[i][t] = effect + 0.1 * (random.nextDouble() - 0.5);
      }
    }
    Panel panel = new Panel(periods, group, y, ids);
    DidResult result =
        StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(99), strata);
    assertEquals(50, result.treatedUnits(), "only the old stratum's participants are compared");
    MetricEstimate e =
        MetricEstimation.estimate(
            MetricDefinition.named("time_to_resolve_hours"),
            "all",
            panel,
            DidOptions.defaults().withReplicates(99),
            5,
            strata);
    List<String> notes =
        e.warnings().stream().filter(w -> w.startsWith(ParticipantCoverage.NOTE_START)).toList();
    assertEquals(
        List.of(
            "the estimate speaks for only 50 of 200 participants: the others could not be"
                + " compared (no comparison colleagues of their tenure band or stratum, or too few"
                + " people joining in their month) and were left out, so it is graded at most"
                + " weak"),
        notes);
    assertTrue(e.ciHigh() < 0, e.toString());
    assertTrue(EvidenceInputs.of(e, 2.0).partialCoverage(), "the grade reads the note");
  }
}
