package org.sociallearning.impact.estimation;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Output of {@link StaggeredDid#estimate}: every group-time effect, the four R {@code aggte}
 * summaries, how many units informed the post-treatment effects, the checks of the identifying
 * assumption, and data warnings. Handed to the publish step.
 *
 * @param treatedUnits units of a cohort that enter at least one post-treatment cell (t &gt;= g)
 * @param controlUnits comparison units that enter at least one post-treatment cell
 * @param warnings     human-readable notes (dropped units, empty cells, failed checks); never null
 * @param preTrend     joint Wald test that all placebo (pre-treatment) effects are zero;
 *                     {@link PreTrendTest#NONE} when there are none
 * @param dipWarning   the Ashenfelter's-dip warning (also in {@code warnings}), if it fired
 */
public record DidResult(List<GroupTimeEffect> groupTime, List<AggregateEffect> aggregates,
                        int treatedUnits, int controlUnits, List<String> warnings,
                        PreTrendTest preTrend, Optional<String> dipWarning) {

    /**
     * Joint pre-trend test (see {@code PreTrendWald}): Wald statistic, its degrees of freedom
     * (placebo effects tested), the chi-square p-value and which placebo effects were tested. A
     * small p-value means outcomes already diverged before joining, so parallel trends, and with it
     * the effects, are in doubt.
     */
    public record PreTrendTest(double statistic, int degreesOfFreedom, double pValue, Kind kind) {

        /** What the test's placebo effects are. */
        public enum Kind {
            /** Pre-treatment ATT(g,t), cohort by cohort (R's pre-test). */
            GROUP_TIME("group_time"),
            /**
             * Pre-treatment event-time effects (the dynamic aggregation at e &lt; 0, averaged over
             * cohorts): the fallback when cohorts are too small for the group-time test.
             */
            EVENT_TIME("event_time"),
            /** No test. */
            NONE("");

            private final String label;

            Kind(String label) {
                this.label = label;
            }

            /** {@code group_time}, {@code event_time} or empty, as published. */
            public String label() {
                return label;
            }
        }

        /** No placebo effect could be tested. */
        public static final PreTrendTest NONE = new PreTrendTest(Double.NaN, 0, Double.NaN, Kind.NONE);

        public PreTrendTest {
            Objects.requireNonNull(kind, "kind");
        }

        public boolean isAvailable() {
            return degreesOfFreedom > 0;
        }
    }

    public DidResult {
        groupTime = List.copyOf(groupTime);
        aggregates = List.copyOf(aggregates);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(preTrend, "preTrend");
        Objects.requireNonNull(dipWarning, "dipWarning");
    }

    /** Without checks, as before they existed. */
    public DidResult(List<GroupTimeEffect> groupTime, List<AggregateEffect> aggregates,
                     int treatedUnits, int controlUnits, List<String> warnings) {
        this(groupTime, aggregates, treatedUnits, controlUnits, warnings, PreTrendTest.NONE, Optional.empty());
    }

    /** The single simple-weighted average of all post-treatment effects. */
    public AggregateEffect simple() {
        return find(AggregateEffect.SIMPLE, AggregateEffect.OVERALL);
    }

    /** All effects of one aggregation, in key order with {@code overall} last. */
    public List<AggregateEffect> byAggregation(String aggregation) {
        return aggregates.stream().filter(a -> a.aggregation().equals(aggregation)).toList();
    }

    /** The {@code overall} effect of one aggregation. */
    public AggregateEffect overall(String aggregation) {
        return find(aggregation, AggregateEffect.OVERALL);
    }

    public AggregateEffect find(String aggregation, String key) {
        return aggregates.stream()
                .filter(a -> a.aggregation().equals(aggregation) && a.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + aggregation + " effect for key " + key));
    }

    public GroupTimeEffect cell(int group, int time) {
        return groupTime.stream()
                .filter(c -> c.group() == group && c.time() == time)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no ATT(" + group + "," + time + ")"));
    }
}
