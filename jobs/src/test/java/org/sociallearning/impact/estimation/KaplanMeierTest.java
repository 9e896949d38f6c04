package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference: Freireich et al. (1963) 6-MP remission data as tabulated by Kleinbaum and Klein,
 * "Survival Analysis: A Self-Learning Text", and R {@code survfit(Surv(time, status) ~ group)}
 * (conf.type "log"): 6-MP median 23 (95% CI 16 to NA), placebo median 8 (4 to 12).
 */
class KaplanMeierTest {

  /** 6-MP group: 21 patients, 9 relapses; negative values mark censored times (6* etc.). */
  static final double[] SIX_MP = {
    6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32, -34, -35
  };

  /** Placebo group: 21 patients, all relapsed. */
  static final double[] PLACEBO = {
    1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23
  };

  static KaplanMeier fitMarked(double[] marked) {
    double[] t = Arrays.stream(marked).map(Math::abs).toArray();
    boolean[] e = new boolean[marked.length];
    for (int i = 0; i < marked.length; i++) {
      e[i] = marked[i] > 0;
    }
    return KaplanMeier.fit(t, e);
  }

  @Test
  void sixMpGroupMatchesTheTextbookCurve() {
    KaplanMeier km = fitMarked(SIX_MP);
    // time, at risk, relapses, S(t), Greenwood SE: the textbook table.
    double[][] table = {
      {6, 21, 3, 0.857, 0.0764}, {7, 17, 1, 0.807, 0.0869}, {10, 15, 1, 0.753, 0.0963},
      {13, 12, 1, 0.690, 0.1068}, {16, 11, 1, 0.627, 0.1141}, {22, 7, 1, 0.538, 0.1282},
      {23, 6, 1, 0.448, 0.1346}
    };
    List<KaplanMeier.Step> eventSteps = km.curve().stream().filter(s -> s.events() > 0).toList();
    assertEquals(table.length, eventSteps.size());
    for (int i = 0; i < table.length; i++) {
      KaplanMeier.Step s = eventSteps.get(i);
      String at = "t=" + table[i][0];
      assertEquals(table[i][0], s.time(), at);
      assertEquals((int) table[i][1], s.atRisk(), at);
      assertEquals((int) table[i][2], s.events(), at);
      assertEquals(table[i][3], s.survival(), 0.0005, at);
      assertEquals(table[i][4], s.stdError(), 0.00005, at);
    }
    assertEquals(0.448, km.survivalAt(100), 0.0005);
    assertEquals(1.0, km.survivalAt(5.9));
  }

  @Test
  void sixMpMedianIs23WithIntervalFrom16AndNoUpperEnd() {
    KaplanMeier.Median median = fitMarked(SIX_MP).median();
    assertEquals(23.0, median.estimate());
    assertEquals(16.0, median.ciLow());
    assertTrue(Double.isNaN(median.ciHigh()), "upper band never reaches 0.5: " + median);
  }

  @Test
  void placeboMedianIs8WithInterval4To12() {
    KaplanMeier.Median median = fitMarked(PLACEBO).median();
    assertEquals(new KaplanMeier.Median(8.0, 4.0, 12.0), median);
  }

  /**
   * Five of ten items end at 1..5 hours and five are still open after 6 hours. Dropping the open
   * ones gives a naive median of 3; counting them as at risk until they drop out gives 5.
   */
  @Test
  void censoredItemsMakeTheNaiveMedianOfObservedDurationsTooShort() {
    double[] observed = {1, 2, 3, 4, 5};
    KaplanMeier naive = KaplanMeier.fit(observed, new boolean[] {true, true, true, true, true});
    KaplanMeier km = fitMarked(new double[] {1, 2, 3, 4, 5, -6, -6, -6, -6, -6});
    assertEquals(3.0, naive.median().estimate());
    assertEquals(5.0, km.median().estimate());
  }

  @Test
  void withoutCensoringTheMedianIsTheLowerMiddleObservation() {
    KaplanMeier km =
        KaplanMeier.fit(new double[] {4, 1, 3, 2}, new boolean[] {true, true, true, true});
    assertEquals(2.0, km.median().estimate(), "S(2) = 0.5 exactly counts as reached");
    assertEquals(0.0, km.survivalAt(4));
  }

  @Test
  void countedDurationsGiveTheCurveOfTheItemsThemselves() {
    KaplanMeier items =
        KaplanMeier.fit(
            new double[] {5, 2, 2, 7, 5, 5, 9, 2, 7},
            new boolean[] {true, true, false, false, true, false, true, true, true});
    // The same items counted by (duration, status), in another order, with an empty count.
    KaplanMeier counted =
        KaplanMeier.fit(
            new double[] {7, 2, 5, 9, 2, 5, 7, 3},
            new boolean[] {true, true, true, true, false, false, false, true},
            new int[] {1, 2, 2, 1, 1, 1, 1, 0});
    assertEquals(items.size(), counted.size());
    assertEquals(items.curve(), counted.curve());
    assertEquals(items.median(), counted.median());
  }

  @Test
  void eventsComeBeforeCensoringsAtTheSameTime() {
    // At t=1 one event and one censoring: both are at risk, so S(1) = 2/3, not 1/2.
    KaplanMeier km = fitMarked(new double[] {1, -1, 2});
    KaplanMeier.Step first = km.curve().get(0);
    assertEquals(3, first.atRisk());
    assertEquals(1, first.events());
    assertEquals(1, first.censored());
    assertEquals(2.0 / 3, first.survival(), 1e-12);
    assertEquals(0.0, km.survivalAt(2));
  }

  @Test
  void curveThatNeverReachesOneHalfHasNoMedian() {
    KaplanMeier.Median median = fitMarked(new double[] {1, -5, -5, -5}).median();
    assertFalse(median.reached());
    assertTrue(Double.isNaN(median.ciHigh()));
  }

  @Test
  void emptyInputHasNoCurveAndNoMedian() {
    KaplanMeier km = KaplanMeier.fit(new double[0], new boolean[0]);
    assertTrue(km.curve().isEmpty());
    assertFalse(km.median().reached());
  }

  @Test
  void preconditionsNameTheOffendingValues() {
    IllegalArgumentException lengths =
        assertThrows(
            IllegalArgumentException.class,
            () -> KaplanMeier.fit(new double[] {1, 2}, new boolean[] {true}));
    assertTrue(lengths.getMessage().contains("2 values but events has 1"), lengths.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> KaplanMeier.fit(new double[] {1, -3}, new boolean[] {true, true}));
    assertTrue(negative.getMessage().contains("duration 1 is -3.0"), negative.getMessage());
  }
}
