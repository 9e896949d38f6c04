package org.sociallearning.impact.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * BI tools and dashboards read the published tables by name and type. Any change to a published
 * table's columns (renamed, retyped, removed, reordered, added) must be deliberate: it fails here
 * until {@code published-schemas.txt} is updated in the same change, so reviewers see it.
 */
class PublishedSchemasPinnedTest {

  static final Path PIN = Path.of("published-schemas.txt");

  static List<String> currentSchemas() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("contracts"))) {
      for (Path f :
          files
              .filter(p -> p.toString().endsWith(".yaml"))
              .filter(p -> !p.getFileName().toString().equals("metrics.yaml"))
              .sorted()
              .toList()) {
        String name = f.getFileName().toString().replace(".yaml", "");
        TableContract contract = TableContract.load(name);
        if (!"published".equals(contract.layer())) {
          continue;
        }
        for (ColumnContract c : contract.columns()) {
          lines.add(name + "." + c.name() + " " + c.type());
        }
      }
    }
    return lines;
  }

  @Test
  void publishedTableSchemasMatchThePin() throws IOException {
    List<String> current = currentSchemas();
    if (Boolean.getBoolean("impact.updatePin")) {
      Files.write(PIN, current, StandardCharsets.UTF_8);
    }
    assertEquals(
        String.join("\n", Files.readAllLines(PIN, StandardCharsets.UTF_8)),
        String.join("\n", current),
        "a published table's schema changed; if that is intended, rerun with"
            + " -Dimpact.updatePin=true and commit schemas/published-schemas.txt");
  }
}
