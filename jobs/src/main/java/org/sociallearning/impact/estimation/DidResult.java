package org.sociallearning.impact.estimation;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Output of {@link StaggeredDid#estimate}: every group-time effect, the four R {@code aggte}
 * summaries, how many units informed the post-treatment effects, and data warnings.
 *
 * @param treatedUnits units of a cohort that enter at least one post-treatment cell (t &gt;= g)
 * @param controlUnits comparison units that enter at least one post-treatment cell
 * @param warnings     human-readable notes (dropped units, empty cells); never null
 */
public record DidResult(List<GroupTimeEffect> groupTime, List<AggregateEffect> aggregates,
                        int treatedUnits, int controlUnits, List<String> warnings) {

    public DidResult {
        groupTime = List.copyOf(groupTime);
        aggregates = List.copyOf(aggregates);
        warnings = List.copyOf(warnings);
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
