package org.sociallearning.impact.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The CSV tables of one published run folder, and how their cells read. */
final class PublishedCsv {

  private final Path dir;

  PublishedCsv(Path dir) {
    this.dir = dir;
  }

  /** The records of a published CSV; an absent optional table reads as empty. */
  List<CSVRecord> rows(String file) {
    Path path = dir.resolve(file);
    if (!Files.isRegularFile(path)) {
      return List.of();
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      return parser.getRecords();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  <T> Map<String, List<T>> grouped(
      String file, Function<CSVRecord, String> key, Function<CSVRecord, T> value) {
    Map<String, List<T>> out = new LinkedHashMap<>();
    for (CSVRecord r : rows(file)) {
      out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(value.apply(r));
    }
    return out;
  }

  static <T> List<T> map(List<CSVRecord> rows, Function<CSVRecord, T> f) {
    return rows.stream().map(f).toList();
  }

  /** Empty cells are the published form of a missing number (suppressed or not estimated). */
  static double number(CSVRecord r, String column) {
    String v = r.isMapped(column) ? r.get(column) : "";
    return v == null || v.isBlank() ? Double.NaN : Double.parseDouble(v);
  }

  static long count(CSVRecord r, String column) {
    String v = r.isMapped(column) ? r.get(column) : "";
    return v == null || v.isBlank() ? 0 : Long.parseLong(v);
  }

  static LocalDate date(String s) {
    return s == null || s.isBlank() ? null : LocalDate.parse(s);
  }
}
