package org.sociallearning.impact.job;

import java.util.Map;

/**
 * What validating one configured source found: its counts, the most common reasons rows were
 * quarantined or skipped, and the warn rules with failing rows (reasons and rule names only; values
 * stay in the quarantine file of a real run).
 */
public record SourceCheck(
    String key,
    String format,
    int files,
    long read,
    long accepted,
    long quarantined,
    long deduplicated,
    long skipped,
    long unmatchedIdentities,
    Map<String, Long> quarantineReasons,
    Map<String, Long> skipReasons,
    Map<String, Long> warnings) {}
