package org.sociallearning.impact.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputTest {

  @TempDir Path dir;

  private Path runOnce(Path output, String runId, String content, int keep) throws Exception {
    StagedOutput staged = new StagedOutput(output, runId, keep);
    Path staging = staged.begin();
    Files.writeString(staging.resolve("result.csv"), content);
    return staged.publish();
  }

  @Test
  void currentPointsAtTheNewestRunAndOldRunsArePruned() throws Exception {
    Path out = dir.resolve("out");
    for (int i = 1; i <= 4; i++) {
      Path run = runOnce(out, "2026120" + i + "T020000Z", "run " + i, 2);
      assertEquals(run, StagedOutput.currentRun(out).orElseThrow());
      assertEquals("run " + i, Files.readString(out.resolve("current/result.csv")));
    }
    assertEquals(
        List.of("20261203T020000Z", "20261204T020000Z"),
        StagedOutput.publishedRuns(out).stream().map(p -> p.getFileName().toString()).toList());
    assertTrue(Files.isSymbolicLink(out.resolve("current")));
    assertEquals(
        Path.of("runs/20261204T020000Z"),
        Files.readSymbolicLink(out.resolve("current")),
        "a relative link, so the folder can be moved or mounted elsewhere");
  }

  @Test
  void twoRunsInTheSameSecondGetDistinctFolders() throws Exception {
    Path out = dir.resolve("out");
    Path first = runOnce(out, "20261201T020000Z", "a", 3);
    Path second = runOnce(out, "20261201T020000Z", "b", 3);
    assertFalse(first.equals(second));
    assertEquals("a", Files.readString(first.resolve("result.csv")));
    assertEquals("b", Files.readString(out.resolve("current/result.csv")));
  }

  @Test
  void abandonedRunLeavesThePublishedOneAndTheNextRunClearsLeftovers() throws Exception {
    Path out = dir.resolve("out");
    runOnce(out, "20261201T020000Z", "good", 3);
    StagedOutput failing = new StagedOutput(out, "20261202T020000Z", 3);
    Files.writeString(failing.begin().resolve("result.csv"), "half");
    failing.abandon();
    assertEquals("good", Files.readString(out.resolve("current/result.csv")));
    // What a killed run leaves: a staging folder, a half-made link, a half-deleted old run.
    Files.createDirectories(out.resolve("runs/.staging-20261203T020000Z/x"));
    Files.createSymbolicLink(
        out.resolve(".current-20261203T020000Z"), Path.of("runs/.staging-20261203T020000Z"));
    Files.createDirectories(out.resolve("runs/.deleting-20261101T020000Z"));
    runOnce(out, "20261204T020000Z", "next", 3);
    assertEquals("next", Files.readString(out.resolve("current/result.csv")));
    try (var entries = Files.list(out.resolve("runs"))) {
      assertEquals(
          List.of("20261201T020000Z", "20261204T020000Z"),
          entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertFalse(
        Files.exists(
            out.resolve(".current-20261203T020000Z"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aFolderThisJobDidNotWriteIsNeverTouched() throws Exception {
    Path foreign = dir.resolve("reports");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("budget.xlsx"), "precious");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new StagedOutput(foreign, "20261201T020000Z", 3).begin());
    assertTrue(e.getMessage().contains("not written by this job"), e.getMessage());
    assertEquals(List.of(foreign.resolve("budget.xlsx")), Files.list(foreign).toList());
  }

  @Test
  void aSecondRunWaitsForTheLock() throws Exception {
    Path out = dir.resolve("out");
    StagedOutput first = new StagedOutput(out, "20261201T020000Z", 3);
    first.begin();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new StagedOutput(out, "20261201T020001Z", 3).begin());
    assertTrue(e.getMessage().contains("another run is writing"), e.getMessage());
    first.abandon();
    runOnce(out, "20261201T020002Z", "after", 3);
    assertEquals("after", Files.readString(out.resolve("current/result.csv")));
  }
}
