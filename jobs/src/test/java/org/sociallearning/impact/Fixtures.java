package org.sociallearning.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.Sources;

/** Writes fixture files in the exact byte shapes exporters produce, and configs that read them. */
public final class Fixtures {

  private Fixtures() {}

  /** Writes lines joined by {@code eol}, optionally behind a UTF-8 byte-order mark. */
  public static Path write(Path file, boolean bom, String eol, String... lines) {
    try {
      Files.createDirectories(file.getParent());
      String text = String.join(eol, lines) + eol;
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      byte[] out = body;
      if (bom) {
        out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
      }
      Files.write(file, out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal roster so a config validates; tests of other adapters ignore it. */
  public static final String ROSTER_SOURCE =
      """
        roster:
          format: hr-csv
          path: roster.csv
          columns: {employee_id: Employee ID, email: Work Email}
      """;

  /**
   * Writes {@code pipeline.yaml} with the given sources block (YAML under "sources:") and loads it.
   */
  public static PipelineConfig config(Path dir, String sourcesBlock) {
    if (!Files.exists(dir.resolve("roster.csv"))) {
      write(dir.resolve("roster.csv"), false, "\n", "Employee ID,Work Email", "E1,a@example.com");
    }
    // Inputs may come from this folder and from the shared reference data beside the project.
    String yaml =
        "as_of: 2026-11-01\noutput: out\ninput_roots: [\".\", \""
            + TestSpark.sharedDir()
            + "\"]\nsources:\n"
            + sourcesBlock
            + "participation:\n  communities: [\"ask-*\", \"cop-*\"]\n  min_interactions: 3\n";
    write(dir.resolve("pipeline.yaml"), false, "\n", yaml);
    return ConfigLoader.load(dir.resolve("pipeline.yaml"));
  }

  public static Sources.ConfiguredSource source(PipelineConfig config, String role) {
    return config.sources().all().stream()
        .filter(s -> s.role().equals(role))
        .findFirst()
        .orElseThrow();
  }

  /** Rows keyed by one string column, each as a column-name map, for readable assertions. */
  public static Map<String, Map<String, Object>> byKey(List<Row> rows, String key) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Row r : rows) {
      Map<String, Object> values = new TreeMap<>();
      for (String f : r.schema().fieldNames()) {
        values.put(f, r.getAs(f));
      }
      out.put(r.getAs(key), values);
    }
    return out;
  }

  public static List<String> strings(List<Row> rows, String column) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(String.valueOf((Object) r.getAs(column))));
    return out;
  }
}
