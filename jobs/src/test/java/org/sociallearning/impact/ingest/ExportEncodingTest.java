package org.sociallearning.impact.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.cli.ImpactCli;

/** Exports saved as UTF-16 (found by the bad-input corpus): read with a mark, refused without. */
class ExportEncodingTest {

  @TempDir Path dir;

  static final String CSV = "Employee ID,Work Email\r\nE1,jos\u00e9@example.com\r\n";

  private Path write(String name, byte[] mark, byte[] body) throws Exception {
    byte[] out = new byte[mark.length + body.length];
    System.arraycopy(mark, 0, out, 0, mark.length);
    System.arraycopy(body, 0, out, mark.length, body.length);
    return Files.write(dir.resolve(name), out);
  }

  @Test
  void utf16WithAByteOrderMarkReadsLikeUtf8() throws Exception {
    Path le =
        write(
            "le.csv",
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            CSV.getBytes(StandardCharsets.UTF_16LE));
    Path be =
        write(
            "be.csv",
            new byte[] {(byte) 0xFE, (byte) 0xFF},
            CSV.getBytes(StandardCharsets.UTF_16BE));
    assertEquals(List.of("Employee ID", "Work Email"), CsvRecordReader.header(le));
    List<Row> rows =
        CsvRecordReader.read(
                TestSpark.session(),
                List.of(le, be),
                dir,
                CsvRecordReader.columns("email", "Work Email"))
            .orderBy(RawRecords.FILE)
            .collectAsList();
    assertEquals(2, rows.size());
    for (Row r : rows) {
      assertEquals("jos\u00e9@example.com", r.getAs("email"));
    }
  }

  @Test
  void utf16WithoutAMarkStopsWithAMessageNamingTheFileAndTheFix() throws Exception {
    Path csv = write("workers.csv", new byte[0], CSV.getBytes(StandardCharsets.UTF_16LE));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CsvRecordReader.header(csv));
    assertTrue(e.getMessage().contains("workers.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("UTF-16 text without a byte-order mark"), e.getMessage());
  }

  /** JSON is opened inside a Spark task: the failure must still name the file, not only Spark. */
  @Test
  void utf16JsonLinesWithoutAMarkNameTheFileFromInsideTheTask() throws Exception {
    Path jsonl =
        write(
            "statements.jsonl",
            new byte[0],
            "{\"id\":\"s1\"}\n".getBytes(StandardCharsets.UTF_16BE));
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                JsonRecordReader.read(
                        TestSpark.session(),
                        List.of(jsonl),
                        dir,
                        JsonRecordReader.Layout.LINES,
                        Map.of("id", "/id"))
                    .collectAsList());
    String line = ImpactCli.oneLine(e);
    assertTrue(
        line.startsWith(
            "statements.jsonl cannot be read from line 1 on (the file looks" + " like UTF-16"),
        line);
  }
}
