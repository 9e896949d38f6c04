package org.sociallearning.impact.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Minimal RFC 4180 writer: UTF-8 with optional BOM, CRLF records, quotes only where needed. */
final class Csv implements AutoCloseable {

  private final Writer out;
  private int records;

  Csv(Path file, boolean bom) {
    try {
      Files.createDirectories(file.getParent());
      out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
      if (bom) {
        out.write('\uFEFF');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void header(List<String> names) {
    row(names);
    records--;
  }

  void row(List<String> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(quote(fields.get(i)));
      }
      out.write("\r\n");
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Data records written (header excluded). */
  int records() {
    return records;
  }

  static String quote(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    boolean needs =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0
            || value.charAt(0) == ' '
            || value.charAt(value.length() - 1) == ' ';
    return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
