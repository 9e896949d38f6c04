package org.sociallearning.impact.report;

/** Rows one source lost to one validation rule, from {@code quarantine/quarantine.csv}. */
public record QuarantineReason(String source, String reason, long rows) {}
