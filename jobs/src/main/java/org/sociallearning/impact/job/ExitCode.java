package org.sociallearning.impact.job;

import org.sociallearning.impact.config.ConfigException;
import org.sociallearning.impact.ingest.DataQualityException;
import org.sociallearning.impact.ingest.InputException;
import org.sociallearning.impact.publish.DatabaseSinkException;
import org.sociallearning.impact.publish.OutputException;

/** Exit codes of {@code bin/impact}, so schedulers can tell what to do about a failed night. */
public enum ExitCode {
  OK(0, "success"),
  INTERNAL(1, "internal error (a bug: rerun with IMPACT_DEBUG=1 and report the stack trace)"),
  CONFIG(2, "usage or configuration error (fix the command line or the config file)"),
  INPUT(3, "input error (an export is missing, lacks columns or cannot be read)"),
  DATA_QUALITY(4, "data-quality threshold passed (a source has too many bad rows)"),
  OUTPUT(
      5,
      "output error (another run holds the lock, the folder is not writable or not ours,"
          + " or the disk is full)"),
  DATABASE(
      6,
      "database sink error (the files were published; the database keeps the previous"
          + " run's tables)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** The exit code for a failure, from the first classified exception in its cause chain. */
  public static ExitCode of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConfigException) {
        return CONFIG;
      }
      if (t instanceof DataQualityException) {
        return DATA_QUALITY;
      }
      if (t instanceof InputException
          || t instanceof org.sociallearning.impact.ingest.UnreadableExportException) {
        return INPUT;
      }
      if (t instanceof DatabaseSinkException) {
        return DATABASE;
      }
      if (t instanceof OutputException) {
        return OUTPUT;
      }
    }
    return INTERNAL;
  }
}
