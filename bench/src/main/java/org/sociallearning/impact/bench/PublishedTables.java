package org.sociallearning.impact.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sociallearning.impact.schemas.PublishedTableList;

/**
 * Compares the tables that repeated runs of the job published: every CSV byte for byte, except
 * those that name the runs ({@code run_history.csv}, {@code estimate_history.csv}), which grow by
 * one run each time.
 */
final class PublishedTables {

  private PublishedTables() {}

  static ObjectNode compare(Iterable<JsonNode> runs) {
    Map<String, byte[]> first = null;
    List<String> differing = new ArrayList<>();
    int count = 0;
    for (JsonNode run : runs) {
      Map<String, byte[]> tables = csvTables(Path.of(run.get("run").asText()));
      count++;
      if (first == null) {
        first = tables;
        continue;
      }
      if (!first.keySet().equals(tables.keySet())) {
        differing.add(
            "run "
                + count
                + " published tables "
                + tables.keySet()
                + " instead of "
                + first.keySet());
        continue;
      }
      for (String name : first.keySet()) {
        if (!java.util.Arrays.equals(first.get(name), tables.get(name))) {
          differing.add("run " + count + ": " + name);
        }
      }
    }
    ObjectNode n = Measure.JSON.createObjectNode();
    n.put("runs", count);
    n.put("tables", first == null ? 0 : first.size());
    n.put("identical", differing.isEmpty());
    n.set("differing", Measure.JSON.valueToTree(differing));
    return n;
  }

  static Map<String, byte[]> csvTables(Path run) {
    Map<String, byte[]> tables = new TreeMap<>();
    try (Stream<Path> files = Files.list(run)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".csv")).toList()) {
        String name = f.getFileName().toString();
        if (PublishedTableList.NAMING_THE_RUN.stream().noneMatch(t -> name.equals(t + ".csv"))) {
          tables.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tables;
  }
}
