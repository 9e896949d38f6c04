package org.sociallearning.impact.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
