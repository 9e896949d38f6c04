package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** Seeded bootstrap: reruns reproduce every number; another seed only moves SEs by noise. */
class StaggeredDidDeterminismTest {

  private static final Panel PANEL = MpdtaReference.panel();

  @Test
  void sameSeedGivesIdenticalResults() {
    DidResult first = StaggeredDid.estimate(PANEL, DidOptions.defaults());
    DidResult second = StaggeredDid.estimate(PANEL, DidOptions.defaults());
    assertEquals(first, second);
  }

  @Test
  void differentSeedGivesDifferentButCloseStandardErrors() {
    double[] first = standardErrors(StaggeredDid.estimate(PANEL, DidOptions.defaults()));
    double[] second =
        standardErrors(StaggeredDid.estimate(PANEL, DidOptions.defaults().withSeed(7)));
    assertNotEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(second));
    for (int i = 0; i < first.length; i++) {
      StaggeredDidMpdtaTest.assertRelativelyClose(first[i], second[i], 0.15, "se #" + i);
    }
  }

  private static double[] standardErrors(DidResult result) {
    return DoubleStream.concat(
            result.groupTime().stream().mapToDouble(GroupTimeEffect::se),
            result.aggregates().stream().mapToDouble(AggregateEffect::se))
        .toArray();
  }
}
