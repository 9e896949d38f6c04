package org.sociallearning.impact.ingest;

/**
 * A source whose share of rows failing a data-quality rule passed the configured threshold: the run
 * stops rather than estimating effects on a broken export. The message names the source and the
 * rule.
 */
public class DataQualityException extends IllegalStateException {
  public DataQualityException(String message) {
    super(message);
  }
}
