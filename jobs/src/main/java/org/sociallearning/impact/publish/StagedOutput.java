package org.sociallearning.impact.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Publish step: each run writes into a staging folder and is published by switching the {@code
 * current} pointer, so readers never see a half-written run.
 *
 * <pre>
 * output/
 *   current -&gt; runs/20261201T020000Z     (a relative symbolic link: what readers open)
 *   runs/20261130T020000Z/                (earlier runs, the newest keep_runs kept)
 *   runs/20261201T020000Z/
 *   runs/.staging-20261202T020000Z/       (only while a run is writing)
 *   .lock
 * </pre>
 *
 * <p>The switch is a rename of a new link over {@code current}, which is atomic on POSIX file
 * systems: at every moment {@code current} names a complete run. A run killed at any point leaves
 * {@code current} as it was; the next run clears what the killed one left (stale staging folders, a
 * half-made link, a half-pruned old run) while it holds the lock. A lock file keeps two runs from
 * writing at once, and a folder this job did not write (no {@code runs/} inside) is never touched.
 */
public final class StagedOutput {

  static final String CURRENT = "current";
  static final String RUNS = "runs";
  private static final String STAGING_PREFIX = ".staging-";
  private static final String DELETING_PREFIX = ".deleting-";
  private static final String LINK_PREFIX = ".current-";

  private final Path output;
  private final Path runs;
  private final String runId;
  private final int keepRuns;
  private Path staging;
  private FileChannel lockChannel;
  private FileLock lock;

  public StagedOutput(Path output, String runId, int keepRuns) {
    if (keepRuns < 1) {
      throw new IllegalArgumentException("keepRuns must be at least 1, was " + keepRuns);
    }
    this.output = output.toAbsolutePath().normalize();
    this.runs = this.output.resolve(RUNS);
    this.runId = runId;
    this.keepRuns = keepRuns;
  }

  /**
   * Takes the lock, clears what an interrupted run left behind and creates this run's staging
   * folder.
   */
  public Path begin() {
    try {
      if (Files.isDirectory(output) && !Files.isDirectory(runs) && !isEmpty(output)) {
        throw new IllegalStateException(
            output
                + " exists but was not written by this job (no "
                + RUNS
                + "/ folder inside); choose an empty or new output folder");
      }
      Files.createDirectories(runs);
      Path lockFile = output.resolve(".lock");
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = lockChannel.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException heldInThisProcess) {
        lock = null;
      }
      if (lock == null) {
        lockChannel.close();
        throw new IllegalStateException(
            "another run is writing to "
                + output
                + " (lock "
                + lockFile
                + "); wait for it to finish");
      }
      clearLeftovers();
      staging = runs.resolve(STAGING_PREFIX + runId);
      Files.createDirectories(staging);
      return staging;
    } catch (IOException e) {
      release();
      throw new UncheckedIOException(
          "cannot prepare output folder " + output + ": " + e.getMessage(), e);
    }
  }

  public Path staging() {
    return staging;
  }

  /** The output root: readers open {@code <root>/current/}. */
  public Path output() {
    return output;
  }

  /**
   * Moves the staged run to {@code runs/<run id>}, points {@code current} at it, prunes runs beyond
   * {@code keepRuns} and releases the lock. Returns the published run's folder.
   */
  public Path publish() {
    try {
      Path published = runs.resolve(uniqueRunName());
      move(staging, published);
      Path link = output.resolve(LINK_PREFIX + runId);
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, output.relativize(published));
      Files.move(
          link,
          output.resolve(CURRENT),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      prune(published);
      return published;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot publish " + staging + " to " + output + ": " + e.getMessage(), e);
    } finally {
      release();
    }
  }

  /** Removes this run's staging folder after a failure; the published output stays as it was. */
  public void abandon() {
    try {
      if (staging != null) {
        deleteTree(staging);
      }
    } catch (IOException ignored) {
      // The next run clears stale staging folders.
    }
    release();
  }

  /** The run {@code current} points at, if any run was published under {@code output}. */
  public static Optional<Path> currentRun(Path output) {
    Path current = output.resolve(CURRENT);
    if (!Files.isSymbolicLink(current) && !Files.isDirectory(current)) {
      return Optional.empty();
    }
    try {
      return Optional.of(current.toRealPath());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Published runs under {@code output}, oldest first. */
  public static List<Path> publishedRuns(Path output) throws IOException {
    Path runs = output.resolve(RUNS);
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(runs)) {
      return entries
          .filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  private String uniqueRunName() {
    String name = runId;
    for (int n = 2; Files.exists(runs.resolve(name)); n++) {
      name = runId + "-" + n;
    }
    return name;
  }

  /** Stale staging folders, half-made links and half-deleted runs of killed runs. */
  private void clearLeftovers() throws IOException {
    try (Stream<Path> entries = Files.list(runs)) {
      for (Path p :
          entries
              .filter(
                  p ->
                      p.getFileName().toString().startsWith(STAGING_PREFIX)
                          || p.getFileName().toString().startsWith(DELETING_PREFIX))
              .toList()) {
        deleteTree(p);
      }
    }
    try (Stream<Path> entries = Files.list(output)) {
      for (Path p :
          entries.filter(p -> p.getFileName().toString().startsWith(LINK_PREFIX)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Keeps the newest {@code keepRuns} runs and always the published one. */
  private void prune(Path published) throws IOException {
    List<Path> all = new ArrayList<>(publishedRuns(output));
    all.remove(published);
    int surplus = all.size() - (keepRuns - 1);
    for (int i = 0; i < surplus; i++) {
      Path old = all.get(i);
      Path doomed = runs.resolve(DELETING_PREFIX + old.getFileName());
      move(old, doomed);
      deleteTree(doomed);
    }
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
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
