package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Flags Ashenfelter's dip after estimation: people often join right after an unusual period (a
 * bad month sends them looking for help). That period is the base of every post-treatment
 * effect, so its dip comes back as a spurious effect (mean reversion), while a test of trends
 * over all pre-periods can miss a single outlying one.
 *
 * <p>Rule, deliberately simple: the event-study effect of the period that post-treatment effects
 * are measured from (event time {@code -1 - anticipation}, so {@code -1} without anticipation)
 * differs from zero at the 5% level (two-sided), while the earlier event times do not: none of
 * them is significant at 5% after a Benjamini-Hochberg adjustment across them (without it, one
 * of ten quiet pre-periods would look significant by chance every other time). Significant
 * earlier periods point to diverging trends instead, which the pre-trend test reports.
 */
final class AshenfelterDip {

    private AshenfelterDip() {
    }

    /** A warning for the report, or empty when the rule does not fire. */
    static Optional<String> check(List<AggregateEffect> dynamic, int anticipation) {
        int baseEventTime = -1 - anticipation;
        AggregateEffect dip = null;
        List<Double> earlier = new ArrayList<>();
        for (AggregateEffect effect : dynamic) {
            if (effect.isOverall()) {
                continue;
            }
            int e = Integer.parseInt(effect.key());
            if (e == baseEventTime) {
                dip = effect;
            } else if (e < baseEventTime) {
                earlier.add(effect.pValue());
            }
        }
        if (dip == null || !(dip.pValue() < PreTrendWald.LEVEL)) {
            return Optional.empty();
        }
        double[] adjusted = BenjaminiHochberg.adjust(earlier.stream().mapToDouble(Double::doubleValue).toArray());
        for (double p : adjusted) {
            if (p < PreTrendWald.LEVEL) {
                return Optional.empty();
            }
        }
        String direction = dip.att() < 0 ? "fell" : "rose";
        return Optional.of(String.format(Locale.ROOT, "possible Ashenfelter's dip: just before joining the outcome"
                + " %s against the comparison group (event time %d: %.3g, %s) while earlier periods show"
                + " no difference; effects measured from that period may partly be a return to normal"
                + " (anticipation = %d would measure from the period before)",
                direction, baseEventTime, dip.att(), PreTrendWald.describe(dip.pValue()), anticipation + 1));
    }
}
