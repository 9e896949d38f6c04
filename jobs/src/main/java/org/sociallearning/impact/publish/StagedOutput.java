package org.sociallearning.impact.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Publish step: a run writes everything into a staging folder beside the output folder and only
 * then swaps it in with two renames, so readers never see a half-written run. A run that dies
 * before the swap leaves the previous output untouched; one that dies between the renames
 * leaves {@code <output>.previous}, which the next run restores before it starts. A lock file
 * beside the output keeps two runs from writing at once, and a folder that was not written by
 * this job (it has no {@code manifest.json}) is never replaced.
 */
public final class StagedOutput {

  private final Path output;
  private final Path staging;
  private final Path previous;
  private final Path lockFile;
  private java.nio.channels.FileChannel lockChannel;
  private java.nio.channels.FileLock lock;

  public StagedOutput(Path output, String runId) {
    this.output = output.toAbsolutePath().normalize();
    Path parent = this.output.getParent();
    String name = this.output.getFileName().toString();
    this.staging = parent.resolve("." + name + ".staging-" + runId);
    this.previous = parent.resolve("." + name + ".previous");
    this.lockFile = parent.resolve("." + name + ".lock");
  }

  /**
   * Takes the lock, restores an interrupted swap, clears stale staging folders (no other run can
   * be writing them while we hold the lock) and creates this run's one.
   */
  public Path begin() {
    try {
      Files.createDirectories(output.getParent());
      lockChannel = java.nio.channels.FileChannel.open(lockFile,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
      lock = lockChannel.tryLock();
      if (lock == null) {
        lockChannel.close();
        throw new IllegalStateException("another run is writing to " + output + " (lock "
            + lockFile + "); wait for it to finish");
      }
      if (Files.isDirectory(output) && !Files.exists(output.resolve("manifest.json"))
          && !isEmpty(output)) {
        release();
        throw new IllegalStateException(output + " exists but was not written by this job (no"
            + " manifest.json); choose an empty or new output folder");
      }
      if (!Files.exists(output) && Files.exists(previous)) {
        Files.move(previous, output, StandardCopyOption.ATOMIC_MOVE);
      }
      deleteTree(previous);
      String stalePrefix = "." + output.getFileName() + ".staging-";
      try (Stream<Path> siblings = Files.list(output.getParent())) {
        for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(stalePrefix))
            .toList()) {
          deleteTree(p);
        }
      }
      Files.createDirectories(staging);
      return staging;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output folder " + output + ": "
          + e.getMessage(), e);
    }
  }

  public Path staging() {
    return staging;
  }

  public Path output() {
    return output;
  }

  /** Swaps the staged run in as the published output. */
  public void publish() {
    try {
      if (Files.exists(output)) {
        move(output, previous);
      }
      move(staging, output);
      deleteTree(previous);
      release();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + staging + " to " + output + ": "
          + e.getMessage(), e);
    }
  }

  /** Removes this run's staging folder after a failure; the published output stays as it was. */
  public void abandon() {
    try {
      deleteTree(staging);
    } catch (IOException ignored) {
      // The next run clears stale staging folders.
    }
    release();
  }

  private void release() {
    try {
      if (lock != null) {
        lock.release();
        lockChannel.close();
      }
    } catch (IOException ignored) {
      // The lock dies with the process anyway.
    }
    lock = null;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
