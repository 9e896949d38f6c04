package org.sociallearning.impact.ingest;

/**
 * An export that cannot be used as configured (missing file or column, unreadable record
 * structure). The message names the source, the file and the fix; the run stops with the
 * input-error exit code.
 */
public class InputException extends IllegalArgumentException {
  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
