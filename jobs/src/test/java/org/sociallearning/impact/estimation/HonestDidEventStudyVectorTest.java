package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What the estimator hands the sensitivity analysis: the event study around the universal base
 * month, cut to its window, with the standard errors published beside the points on the diagonal of
 * its covariance and the {@code group} headline's weights as the target.
 */
class HonestDidEventStudyVectorTest {

  private static final DidOptions UNIVERSAL =
      DidOptions.defaults().withReplicates(199).withBasePeriod(BasePeriod.UNIVERSAL);

  @Test
  void pointsAroundTheBaseMonthWithTheirPublishedErrorsAndTheHeadlinesWeights() {
    Panel panel = SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(600, 24, 12, 0.5, 9L));
    DidResult result = StaggeredDid.estimate(panel, UNIVERSAL);
    EventStudyVector es = result.eventStudyVector();
    assertTrue(es.isAvailable());
    assertEquals(EventStudyCovariance.MAX_PRE, es.preCount());
    assertEquals(EventStudyCovariance.MAX_POST, es.postCount());
    int[] expectedTimes = {-7, -6, -5, -4, -3, -2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    assertEquals(Arrays.toString(expectedTimes), Arrays.toString(es.eventTimes()));
    for (int j = 0; j < es.eventTimes().length; j++) {
      AggregateEffect point =
          result.find(AggregateEffect.DYNAMIC, String.valueOf(es.eventTimes()[j]));
      assertEquals(point.att(), es.estimates()[j], 1e-12);
      assertEquals(point.se() * point.se(), es.covariance()[j][j], 1e-12);
    }
    assertEquals(1.0, Arrays.stream(es.target()).sum(), 1e-12);
    // The earliest post-joining months weigh most: every cohort is seen there.
    assertTrue(es.target()[0] > es.target()[11]);
    // A constant effect: the event-study version of the headline is the headline.
    assertEquals(result.overall(AggregateEffect.GROUP).att(), es.targetEstimate(), 0.03);
    assertEquals(0.5, es.targetEstimate(), 0.05);
  }

  @Test
  void anticipationMovesTheReferenceMonthAndAVaryingBaseGivesNone() {
    Panel panel = SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(600, 12, 6, 0.5, 4L));
    EventStudyVector anticipated =
        StaggeredDid.estimate(panel, UNIVERSAL.withAnticipation(1)).eventStudyVector();
    assertTrue(anticipated.isAvailable());
    assertTrue(Arrays.stream(anticipated.eventTimes()).noneMatch(e -> e == -2));
    assertEquals(-1, anticipated.eventTimes()[anticipated.preCount()]);
    assertEquals(0.0, anticipated.target()[0], "the anticipation month is not in the headline");

    DidResult varying = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(199));
    assertSame(EventStudyVector.NONE, varying.eventStudyVector());
    assertFalse(EventStudyVector.NONE.isAvailable());
  }

  @Test
  void analyticErrorsGiveTheInfluenceFunctionCovariance() {
    Panel panel = SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(600, 12, 6, 0.5, 4L));
    DidResult result = StaggeredDid.estimate(panel, UNIVERSAL.withReplicates(0));
    EventStudyVector es = result.eventStudyVector();
    assertTrue(es.isAvailable());
    for (int j = 0; j < es.eventTimes().length; j++) {
      AggregateEffect point =
          result.find(AggregateEffect.DYNAMIC, String.valueOf(es.eventTimes()[j]));
      assertEquals(point.se() * point.se(), es.covariance()[j][j], 1e-9 * es.covariance()[j][j]);
      for (int k = 0; k < j; k++) {
        assertEquals(es.covariance()[j][k], es.covariance()[k][j]);
      }
    }
  }
}
