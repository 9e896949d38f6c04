package org.sociallearning.impact.publish;

/**
 * The published tables could not be written to the database of {@code output.jdbc}. The files were
 * published all the same; the database keeps the previous run's tables.
 */
public class DatabaseSinkException extends IllegalStateException {
  public DatabaseSinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
