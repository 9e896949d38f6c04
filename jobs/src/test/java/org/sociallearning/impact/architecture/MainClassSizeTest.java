package org.sociallearning.impact.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of the product (every module's {@code src/main/java}) is longer than {@value #LIMIT}
 * lines: a class that grows past it holds more than one concept and is split before it lands.
 */
class MainClassSizeTest {

  static final int LIMIT = 300;

  @Test
  void noMainClassIsLongerThanTheLimit() throws IOException {
    Path project = Path.of(System.getProperty("impact.project.dir", ".."));
    List<String> tooLong = new ArrayList<>();
    int files = 0;
    try (Stream<Path> modules = Files.list(project)) {
      for (Path main :
          modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> sources = Files.walk(main)) {
          for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
            files++;
            long lines = Files.readAllLines(f).size();
            if (lines > LIMIT) {
              tooLong.add(project.relativize(f) + " (" + lines + " lines)");
            }
          }
        }
      }
    }
    assertTrue(files > 100, "found the product's sources: " + files + " files under " + project);
    assertEquals(List.of(), tooLong, "classes longer than " + LIMIT + " lines");
  }
}
