package org.sociallearning.impact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.TestSpark;

class ImpactCliTest {

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int execute(String... args) {
    return ImpactCli.execute(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void didReproducesTheReferencePanelThroughTheCli() throws Exception {
    Path mpdta = TestSpark.sharedDir().resolve("reference/mpdta.csv");
    int code =
        execute(
            "did",
            "--panel",
            mpdta.toString(),
            "--id",
            "countyreal",
            "--time",
            "year",
            "--group",
            "first.treat",
            "--outcome",
            "lemp",
            "--control",
            "never",
            "--out",
            dir.toString());
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    List<String> agg = Files.readAllLines(dir.resolve("aggregates.csv"));
    assertTrue(agg.get(0).startsWith("aggregation,key,att,se,ci_low,ci_high"), agg.get(0));
    double simple = Double.parseDouble(agg.get(1).split(",")[2]);
    assertEquals("simple,overall", agg.get(1).substring(0, 14));
    assertEquals(-0.0399513, simple, 1e-6);
    assertTrue(
        Files.readAllLines(dir.resolve("att_gt.csv"))
            .get(0)
            .startsWith("group,time,att,se,ci_low,ci_high"));
  }

  @Test
  void badConfigIsOneLineAndExitCodeTwo() throws Exception {
    Files.writeString(dir.resolve("pipeline.yaml"), "sources: {roster: {format: hr-csv}}\n");
    int code = execute("run", "--config", dir.resolve("pipeline.yaml").toString());
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code);
    assertEquals("error: sources.roster.path is required", message.strip());
  }

  @Test
  void unknownCommandAndMissingArgumentsPrintUsage() {
    assertEquals(2, execute("frobnicate"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: impact run --config FILE"));
    assertEquals(2, execute("run"));
    assertEquals(2, execute());
  }

  @Test
  void reportNeedsAnOutputFolder() {
    assertEquals(2, execute("report"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("report needs --output DIR"));
  }

  @Test
  void reportOnAFolderWithoutResultsNamesWhatIsMissing() {
    assertEquals(1, execute("report", "--output", dir.toString()));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        message.contains("is not a published output folder: manifest.json is missing"), message);
  }
}
