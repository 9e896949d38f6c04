package org.sociallearning.impact.report;

/**
 * Ingestion counts for one input source, shown in the report's "Data quality" table by the publish
 * step (results -> report).
 *
 * @param source reader-facing source name
 * @param format file or feed format, e.g. "csv"
 * @param rowsRead rows seen in the input
 * @param accepted rows that passed validation and were used
 * @param quarantined rows set aside as invalid
 * @param deduplicated rows dropped as duplicates
 * @param unmatchedIdentities people in the source not found in the HR roster
 * @param skipped rows set aside on purpose, with a reason (deleted in the source system)
 */
public record SourceSummary(
    String source,
    String format,
    long rowsRead,
    long accepted,
    long quarantined,
    long deduplicated,
    long unmatchedIdentities,
    long skipped) {

  public SourceSummary(
      String source,
      String format,
      long rowsRead,
      long accepted,
      long quarantined,
      long deduplicated,
      long unmatchedIdentities) {
    this(source, format, rowsRead, accepted, quarantined, deduplicated, unmatchedIdentities, 0);
  }

  public SourceSummary(
      String source,
      String format,
      long rowsRead,
      long accepted,
      long quarantined,
      long deduplicated) {
    this(source, format, rowsRead, accepted, quarantined, deduplicated, 0);
  }
}
