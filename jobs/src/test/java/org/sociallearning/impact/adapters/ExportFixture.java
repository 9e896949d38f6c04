package org.sociallearning.impact.adapters;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.sociallearning.impact.Fixtures;

/**
 * A small valid export of one format, in the byte shapes the adapter tests use, with the config
 * that reads it and the date-time shapes its files hold (for date and time-zone mutations).
 *
 * @param sources the YAML under {@code sources:} that reads the files
 * @param times the format's date-times as they appear in its files
 * @param oddTimes impossible or extreme values in that shape (year 0, year 99999, 30 February)
 * @param gapTimes local times in the configured zone's spring-forward gap (or, for formats whose
 *     times carry an offset, the same wall time without one)
 */
record ExportFixture(
    String format,
    String role,
    String sources,
    List<File> files,
    Pattern times,
    List<String> oddTimes,
    List<String> gapTimes) {

  /** One file of the export; every file of a fixture may be the one that arrives broken. */
  record File(String path, boolean bom, String eol, List<String> lines) {
    ExportMutation.Layout layout() {
      return path.endsWith(".csv")
          ? ExportMutation.Layout.CSV
          : path.endsWith(".jsonl")
              ? ExportMutation.Layout.JSON_LINES
              : path.endsWith(".xml") ? ExportMutation.Layout.XML : ExportMutation.Layout.JSON;
    }
  }

  static File file(String path, boolean bom, String eol, String... lines) {
    return new File(path, bom, eol, List.of(lines));
  }

  /** Writes every file under {@code dir}. */
  void writeTo(Path dir) {
    for (File f : files) {
      Fixtures.write(dir.resolve(f.path()), f.bom(), f.eol(), f.lines().toArray(String[]::new));
    }
  }

  @Override
  public String toString() {
    return format;
  }
}
