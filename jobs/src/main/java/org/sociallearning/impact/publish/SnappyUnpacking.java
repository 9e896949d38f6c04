package org.sociallearning.impact.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Snappy (Parquet's compression) unpacks its native library into a temporary folder the first time
 * it is used. When that write fails, Snappy prints the reason to the console and the run fails
 * later with an error that names a missing library, not a full disk. This class recognises that
 * failure and repeats the write, so the reason can be told.
 */
final class SnappyUnpacking {

  /** Where snappy-java unpacks its library: its own setting, else the JVM's temporary folder. */
  static Path folder() {
    String own = System.getProperty("org.xerial.snappy.tempdir");
    return Path.of(own != null ? own : System.getProperty("java.io.tmpdir"));
  }

  static Path probeFile() {
    return folder().resolve("impact-snappy-space-check-" + ProcessHandle.current().pid());
  }

  /** Bytes to write: at least the size of the library the JVM would unpack (about 100 KiB). */
  static long librarySize() {
    String os = System.getProperty("os.name", "").startsWith("Mac") ? "Mac" : "Linux";
    String arch = System.getProperty("os.arch", "").contains("aarch64") ? "aarch64" : "x86_64";
    String name = os.equals("Mac") ? "libsnappyjava.dylib" : "libsnappyjava.so";
    try (InputStream in =
        SnappyUnpacking.class.getResourceAsStream(
            "/org/xerial/snappy/native/" + os + "/" + arch + "/" + name)) {
      return in == null ? 512 * 1024 : Math.max(in.transferTo(OutputStream.nullOutputStream()), 1);
    } catch (IOException e) {
      return 512 * 1024;
    }
  }

  /** Whether Snappy's native library failed to load somewhere in {@code failure}. */
  static boolean failedIn(Throwable failure) {
    return OutOfSpace.everyCause(failure).stream()
        .anyMatch(
            t ->
                (t instanceof LinkageError || t instanceof ExceptionInInitializerError)
                    && (String.valueOf(t.getMessage()).contains("snappyjava")
                        || String.valueOf(t.getMessage()).contains("org.xerial.snappy")));
  }

  /** The write the library needs, repeated at {@code file}: the refusal, if it is refused. */
  static Optional<IOException> probe(Path file) {
    byte[] chunk = new byte[8192];
    long size = librarySize();
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e);
    } finally {
      if (!file.startsWith("/dev")) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a probe file in a temporary folder; nothing else depends on it
        }
      }
    }
  }

  private SnappyUnpacking() {}
}
