package org.sociallearning.impact.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds the files behind a configured path: a file, or the matching files in a folder. */
public final class InputFiles {

  private InputFiles() {}

  /**
   * A single file as itself; for a folder, the files whose path relative to it matches {@code glob}
   * (e.g. {@code *.csv} or {@code * /*.json} for one level down), sorted. The path itself may be a
   * pattern for daily export drops ({@code drops/2026-*}/incident.csv or {@code drops/*}): every
   * match is taken, folders among them as above.
   */
  public static List<Path> list(Path path, String glob) {
    if (isPattern(path)) {
      Path base = base(path);
      List<Path> matches = walk(base, base.relativize(path).toString(), false);
      if (matches.isEmpty()) {
        throw new IllegalArgumentException("no input matches " + path);
      }
      java.util.TreeSet<Path> files = new java.util.TreeSet<>();
      for (Path match : matches) {
        files.addAll(Files.isDirectory(match) ? walk(match, glob, true) : List.of(match));
      }
      return List.copyOf(files);
    }
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException("input " + path + " does not exist");
    }
    return walk(path, glob, true);
  }

  /** A link inside an input folder must not lead out of it (to /etc/passwd, say). */
  private static void requireInside(Path p, Path root) {
    if (!Files.isSymbolicLink(p)) {
      return;
    }
    try {
      Path target = p.toRealPath();
      if (!target.startsWith(root.toRealPath())) {
        throw new IllegalArgumentException(
            "input "
                + p
                + " is a link to "
                + target
                + ", outside "
                + root
                + "; copy the file in instead of linking it");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve the link " + p + ": " + e.getMessage(), e);
    }
  }

  /** Whether a configured path holds glob characters ({@code * ? [ {}). */
  public static boolean isPattern(Path path) {
    return path.toString().chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** The folder a pattern starts from: its leading part without glob characters. */
  public static Path base(Path path) {
    Path base = path.getRoot();
    for (Path part : path) {
      if (isPattern(part)) {
        break;
      }
      base = base == null ? part : base.resolve(part);
    }
    return base;
  }

  /** Entries under {@code root} whose relative path matches {@code glob}, sorted. */
  private static List<Path> walk(Path root, String glob, boolean filesOnly) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root))
          .filter(p -> !filesOnly || Files.isRegularFile(p))
          .filter(p -> matcher.matches(root.relativize(p)))
          .peek(p -> requireInside(p, root))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * The name shown in quarantine and the manifest: relative to the config folder when inside it.
   */
  static String displayName(String sparkPath, String baseDir) {
    Path p = Path.of(URI.create(sparkPath.startsWith("file:") ? sparkPath : "file:" + sparkPath));
    Path base = Path.of(baseDir);
    return p.startsWith(base) ? base.relativize(p).toString() : p.toString();
  }
}
