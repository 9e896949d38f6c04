package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Guards the bootstrap's cost: 5000 units x 24 periods x 20 cohorts with 999 replicates. */
class StaggeredDidScaleTest {

    @Test
    void mediumPanelWithFullBootstrapRunsInSeconds() {
        SyntheticPanels.Spec spec = SyntheticPanels.Spec.of(5000, 24, 20, -0.2, 31).withMissingShare(0.05);
        Panel panel = SyntheticPanels.selectedOnLevels(spec);
        long start = System.nanoTime();
        DidResult result = StaggeredDid.estimate(panel, DidOptions.defaults());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("StaggeredDid on 5000 units x 24 periods x %d cells, 999 replicates: %.2f s%n",
                result.groupTime().size(), seconds);
        assertEquals(20 * 23, result.groupTime().size());
        assertEquals(-0.2, result.simple().att(), 0.03);
        assertTrue(seconds < 30, "took " + seconds + " s");
    }
}
