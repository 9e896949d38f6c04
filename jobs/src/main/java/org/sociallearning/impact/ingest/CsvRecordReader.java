package org.sociallearning.impact.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Reads CSV exports (RFC 4180: quoted fields with commas, quotes and line breaks; BOM; CRLF) inside
 * Spark tasks, one task per file, keeping each record's starting line for quarantine. Spark's own
 * CSV reader cannot report line numbers, which analysts need to find a bad row.
 */
public final class CsvRecordReader {

  private CsvRecordReader() {}

  /** The header of one file, read on the driver (first record only). */
  public static List<String> header(Path file) {
    try (Reader r = TextDecoding.open(Files.newInputStream(file));
        CSVParser parser = CSVFormat.RFC4180.parse(r)) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        throw new IllegalArgumentException(file + " is empty: expected a header row");
      }
      List<String> names = new ArrayList<>();
      it.next().forEach(h -> names.add(h.strip()));
      return names;
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(
          "cannot read the header of " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Requires every file to have the named columns; fails naming file, column and the header found.
   */
  public static void requireColumns(List<Path> files, List<String> required) {
    for (Path file : files) {
      List<String> header = header(file);
      List<String> missing = new ArrayList<>(required);
      missing.removeAll(header);
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            file
                + " lacks column(s) "
                + missing
                + "; its header is "
                + header
                + ". Export these columns or map them in the config.");
      }
    }
  }

  /**
   * Reads the given files into raw records with string columns named by {@code columns} (keys:
   * output column, values: header name in the file). Missing headers must be checked first.
   */
  public static Dataset<Row> read(
      SparkSession spark, List<Path> files, Path baseDir, Map<String, String> columns) {
    List<String> outNames = new ArrayList<>(columns.keySet());
    List<String> headerNames = new ArrayList<>(columns.values());
    JavaRDD<Row> rows =
        ExportFileStreams.rows(
            spark, files, baseDir, (file, in) -> new CsvFileRecords(file, in, headerNames));
    return spark.createDataFrame(rows, RawRecords.schema(outNames));
  }

  /** Lazily parses one file; a structural parse failure ends the file with one error row. */
  private static final class CsvFileRecords extends LazyRows {
    private final String file;
    private final List<String> wanted;
    private LineCountingReader reader;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private int[] index;
    private int headerSize;

    CsvFileRecords(String file, java.io.InputStream stream, List<String> wanted) {
      this.file = file;
      this.wanted = wanted;
      try {
        reader = new LineCountingReader(TextDecoding.open(stream));
        parser = CSVFormat.RFC4180.parse(reader);
        records = parser.iterator();
        if (!records.hasNext()) {
          endOfFile();
          return;
        }
        List<String> header = new ArrayList<>();
        records.next().forEach(h -> header.add(h.strip()));
        headerSize = header.size();
        index = new int[wanted.size()];
        for (int i = 0; i < wanted.size(); i++) {
          index[i] = header.indexOf(wanted.get(i));
        }
      } catch (IOException | UncheckedIOException | IllegalStateException e) {
        throw new UnreadableExportException(
            file, 1, "cannot parse the CSV header: " + rootMessage(e));
      }
    }

    @Override
    protected Row advance() {
      // The parser has consumed the previous record's line break: the next record starts here.
      long startLine = parser.getCurrentLineNumber() + 1;
      reader.startRecord();
      try {
        if (!records.hasNext()) {
          close();
          return null;
        }
        CSVRecord rec = records.next();
        long line = reader.lineAt(rec.getCharacterPosition());
        Object[] values = new Object[3 + index.length];
        values[0] = file;
        values[1] = line;
        values[2] =
            rec.size() == headerSize
                ? null
                : "expected " + headerSize + " fields as in the header, found " + rec.size();
        for (int i = 0; i < index.length; i++) {
          values[3 + i] =
              index[i] >= 0 && index[i] < rec.size() ? blankToNull(rec.get(index[i])) : null;
        }
        return RowFactory.create(values);
      } catch (UncheckedIOException | IllegalStateException e) {
        close();
        throw new UnreadableExportException(file, startLine, "malformed CSV: " + rootMessage(e));
      }
    }

    private void close() {
      try {
        if (parser != null) {
          parser.close();
        }
      } catch (IOException ignored) {
        // Nothing left to read from a file we are abandoning.
      }
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Keeps column order stable when callers build mappings inline. */
  public static Map<String, String> columns(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
