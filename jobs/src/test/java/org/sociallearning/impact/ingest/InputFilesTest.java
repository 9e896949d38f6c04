package org.sociallearning.impact.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily export drops: a configured path may be a file, a folder or a pattern. */
class InputFilesTest {

  @TempDir Path dir;

  private Path touch(String relative) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x");
    return p;
  }

  @Test
  void patternTakesEveryMatchingDropInOrder() throws Exception {
    Path b = touch("drops/2026-12-02/incident.csv");
    Path a = touch("drops/2026-12-01/incident.csv");
    touch("drops/2026-12-01/notes.txt");
    touch("archive/2026-11-30/incident.csv");
    assertEquals(List.of(a, b), InputFiles.list(dir.resolve("drops/2026-*/incident.csv"), "*.csv"));
  }

  @Test
  void matchedFoldersExpandWithTheFormatsOwnPattern() throws Exception {
    Path a = touch("drops/d1/part-1.csv");
    Path b = touch("drops/d2/part-1.csv");
    touch("drops/d2/readme.md");
    assertEquals(List.of(a, b), InputFiles.list(dir.resolve("drops/d*"), "*.csv"));
    assertEquals(dir.resolve("drops"), InputFiles.base(dir.resolve("drops/d*/x.csv")));
    assertTrue(InputFiles.isPattern(dir.resolve("drops/d?")));
  }

  @Test
  void aPatternThatMatchesNothingSaysSo() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InputFiles.list(dir.resolve("drops/*/incident.csv"), "*.csv"));
    assertTrue(e.getMessage().startsWith("no input matches "), e.getMessage());
  }

  @Test
  void aFolderListsItsMatchingFilesAndAFileIsItself() throws Exception {
    Path f = touch("one/a.csv");
    touch("one/b.txt");
    assertEquals(List.of(f), InputFiles.list(dir.resolve("one"), "*.csv"));
    assertEquals(List.of(f), InputFiles.list(f, "*.json"));
  }

  @Test
  void aLinkInsideAnInputFolderMustNotLeadOutOfIt() throws Exception {
    Path secret = touch("elsewhere/passwd.csv");
    touch("drop/a.csv");
    Files.createSymbolicLink(dir.resolve("drop/b.csv"), secret);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> InputFiles.list(dir.resolve("drop"), "*.csv"));
    assertTrue(e.getMessage().contains("is a link to " + secret.toRealPath()), e.getMessage());
  }
}
