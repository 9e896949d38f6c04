package org.sociallearning.impact.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Reads JSON exports inside Spark tasks into raw records: either one JSON object per line (xAPI
 * statement streams) or files that each hold one array of objects (Slack day files). Fields are
 * picked by JSON Pointer ({@code /actor/mbox}); each record keeps the line where it starts.
 */
public final class JsonRecordReader {

  /** How records are laid out in a file. */
  public enum Layout {
    LINES,
    ARRAY
  }

  /**
   * Bounds a hostile file cannot push past: nesting far deeper than any export (xAPI and Slack nest
   * under 20 levels), one string at most 8 Mi characters, numbers at most 100 digits.
   */
  static final com.fasterxml.jackson.core.StreamReadConstraints LIMITS =
      com.fasterxml.jackson.core.StreamReadConstraints.builder()
          .maxNestingDepth(200)
          .maxStringLength(8 * 1024 * 1024)
          .maxNumberLength(100)
          .build();

  /** Thread-safe once configured; building one per file costs more than parsing a day of chat. */
  static final ObjectMapper MAPPER =
      new ObjectMapper(
          com.fasterxml.jackson.core.JsonFactory.builder().streamReadConstraints(LIMITS).build());

  private JsonRecordReader() {}

  /**
   * The kind of JSON error and where, without the offending text: Jackson quotes the token it
   * choked on, which may be part of a message body or an email.
   */
  static String withoutContent(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
    int cut = message.length();
    for (char c : new char[] {'\'', '"', ':', '('}) {
      int i = message.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    String kind = message.substring(0, cut).strip();
    return (kind.isEmpty() ? "syntax error" : kind)
        + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr());
  }

  /**
   * @param fields output column to JSON Pointer, e.g. {@code email -> /actor/mbox}
   */
  public static Dataset<Row> read(
      SparkSession spark,
      List<Path> files,
      Path baseDir,
      Layout layout,
      Map<String, String> fields) {
    List<String> names = new ArrayList<>(fields.keySet());
    List<String> pointers = new ArrayList<>(fields.values());
    JavaRDD<Row> rows =
        ExportFileStreams.rows(
            spark,
            files,
            baseDir,
            (file, in) -> {
              Extractor extractor = new Extractor(file, pointers);
              return layout == Layout.LINES
                  ? new LineRecords(in, extractor)
                  : new ArrayRecords(in, extractor, null);
            });
    return spark.createDataFrame(rows, RawRecords.schema(names));
  }

  /**
   * Files that each hold one JSON array of objects, or one object holding that array under {@code
   * arrayField} beside other fields (an LRS page: {@code {"statements": [...], "more": "..."}}).
   * The array is streamed element by element either way.
   */
  public static Dataset<Row> readArrays(
      SparkSession spark,
      List<Path> files,
      Path baseDir,
      String arrayField,
      Map<String, String> fields) {
    List<String> names = new ArrayList<>(fields.keySet());
    List<String> pointers = new ArrayList<>(fields.values());
    JavaRDD<Row> rows =
        ExportFileStreams.rows(
            spark,
            files,
            baseDir,
            (file, in) -> new ArrayRecords(in, new Extractor(file, pointers), arrayField));
    return spark.createDataFrame(rows, RawRecords.schema(names));
  }

  /** Turns one parsed object into a raw row. */
  static final class Extractor implements Serializable {
    final String file;
    final JsonPointer[] pointers;

    Extractor(String file, List<String> pointers) {
      this.file = file;
      this.pointers = pointers.stream().map(JsonPointer::compile).toArray(JsonPointer[]::new);
    }

    Row row(long line, JsonNode node) {
      Object[] values = new Object[3 + pointers.length];
      values[0] = file;
      values[1] = line;
      if (!node.isObject()) {
        values[2] = "expected a JSON object, found " + node.getNodeType().name().toLowerCase();
        return RowFactory.create(values);
      }
      for (int i = 0; i < pointers.length; i++) {
        JsonNode v = node.at(pointers[i]);
        values[3 + i] =
            v.isMissingNode() || v.isNull()
                ? null
                : v.isValueNode() ? CsvRecordReader.blankToNull(v.asText()) : v.toString();
      }
      return RowFactory.create(values);
    }

    Row error(long line, String message) {
      Object[] values = new Object[3 + pointers.length];
      values[0] = file;
      values[1] = line;
      values[2] = message;
      return RowFactory.create(values);
    }
  }

  /** One object per line; a bad line becomes an error row and reading goes on. */
  private static final class LineRecords extends LazyRows {
    private final Extractor extractor;
    private final LineCountingReader budget;
    private final BufferedReader reader;
    private long lineNumber;

    LineRecords(java.io.InputStream stream, Extractor extractor) throws IOException {
      this.extractor = extractor;
      this.budget = new LineCountingReader(TextDecoding.open(stream));
      this.reader = new BufferedReader(budget);
    }

    @Override
    protected Row advance() {
      while (true) {
        String text;
        try {
          budget.startRecord();
          text = reader.readLine();
        } catch (IOException e) {
          throw new UnreadableExportException(extractor.file, lineNumber + 1, e.getMessage());
        }
        if (text == null) {
          return null;
        }
        lineNumber++;
        if (text.isBlank()) {
          continue;
        }
        try {
          return extractor.row(lineNumber, MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
          return extractor.error(lineNumber, "invalid JSON: " + withoutContent(e));
        }
      }
    }
  }

  /**
   * A file holding one JSON array of objects (or, given {@code arrayField}, an object holding it
   * under that field), streamed element by element.
   */
  private static final class ArrayRecords extends LazyRows {
    private final Extractor extractor;
    private final JsonParser parser;

    ArrayRecords(java.io.InputStream stream, Extractor extractor, String arrayField)
        throws IOException {
      this.extractor = extractor;
      this.parser = MAPPER.getFactory().createParser(TextDecoding.open(stream));
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          endOfFile();
        } else if (first == JsonToken.START_OBJECT && arrayField != null) {
          enterField(arrayField);
        } else if (first != JsonToken.START_ARRAY) {
          throw new UnreadableExportException(
              extractor.file,
              1,
              "expected a JSON array of records"
                  + (arrayField == null ? "" : " or an object with a \"" + arrayField + "\" array")
                  + ", found "
                  + first.asString());
        }
      } catch (JsonProcessingException e) {
        throw new UnreadableExportException(
            extractor.file, 1, "invalid JSON: " + withoutContent(e));
      }
    }

    /** Skips the object's other fields until the array under {@code field} starts. */
    private void enterField(String field) throws IOException {
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals(name) && value == JsonToken.START_ARRAY) {
          return;
        }
        parser.skipChildren();
      }
      throw new UnreadableExportException(
          extractor.file,
          Math.max(1, parser.currentTokenLocation().getLineNr()),
          "the object has no \"" + field + "\" array of records");
    }

    @Override
    protected Row advance() {
      long line = 1;
      try {
        JsonToken token = parser.nextToken();
        line = Math.max(1, parser.currentTokenLocation().getLineNr());
        if (token == JsonToken.END_ARRAY || token == null) {
          return null;
        }
        return extractor.row(line, MAPPER.readTree(parser));
      } catch (IOException e) {
        String problem =
            e instanceof JsonProcessingException jpe ? withoutContent(jpe) : e.getMessage();
        throw new UnreadableExportException(extractor.file, line, "invalid JSON: " + problem);
      }
    }
  }
}
