package org.sociallearning.impact.estimation;
import org.junit.jupiter.api.Test;
class ScratchTimingTest {
  @Test void time() {
    for (double miss : new double[]{0.0, 0.05, 0.0, 0.05}) {
      Panel panel = SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(5000, 24, 20, -0.2, 31).withMissingShare(miss));
      long s0 = System.nanoTime();
      DidResult a = StaggeredDid.estimate(panel, DidOptions.defaults().withReplicates(0));
      long s1 = System.nanoTime();
      DidResult b = StaggeredDid.estimate(panel, DidOptions.defaults());
      long s2 = System.nanoTime();
      System.out.printf("SCR miss=%.2f analytic=%.2fs boot=%.2fs%n", miss, (s1-s0)/1e9, (s2-s1)/1e9);
    }
  }
}
