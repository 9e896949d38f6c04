package org.sociallearning.impact.publish;

/** The output folder cannot be written: locked by another run, foreign, or not writable. */
public class OutputException extends IllegalStateException {
  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
