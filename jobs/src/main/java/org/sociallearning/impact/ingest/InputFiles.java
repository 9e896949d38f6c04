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
   * A single file as itself; for a folder, the files whose path relative to it matches
   * {@code glob} (e.g. {@code *.csv} or {@code * /*.json} for one level down), sorted.
   */
  public static List<Path> list(Path path, String glob) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException("input " + path + " does not exist");
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> matcher.matches(path.relativize(p)))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
    }
  }

  /** The name shown in quarantine and the manifest: relative to the config folder when inside it. */
  static String displayName(String sparkPath, String baseDir) {
    Path p = Path.of(URI.create(sparkPath.startsWith("file:") ? sparkPath : "file:" + sparkPath));
    Path base = Path.of(baseDir);
    return p.startsWith(base) ? base.relativize(p).toString() : p.toString();
  }

}
