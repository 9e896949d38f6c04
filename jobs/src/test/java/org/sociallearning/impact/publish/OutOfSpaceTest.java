package org.sociallearning.impact.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.job.ExitCode;

/**
 * Full disks told apart from other failed writes; a full Spark scratch folder, under a real
 * file-size limit, is in {@code NightlyOperationsTest}.
 */
class OutOfSpaceTest {

  @Test
  void aWriteRefusedForLackOfSpaceNamesTheOutputFolder(@TempDir Path output) {
    Path alwaysFull = Path.of("/dev/full");
    assumeTrue(Files.isWritable(alwaysFull), "needs the Linux device that is always full");
    IOException refused =
        assertThrows(IOException.class, () -> Files.writeString(alwaysFull, "manifest"));
    RuntimeException failure =
        new IllegalStateException("cannot write manifest.json", new UncheckedIOException(refused));

    OutputException named = OutOfSpace.in(failure, output, "scratch").orElseThrow();

    assertTrue(
        named
            .getMessage()
            .startsWith(
                "out of space writing the output folder "
                    + output
                    + ": the disk is full or over quota (No space left on device); "),
        named.getMessage());
    assertEquals(ExitCode.OUTPUT, ExitCode.of(named));
    assertEquals(failure, named.getCause());
  }

  @Test
  void otherFailedWritesAreNotCalledAFullDisk(@TempDir Path output) {
    RuntimeException denied =
        new UncheckedIOException(
            new java.nio.file.AccessDeniedException(output.resolve("runs").toString()));

    assertEquals(Optional.empty(), OutOfSpace.in(denied, output, "scratch"));
  }

  /**
   * Snappy unpacks its native library into the temporary folder on first use; when that folder is
   * full, the run failed with "no snappyjava in java.library.path" (exit 1). The same write,
   * repeated where it is refused, names the full disk.
   */
  @Test
  void snappyUnableToUnpackItsLibraryIsAFullDisk(@TempDir Path output) {
    Path alwaysFull = Path.of("/dev/full");
    assumeTrue(Files.isWritable(alwaysFull), "needs the Linux device that is always full");
    for (Throwable snappy :
        List.of(
            new UnsatisfiedLinkError("no snappyjava in java.library.path: /usr/lib"),
            new NoClassDefFoundError("Could not initialize class org.xerial.snappy.Snappy"))) {
      RuntimeException failure =
          new IllegalStateException("Job aborted due to stage failure", snappy);

      OutputException named = OutOfSpace.in(failure, output, "scratch", alwaysFull).orElseThrow();

      assertTrue(
          named
              .getMessage()
              .startsWith(
                  "out of space unpacking Snappy's native library (Parquet compression) into the"
                      + " temporary folder /dev: the disk is full or over quota (No space left on"
                      + " device)"),
          named.getMessage());
      assertEquals(ExitCode.OUTPUT, ExitCode.of(named));

      // Where the same write succeeds, the failure is something else: not called a full disk.
      assertEquals(
          Optional.empty(), OutOfSpace.in(failure, output, "scratch", output.resolve("probe")));
      assertTrue(Files.notExists(output.resolve("probe")), "the probe file is removed");
    }
  }

  @Test
  void aRunLogThatCannotBeOpenedIsAnOutputError(@TempDir Path output) throws IOException {
    Files.writeString(output.resolve("logs"), "a file where the log folder belongs");
    OutputException e = assertThrows(OutputException.class, () -> RunLog.open(output, "run1"));
    assertEquals(ExitCode.OUTPUT, ExitCode.of(e));
    assertTrue(
        e.getMessage().startsWith("cannot write the run log under " + output), e.getMessage());
  }
}
