package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The R {@code did} package's example panel (500 US counties, teen employment 2003-2007), kept in
 * the shared reference folder, and the numbers R 'did' 2.x reports for it.
 */
final class MpdtaReference {

  static final double TOLERANCE = 1e-6;

  private MpdtaReference() {}

  /** {@code impact.shared.dir} (set by the jobs pom), else ../../shared or ../shared. */
  static Path file() {
    String configured = System.getProperty("impact.shared.dir");
    Path[] candidates =
        configured != null
            ? new Path[] {Path.of(configured)}
            : new Path[] {Path.of("../../shared"), Path.of("../shared")};
    for (Path dir : candidates) {
      Path file = dir.resolve("reference").resolve("mpdta.csv");
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    assertTrue(
        false,
        "mpdta.csv not found under "
            + String.join(", ", java.util.Arrays.stream(candidates).map(Path::toString).toList()));
    throw new AssertionError();
  }

  static Panel panel() {
    return PanelCsv.read(file(), "countyreal", "year", "first.treat", "lemp");
  }
}
