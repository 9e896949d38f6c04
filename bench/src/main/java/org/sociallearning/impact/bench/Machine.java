package org.sociallearning.impact.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line describing where the benchmark ran: cores, memory, Java, date. */
final class Machine {

  private Machine() {}

  static String describe() {
    return String.format(
        Locale.ROOT,
        "%d cores, %.0f GiB memory, Java %s, %s, %s",
        Runtime.getRuntime().availableProcessors(),
        memoryBytes() / (1024.0 * 1024 * 1024),
        System.getProperty("java.version"),
        System.getProperty("os.name"),
        java.time.LocalDate.now(java.time.ZoneOffset.UTC));
  }

  private static long memoryBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024L;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
