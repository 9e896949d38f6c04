package org.sociallearning.impact.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.TestSpark;

/** A hostile file must end in a clear error or an error row, never in exhausted memory. */
class HostileInputLimitsTest {

  @TempDir Path dir;

  static Throwable unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnreadableExportException) {
        return t;
      }
    }
    throw new AssertionError("no UnreadableExportException in the chain", e);
  }

  @Test
  void anUnterminatedQuoteBeforeMegabytesOfTextStopsAtTheRecordBudget() throws Exception {
    Path file = dir.resolve("incident.csv");
    String filler = "x".repeat(1024) + "\n";
    Files.writeString(
        file,
        "number,short_description\nINC1,\"never closed\n"
            + filler.repeat((int) (LineCountingReader.MAX_RECORD_CHARS / filler.length()) + 16));
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                CsvRecordReader.read(
                        TestSpark.session(), List.of(file), dir, Map.of("number", "number"))
                    .collectAsList());
    String message = unreadable(e).getMessage();
    assertTrue(message.contains("incident.csv cannot be read from line 2"), message);
    assertTrue(message.contains("runs over"), message);
  }

  @Test
  void aJsonLineLongerThanTheBudgetStopsWithTheLineNumber() throws Exception {
    Path file = dir.resolve("statements.jsonl");
    Files.writeString(
        file,
        "{\"id\": \"a\"}\n{\"id\": \""
            + "y".repeat((int) LineCountingReader.MAX_RECORD_CHARS + 100_000)
            + "\"}\n");
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                JsonRecordReader.read(
                        TestSpark.session(),
                        List.of(file),
                        dir,
                        JsonRecordReader.Layout.LINES,
                        Map.of("id", "/id"))
                    .collectAsList());
    String message = unreadable(e).getMessage();
    assertTrue(message.contains("statements.jsonl cannot be read from line 2"), message);
  }

  @Test
  void absurdNestingIsARejectedRecordNotAStackOverflow() throws Exception {
    Path file = dir.resolve("statements.jsonl");
    Files.writeString(file, "{\"id\": \"ok\"}\n" + "[".repeat(100_000) + "\n{\"id\": \"after\"}\n");
    List<Row> rows =
        JsonRecordReader.read(
                TestSpark.session(),
                List.of(file),
                dir,
                JsonRecordReader.Layout.LINES,
                Map.of("id", "/id"))
            .collectAsList();
    assertEquals(3, rows.size(), rows.toString());
    assertEquals("ok", rows.get(0).getAs("id"));
    String error = rows.get(1).getAs(RawRecords.PARSE_ERROR);
    assertTrue(error.startsWith("invalid JSON: "), error);
    assertTrue(error.length() < 200, "no content echoed: " + error);
    assertEquals("after", rows.get(2).getAs("id"));
  }
}
