package org.sociallearning.impact.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The job's packages form layers a newcomer can read from the bottom up: a package may use its own
 * layer and the layers below, never one above, and no two packages use each other. A new package
 * fails here until it is given its layer.
 */
class PackageLayersTest {

  /** Bottom first: libraries of the job, then the pipeline's steps, then what runs them. */
  static final List<Set<String>> LAYERS =
      List.of(
          Set.of("estimation", "ingest"), // the estimator and reading files: no job concepts
          Set.of("config"), // the typed, validated configuration
          Set.of("adapters", "quality", "privacy"), // exports into canonical tables; keys
          Set.of("identity"), // people resolved against the roster
          Set.of("participation", "outcomes", "knowledge"), // who took part; what happened
          Set.of("bi", "effects"), // dashboards; effects per metric and segment
          Set.of("value"), // effects into hours and money
          Set.of("publish"), // tables, manifest, logs, sinks
          Set.of("pipeline"), // the stages of a run
          Set.of("job"), // the nightly job, running the stages
          Set.of("cli")); // commands

  static final Path MAIN = Path.of("src/main/java/org/sociallearning/impact");
  private static final Pattern IMPORT =
      Pattern.compile("org\\.sociallearning\\.impact\\.([a-z]+)\\.[A-Z]");

  /** Modules the jobs module builds on, not packages of its own. */
  private static final Set<String> OTHER_MODULES = Set.of("schemas", "report", "sample");

  static Map<String, Set<String>> uses() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = MAIN.relativize(file).getName(0).toString();
        Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(pkg) && !OTHER_MODULES.contains(m.group(1))) {
            used.add(m.group(1));
          }
        }
      }
    }
    return uses;
  }

  static int layer(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void everyPackageHasALayerAndUsesNothingAboveIt() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : uses().entrySet()) {
      if (layer(e.getKey()) < 0) {
        problems.add(e.getKey() + " has no layer: add it to LAYERS");
        continue;
      }
      for (String used : e.getValue()) {
        if (layer(used) > layer(e.getKey())) {
          problems.add(e.getKey() + " uses " + used + ", a layer above it");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void noTwoPackagesUseEachOther() throws IOException {
    Map<String, Set<String>> uses = uses();
    List<String> cycles = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : uses.entrySet()) {
      for (String used : e.getValue()) {
        if (uses.getOrDefault(used, Set.of()).contains(e.getKey())
            && e.getKey().compareTo(used) < 0) {
          cycles.add(e.getKey() + " <-> " + used);
        }
      }
    }
    assertEquals(List.of(), cycles);
    assertTrue(
        uses.size() >= LAYERS.stream().mapToInt(Set::size).sum(),
        "every layered package exists: " + uses.keySet());
  }
}
