package org.sociallearning.impact.job;

import java.util.Map;

/**
 * What validating one configured source found: its counts and the most common reasons rows
 * were quarantined (reasons only; values stay in the quarantine file of a real run).
 */
public record SourceCheck(String key, String format, int files, long read, long accepted,
    long quarantined, long deduplicated, long unmatchedIdentities,
    Map<String, Long> quarantineReasons) {}
