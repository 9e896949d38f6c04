package org.sociallearning.impact.pipeline;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.effects.SegmentPanels;

/**
 * The participation stage's result.
 *
 * @param interactions every social-learning interaction ({@code employee_id, occurred_at,
 *     community}) up to as_of
 * @param participants {@code employee_id, first_interaction_at, participated_at, cohort_month,
 *     profile_ends_at, intensity, community}: who met the participation rule, and when
 * @param triedIt {@code employee_id, interactions}: people below the rule
 * @param segments what is known about each person for effects by segment
 * @param rosterAttributes per configured covariate, each person's roster value (for {@code
 *     tenure_months}: the hire date, yyyy-MM-dd)
 * @param learningMix formal against social learning per month (a published table)
 */
public record Participation(
    Dataset<Row> interactions,
    Dataset<Row> participants,
    Dataset<Row> triedIt,
    SegmentPanels.PersonSegments segments,
    Map<String, Map<String, String>> rosterAttributes,
    Dataset<Row> learningMix) {}
