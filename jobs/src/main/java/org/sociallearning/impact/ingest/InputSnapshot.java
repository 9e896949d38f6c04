package org.sociallearning.impact.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Size and modification time of every input file when a run starts. Spark reads inputs more than
 * once (counting, then transforming), so a file replaced while the run reads it (a nightly export
 * landing late) could mix two versions. Checked again before publishing: a changed file fails the
 * run, the last published result stays, and the next run reads a consistent set.
 */
public final class InputSnapshot {

  private record Stamp(long size, long modifiedMillis) {}

  private final Map<Path, Stamp> stamps;

  private InputSnapshot(Map<Path, Stamp> stamps) {
    this.stamps = stamps;
  }

  public static InputSnapshot of(List<Path> files) {
    Map<Path, Stamp> stamps = new LinkedHashMap<>();
    for (Path f : files) {
      stamps.put(f, stamp(f));
    }
    return new InputSnapshot(stamps);
  }

  public int size() {
    return stamps.size();
  }

  /** Throws an {@link InputException} naming the files that changed, vanished or were cut. */
  public void requireUnchanged() {
    List<String> changed = new ArrayList<>();
    for (Map.Entry<Path, Stamp> e : stamps.entrySet()) {
      if (!e.getValue().equals(stamp(e.getKey()))) {
        changed.add(e.getKey().toString());
      }
    }
    if (!changed.isEmpty()) {
      throw new InputException(
          changed.size()
              + " input file(s) changed while the run was"
              + " reading them ("
              + String.join(", ", changed)
              + "); nothing was published. Rerun"
              + " once the exports are complete.",
          null);
    }
  }

  private static Stamp stamp(Path f) {
    try {
      BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
      return new Stamp(a.size(), a.lastModifiedTime().toMillis());
    } catch (IOException gone) {
      return new Stamp(-1, -1);
    }
  }
}
