package org.sociallearning.impact.ingest;

/**
 * An export file that cannot be read past some point (a broken quote in a CSV, a truncated JSON
 * array). The rest of the file is unknown, so the run stops instead of silently counting fewer
 * rows; the message names the file, the line and the fix.
 */
public class UnreadableExportException extends IllegalArgumentException {
  public UnreadableExportException(String file, long line, String problem) {
    super(
        file
            + " cannot be read from line "
            + line
            + " on ("
            + problem
            + "); the rest of the"
            + " file would be lost, so the run stops. Re-export the file or fix it at that line.");
  }
}
