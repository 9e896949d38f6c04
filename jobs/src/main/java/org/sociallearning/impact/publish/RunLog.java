package org.sociallearning.impact.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The structured log of one run, {@code <output>/logs/<run id>.jsonl}: one JSON object per stage
 * (name, rows in and out, seconds) as it finishes, and a last {@code run} object with the outcome.
 * Each line is flushed when written, so a killed run's log shows how far it got and lacks the last
 * line. The logs of all runs make the {@code run_history} table.
 */
public final class RunLog implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String FOLDER = "logs";

  private final String runId;
  private final BufferedWriter out;

  private RunLog(String runId, BufferedWriter out) {
    this.runId = runId;
    this.out = out;
  }

  /** Opens the log of run {@code runId} under {@code output}. */
  public static RunLog open(Path output, String runId) {
    try {
      Path dir = Files.createDirectories(output.resolve(FOLDER));
      return new RunLog(
          runId,
          Files.newBufferedWriter(
              dir.resolve(runId + ".jsonl"),
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND));
    } catch (IOException | RuntimeException e) {
      throw new OutputException(
          "cannot write the run log under "
              + output.resolve(FOLDER)
              + " ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "); check that the output folder is writable",
          e);
    }
  }

  /** A log that goes nowhere (for runs that publish nothing, such as validation). */
  public static RunLog none() {
    return new RunLog(null, null);
  }

  void stage(StageLog.Stage stage) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", "stage");
    line.put("stage", stage.name());
    line.put("rows_in", stage.rowsIn());
    line.put("rows_out", stage.rowsOut());
    line.put("seconds", Math.round(stage.seconds() * 1000) / 1000.0);
    write(line);
  }

  /**
   * The last line: {@code status} is {@code succeeded} or {@code failed}; {@code errorKind} is the
   * exit code's name for failures (config, input, ...), null otherwise.
   */
  public void finish(RunSummary summary) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", "run");
    line.putAll(summary.asMap());
    write(line);
  }

  private void write(Map<String, Object> fields) {
    if (out == null) {
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("at", Instant.now().toString());
    line.put("run_id", runId);
    line.putAll(fields);
    try {
      out.write(JSON.writeValueAsString(line));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run log: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } catch (IOException ignored) {
      // Every line was flushed when written.
    }
  }

  /** What one run's log says of it: its {@code run} line, or {@code killed} when it has none. */
  public record RunSummary(
      String runId,
      String status,
      String errorKind,
      String startedAt,
      String finishedAt,
      String asOf,
      String configSha256,
      long rowsRead,
      long rowsQuarantined,
      String publishedRun) {

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", status);
      m.put("error_kind", errorKind);
      m.put("started_at", startedAt);
      m.put("finished_at", finishedAt);
      m.put("as_of", asOf);
      m.put("config_sha256", configSha256);
      m.put("rows_read", rowsRead);
      m.put("rows_quarantined", rowsQuarantined);
      m.put("published_run", publishedRun);
      return m;
    }
  }

  /** Every run logged under {@code output}, oldest first (run ids sort by time). */
  public static List<RunSummary> history(Path output) {
    Path dir = output.resolve(FOLDER);
    List<RunSummary> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> logs = Files.list(dir)) {
      for (Path log :
          logs.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
        out.add(summaryOf(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run logs in " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static RunSummary summaryOf(Path log) throws IOException {
    String name = log.getFileName().toString();
    String runId = name.substring(0, name.length() - ".jsonl".length());
    String first = null;
    String last = null;
    JsonNode run = null;
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException torn) {
        continue; // a line torn by a kill
      }
      if (node == null || !node.has("at")) {
        continue;
      }
      first = first == null ? node.get("at").asText() : first;
      last = node.get("at").asText();
      if ("run".equals(node.path("event").asText())) {
        run = node;
      }
    }
    if (run == null) {
      return new RunSummary(runId, "killed", null, first, last, null, null, -1, -1, null);
    }
    return new RunSummary(
        runId,
        run.path("status").asText(),
        text(run, "error_kind"),
        text(run, "started_at"),
        text(run, "finished_at"),
        text(run, "as_of"),
        text(run, "config_sha256"),
        run.path("rows_read").asLong(-1),
        run.path("rows_quarantined").asLong(-1),
        text(run, "published_run"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
