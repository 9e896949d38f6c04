package org.sociallearning.impact.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Test helpers that read the generated files the way an adapter would. */
final class SampleFiles {

  static final ObjectMapper JSON = new ObjectMapper();

  private SampleFiles() {}

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(Path file) {
    return new String(bytes(file), StandardCharsets.UTF_8);
  }

  static boolean hasBom(Path file) {
    byte[] b = bytes(file);
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  /** Parses a BOM-prefixed RFC 4180 CSV (header in the first record). */
  static List<CSVRecord> csv(Path file) {
    String s = text(file);
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser p = CSVParser.parse(new StringReader(s), format)) {
      return p.getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String firstLine(Path file) {
    String s = text(file);
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    int eol = s.indexOf("\r\n");
    return s.substring(0, eol);
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file under dir, keyed by '/'-separated relative path, sorted. */
  static Map<String, Path> tree(Path dir) {
    Map<String, Path> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .forEach(p -> files.put(dir.relativize(p).toString().replace('\\', '/'), p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static long totalBytes(Path dir) {
    long n = 0;
    for (Path p : tree(dir).values()) {
      try {
        n += Files.size(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return n;
  }

  static List<String> lines(Path file) {
    String s = text(file);
    List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
