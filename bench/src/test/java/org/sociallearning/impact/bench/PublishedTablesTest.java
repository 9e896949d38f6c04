package org.sociallearning.impact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedTablesTest {

  @TempDir Path tmp;

  @Test
  void identicalTablesPassAndAnyDifferingTableIsNamed() throws Exception {
    Path a = run("a", "1,2\n", "x\n", "run-a\n");
    Path b = run("b", "1,2\n", "x\n", "run-b\n");
    Path c = run("c", "1,3\n", "x\n", "run-c\n");
    JsonNode same = PublishedTables.compare(List.of(figures(a), figures(b)));
    assertTrue(same.get("identical").asBoolean(), same.toString());
    assertEquals(
        2, same.get("tables").asInt(), "run_history.csv and estimate_history.csv are not compared");
    JsonNode differ = PublishedTables.compare(List.of(figures(a), figures(b), figures(c)));
    assertFalse(differ.get("identical").asBoolean());
    assertEquals("run 3: impact_estimates.csv", differ.get("differing").get(0).asText());
  }

  private Path run(String name, String estimates, String dim, String history) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("impact_estimates.csv"), estimates);
    Files.writeString(dir.resolve("dim_employee.csv"), dim);
    Files.writeString(dir.resolve("run_history.csv"), history);
    Files.writeString(dir.resolve("estimate_history.csv"), history + "1,2\n");
    return dir;
  }

  private static JsonNode figures(Path run) {
    ObjectNode n = Measure.JSON.createObjectNode();
    n.put("run", run.toString());
    return n;
  }
}
