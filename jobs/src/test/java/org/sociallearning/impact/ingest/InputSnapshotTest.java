package org.sociallearning.impact.ingest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export replaced, grown, cut or removed while a run reads it stops the publish. */
class InputSnapshotTest {

  @TempDir Path dir;

  @Test
  void unchangedFilesPass() throws Exception {
    Path a = Files.writeString(dir.resolve("a.csv"), "x\n1\n");
    InputSnapshot.of(List.of(a)).requireUnchanged();
  }

  @Test
  void aFileRewrittenWithTheSameSizeIsStillNoticedByItsTime() throws Exception {
    Path a = Files.writeString(dir.resolve("a.csv"), "x\n1\n");
    Files.setLastModifiedTime(a, FileTime.fromMillis(1_700_000_000_000L));
    InputSnapshot snapshot = InputSnapshot.of(List.of(a));
    Files.writeString(a, "x\n2\n");
    InputException e = assertThrows(InputException.class, snapshot::requireUnchanged);
    assertTrue(
        e.getMessage().contains("a.csv") && e.getMessage().contains("nothing was published"),
        e.getMessage());
  }

  @Test
  void grownCutAndRemovedFilesAreNamed() throws Exception {
    Path grown = Files.writeString(dir.resolve("grown.jsonl"), "{}\n");
    Path gone = Files.writeString(dir.resolve("gone.csv"), "x\n");
    Path kept = Files.writeString(dir.resolve("kept.csv"), "x\n");
    InputSnapshot snapshot = InputSnapshot.of(List.of(grown, gone, kept));
    Files.writeString(grown, "{}\n{}\n", java.nio.file.StandardOpenOption.APPEND);
    Files.delete(gone);
    InputException e = assertThrows(InputException.class, snapshot::requireUnchanged);
    assertTrue(e.getMessage().startsWith("2 input file(s) changed"), e.getMessage());
    assertTrue(
        e.getMessage().contains("grown.jsonl")
            && e.getMessage().contains("gone.csv")
            && !e.getMessage().contains("kept.csv"),
        e.getMessage());
  }
}
