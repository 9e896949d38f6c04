package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AshenfelterDipTest {

    private static final DidOptions OPTIONS = DidOptions.defaults().withReplicates(499);

    /** No true effect; joiners' outcome rises by 0.3 in the period right before they join (a bad month). */
    private static Panel badMonthBeforeJoining() {
        return SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(4000, 10, 4, 0.0, 51).withDip(0.3));
    }

    @Test
    void plantedDipIsFlaggedAndWouldFakeAnEffect() {
        DidResult result = StaggeredDid.estimate(badMonthBeforeJoining(), OPTIONS);
        assertTrue(result.dipWarning().isPresent(), result.warnings().toString());
        String warning = result.dipWarning().orElseThrow();
        assertTrue(warning.startsWith("possible Ashenfelter's dip: just before joining the outcome rose"), warning);
        assertTrue(warning.contains("event time -1"), warning);
        assertTrue(result.warnings().contains(warning), "the report shows the estimator's warnings");
        assertEquals(-0.3, result.simple().att(), 0.03, "the dip returns as a spurious effect");
    }

    @Test
    void anticipationOfOnePeriodMeasuresFromBeforeTheDip() {
        DidResult result = StaggeredDid.estimate(badMonthBeforeJoining(), OPTIONS.withAnticipation(1));
        assertEquals(Optional.empty(), result.dipWarning(), result.warnings().toString());
        assertEquals(0.0, result.simple().att(), 0.03);
        assertTrue(result.simple().ciLow() <= 0 && 0 <= result.simple().ciHigh(), result.simple().toString());
    }

    @Test
    void cleanPanelsRaiseNoDip() {
        DidResult synthetic = StaggeredDid.estimate(
                SyntheticPanels.selectedOnLevels(SyntheticPanels.Spec.of(4000, 10, 4, 0.0, 51)), OPTIONS);
        assertEquals(Optional.empty(), synthetic.dipWarning());
        DidResult mpdta = StaggeredDid.estimate(MpdtaReference.panel(), DidOptions.defaults());
        assertEquals(Optional.empty(), mpdta.dipWarning());
    }

    @Test
    void ruleLooksAtTheBasePeriodAgainstQuietEarlierPeriods() {
        AggregateEffect quiet3 = dynamic(-3, 0.01, 0.02);
        AggregateEffect quiet2 = dynamic(-2, -0.02, 0.02);
        AggregateEffect loud2 = dynamic(-2, 0.2, 0.02);
        AggregateEffect dip1 = dynamic(-1, -0.1, 0.02);
        AggregateEffect quiet1 = dynamic(-1, -0.01, 0.02);
        AggregateEffect post = dynamic(0, 0.3, 0.02);
        assertTrue(AshenfelterDip.check(List.of(quiet3, quiet2, dip1, post), 0).isPresent());
        assertTrue(AshenfelterDip.check(List.of(dip1, post), 0).isPresent(), "no earlier period to contradict it");
        assertFalse(AshenfelterDip.check(List.of(quiet3, quiet2, quiet1, post), 0).isPresent());
        assertFalse(AshenfelterDip.check(List.of(quiet3, loud2, dip1, post), 0).isPresent(), "a trend, not a dip");
        assertFalse(AshenfelterDip.check(List.of(post), 0).isPresent());
        // With one anticipation period the base is event time -2.
        assertTrue(AshenfelterDip.check(List.of(quiet3, loud2, quiet1, post), 1).isPresent());
        assertFalse(AshenfelterDip.check(List.of(quiet3, quiet2, dip1, post), 1).isPresent());
    }

    private static AggregateEffect dynamic(int e, double att, double se) {
        return new AggregateEffect(AggregateEffect.DYNAMIC, String.valueOf(e), att, se, att - 2 * se, att + 2 * se);
    }
}
