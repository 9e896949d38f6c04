package org.sociallearning.impact.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test that RELIABILITY.md, the README or BENCHMARKS.md names as the proof of a promise
 * ({@code `SomeTest.someMethod`}) exists: a renamed test would otherwise leave a promise citing a
 * proof nobody runs.
 */
class CitedTestsExistTest {

  private static final Pattern CITED =
      Pattern.compile("`([A-Z][A-Za-z0-9]*Test)\\.([a-z][A-Za-z0-9]*)`");

  @Test
  void everyCitedTestMethodExists() throws IOException {
    Path project = Path.of(System.getProperty("impact.project.dir", ".."));
    Map<String, Path> testClasses = new java.util.HashMap<>();
    try (Stream<Path> modules = Files.list(project)) {
      for (Path tests :
          modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(tests)) {
          files
              .filter(p -> p.toString().endsWith("Test.java"))
              .forEach(p -> testClasses.put(p.getFileName().toString().replace(".java", ""), p));
        }
      }
    }
    List<String> missing = new ArrayList<>();
    int cited = 0;
    for (String doc : List.of("RELIABILITY.md", "README.md", "BENCHMARKS.md")) {
      Matcher m = CITED.matcher(Files.readString(project.resolve(doc)));
      while (m.find()) {
        cited++;
        Path source = testClasses.get(m.group(1));
        if (source == null
            || !Pattern.compile("void " + m.group(2) + "\\(")
                .matcher(Files.readString(source))
                .find()) {
          missing.add(doc + ": " + m.group(1) + "." + m.group(2));
        }
      }
    }
    assertTrue(cited > 20, "found the cited tests: " + cited);
    assertEquals(List.of(), missing, "cited tests that do not exist");
  }
}
