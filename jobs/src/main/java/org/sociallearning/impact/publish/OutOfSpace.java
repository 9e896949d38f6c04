package org.sociallearning.impact.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publish step, failure side: recognises a run that failed because a write found the disk full or
 * over a quota, wherever in the failure's causes Spark or Hadoop buried it, and names the folder
 * that ran out, so the run ends with the output exit code and one line instead of a bare "File too
 * large".
 */
public final class OutOfSpace {

  /** What the operating system says (ENOSPC, EDQUOT, EFBIG for a file-size limit). */
  private static final List<String> REASONS =
      List.of("No space left on device", "Disk quota exceeded", "File too large");

  /** Code that writes shuffle and spill files into Spark's scratch folders, not our output. */
  private static final List<String> SCRATCH_WRITERS =
      List.of(
          "org.apache.spark.shuffle.",
          "org.apache.spark.storage.",
          "org.apache.spark.util.collection.");

  private OutOfSpace() {}

  /**
   * The failure as an {@link OutputException} naming the folder that ran out of space: {@code
   * output} for our own files, {@code scratch} (Spark's local folders, as configured) for shuffle
   * and spill files; empty when no write in {@code failure} ran out of space.
   */
  public static Optional<OutputException> in(Throwable failure, Path output, String scratch) {
    return in(failure, output, scratch, SnappyUnpacking.probeFile());
  }

  /**
   * As {@link #in(Throwable, Path, String)}, where a failure to load Snappy's native library is
   * checked by writing as many bytes as the library has to {@code snappyProbe} (normally a file in
   * the folder the library is unpacked into): the library is unpacked into a temporary folder on
   * first use, and a full one fails the run with "no snappyjava in java.library.path" while the
   * reason, "No space left on device" or "File too large", went only to the console.
   */
  static Optional<OutputException> in(
      Throwable failure, Path output, String scratch, Path snappyProbe) {
    if (SnappyUnpacking.failedIn(failure)) {
      Optional<IOException> refused =
          SnappyUnpacking.probe(snappyProbe)
              .filter(e -> REASONS.stream().anyMatch(String.valueOf(e.getMessage())::contains));
      if (refused.isPresent()) {
        return Optional.of(
            new OutputException(
                "out of space unpacking Snappy's native library (Parquet compression) into the"
                    + " temporary folder "
                    + snappyProbe.getParent()
                    + ": the disk is full or over quota ("
                    + refused.get().getMessage()
                    + "); free space or point java.io.tmpdir elsewhere (e.g."
                    + " IMPACT_JAVA_OPTS=-Djava.io.tmpdir=/big/tmp), then rerun; the last published"
                    + " run is unchanged",
                failure));
      }
    }
    IOException write = firstOutOfSpace(failure);
    if (write == null) {
      return Optional.empty();
    }
    boolean inScratch = fromScratch(write);
    String where = inScratch ? "Spark's scratch folder " + scratch : "the output folder " + output;
    String elsewhere = inScratch ? " (or move the scratch folder with SPARK_LOCAL_DIRS)" : "";
    return Optional.of(
        new OutputException(
            "out of space writing "
                + where
                + ": the disk is full"
                + " or over quota ("
                + write.getMessage()
                + "); free space or raise the quota"
                + elsewhere
                + ", then rerun; the last published run is unchanged",
            failure));
  }

  private static IOException firstOutOfSpace(Throwable failure) {
    for (Throwable t : everyCause(failure)) {
      if (t instanceof IOException io
          && io.getMessage() != null
          && REASONS.stream().anyMatch(io.getMessage()::contains)) {
        return io;
      }
    }
    return null;
  }

  /**
   * A failure and everything in it, breadth first: causes and suppressed exceptions, each once
   * (Spark and Hadoop bury the reason at any depth, sometimes as a suppressed exception).
   */
  static List<Throwable> everyCause(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
    List<Throwable> out = new java.util.ArrayList<>();
    while (!todo.isEmpty()) {
      Throwable t = todo.removeFirst();
      if (!seen.add(t)) {
        continue;
      }
      out.add(t);
      if (t.getCause() != null) {
        todo.addLast(t.getCause());
      }
      todo.addAll(List.of(t.getSuppressed()));
    }
    return out;
  }

  private static boolean fromScratch(IOException write) {
    for (StackTraceElement frame : write.getStackTrace()) {
      if (SCRATCH_WRITERS.stream().anyMatch(frame.getClassName()::startsWith)) {
        return true;
      }
    }
    return false;
  }
}
