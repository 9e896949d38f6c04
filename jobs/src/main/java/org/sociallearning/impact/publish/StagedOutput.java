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
 * leaves {@code <output>.previous}, which the next run restores before it starts.
 */
public final class StagedOutput {

  private final Path output;
  private final Path staging;
  private final Path previous;

  public StagedOutput(Path output, String runId) {
    this.output = output.toAbsolutePath().normalize();
    Path parent = this.output.getParent();
    String name = this.output.getFileName().toString();
    this.staging = parent.resolve("." + name + ".staging-" + runId);
    this.previous = parent.resolve("." + name + ".previous");
  }

  /** Restores an interrupted swap, clears stale staging folders and creates this run's one. */
  public Path begin() {
    try {
      Files.createDirectories(output.getParent());
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
