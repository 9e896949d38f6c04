package org.sociallearning.impact.adapters;

/**
 * One export format the job reads: its config {@code format:} name, the config section it is
 * allowed in, the canonical table it fills, the value of that table's {@code source} column (null
 * for tables without one), and the adapter that reads it.
 */
public record ExportFormat(
    String name, String role, String table, String source, SourceAdapter adapter) {}
