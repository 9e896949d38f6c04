package org.sociallearning.impact.estimation;

/**
 * One summary of the group-time effects, as R's {@code aggte}.
 *
 * @param aggregation {@code simple}, {@code group}, {@code dynamic} or {@code calendar}
 * @param key         cohort (group), event time (dynamic), period (calendar) or {@code overall}
 */
public record AggregateEffect(String aggregation, String key, double att, double se, double ciLow, double ciHigh) {

    public static final String SIMPLE = "simple";
    public static final String GROUP = "group";
    public static final String DYNAMIC = "dynamic";
    public static final String CALENDAR = "calendar";
    public static final String OVERALL = "overall";

    public boolean isOverall() {
        return OVERALL.equals(key);
    }
}
