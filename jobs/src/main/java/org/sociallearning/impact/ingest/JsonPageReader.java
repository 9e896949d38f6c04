package org.sociallearning.impact.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads paged API exports inside Spark tasks: files holding one or more pages such as Zendesk's
 * {@code {"tickets": [...], "after_cursor": ..., "end_of_stream": ...}}, each page's records under
 * one named array, or the JSON-lines variant with one record per line. Both may be mixed in one
 * file: every top-level object that has the named array is a page, any other top-level object is a
 * record. Records are streamed (a page is never held whole) and keep the line where they start.
 */
public final class JsonPageReader {

  private JsonPageReader() {}

  /**
   * @param recordsField the array that holds a page's records, e.g. {@code tickets}
   * @param fields output column to JSON Pointer within a record, e.g. {@code id -> /id}
   */
  public static Dataset<Row> read(
      SparkSession spark,
      List<Path> files,
      Path baseDir,
      String recordsField,
      Map<String, String> fields) {
    List<String> names = new ArrayList<>(fields.keySet());
    List<String> pointers = new ArrayList<>(fields.values());
    JavaRDD<Row> rows =
        ExportFileStreams.rows(
            spark,
            files,
            baseDir,
            (file, in) ->
                new PagedRecords(in, new JsonRecordReader.Extractor(file, pointers), recordsField));
    return spark.createDataFrame(rows, RawRecords.schema(names));
  }

  /** Top-level values one after another; inside a page, the elements of its records array. */
  private static final class PagedRecords extends LazyRows {
    private final JsonRecordReader.Extractor extractor;
    private final String recordsField;
    private final JsonParser parser;

    /** True while positioned inside a page's records array. */
    private boolean inPage;

    PagedRecords(InputStream stream, JsonRecordReader.Extractor extractor, String recordsField)
        throws IOException {
      this.extractor = extractor;
      this.recordsField = recordsField;
      this.parser = JsonRecordReader.MAPPER.getFactory().createParser(TextDecoding.open(stream));
    }

    @Override
    protected Row advance() {
      long line = 1;
      try {
        while (true) {
          JsonToken token = parser.nextToken();
          line = Math.max(1, parser.currentTokenLocation().getLineNr());
          if (inPage) {
            if (token == null) {
              throw new UnreadableExportException(
                  extractor.file, line, "the file ends inside the '" + recordsField + "' array");
            }
            if (token == JsonToken.END_ARRAY) {
              inPage = false;
              skipRestOfPage();
              continue;
            }
            return extractor.row(line, JsonRecordReader.MAPPER.readTree(parser));
          }
          if (token == null) {
            return null;
          }
          if (token != JsonToken.START_OBJECT) {
            throw new UnreadableExportException(
                extractor.file,
                line,
                "expected JSON objects (pages with a '"
                    + recordsField
                    + "' array, or one record"
                    + " per line), found "
                    + token.asString());
          }
          JsonNode record = pageOrRecord();
          if (record != null) {
            return extractor.row(line, record);
          }
        }
      } catch (IOException e) {
        String problem =
            e instanceof JsonProcessingException jpe
                ? JsonRecordReader.withoutContent(jpe)
                : e.getMessage();
        throw new UnreadableExportException(extractor.file, line, "invalid JSON: " + problem);
      }
    }

    /**
     * Reads a top-level object field by field. On meeting the records array it stops there (this
     * object is a page; returns null); otherwise the whole object is a record.
     */
    private JsonNode pageOrRecord() throws IOException {
      ObjectNode node = JsonRecordReader.MAPPER.createObjectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals(recordsField) && value == JsonToken.START_ARRAY) {
          inPage = true;
          return null;
        }
        node.set(name, JsonRecordReader.MAPPER.readTree(parser));
      }
      return node;
    }

    /** Skips the page's other fields (cursors, end_of_stream) after its records. */
    private void skipRestOfPage() throws IOException {
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        parser.nextToken();
        parser.skipChildren();
      }
      if (token != JsonToken.END_OBJECT) {
        throw new JsonProcessingException(
            "page does not end after its records", parser.currentTokenLocation()) {};
      }
    }
  }
}
