package org.sociallearning.impact.ingest;

import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Reads XML exports whose records are attribute-only elements (Stack Exchange dumps: {@code
 * <posts><row Id="1" .../></posts>}) inside Spark tasks, streaming with StAX and keeping each
 * record's line. DTDs are never loaded and entities never expanded: a dump is untrusted input, and
 * an external entity could read files of the machine running the job (XXE).
 */
public final class XmlRecordReader {

  private XmlRecordReader() {}

  /**
   * The JDK's own StAX parser (not whichever one the classpath brings), with DTD processing,
   * external entities and external DTD access all off.
   */
  static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return factory;
  }

  /**
   * @param element the record element's name, e.g. {@code row}
   * @param attributes output column to attribute name, e.g. {@code post_id -> Id}
   */
  public static Dataset<Row> read(
      SparkSession spark,
      List<Path> files,
      Path baseDir,
      String element,
      Map<String, String> attributes) {
    List<String> names = new ArrayList<>(attributes.keySet());
    List<String> wanted = new ArrayList<>(attributes.values());
    JavaRDD<Row> rows =
        ExportFileStreams.rows(
            spark,
            files,
            baseDir,
            (file, in) -> new ElementRecords(file, in, new Selection(element, wanted)));
    return spark.createDataFrame(rows, RawRecords.schema(names));
  }

  /** Which elements are records and which of their attributes to keep. */
  private record Selection(String element, List<String> attributes) implements Serializable {}

  /** Streams one file element by element; malformed XML stops the file at its line. */
  private static final class ElementRecords extends LazyRows {
    private final String file;
    private final Selection selection;
    private final XMLStreamReader reader;

    ElementRecords(String file, InputStream stream, Selection selection) {
      this.file = file;
      this.selection = selection;
      try {
        this.reader = secureFactory().createXMLStreamReader(TextDecoding.open(stream));
      } catch (XMLStreamException | java.io.IOException e) {
        throw new UnreadableExportException(file, 1, "cannot open as XML: " + e.getMessage());
      }
    }

    @Override
    protected Row advance() {
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT
              && selection.element().equals(reader.getLocalName())) {
            return row();
          }
        }
        reader.close();
        return null;
      } catch (XMLStreamException e) {
        long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
        throw new UnreadableExportException(file, line, "malformed XML: " + withoutPosition(e));
      }
    }

    private Row row() {
      List<String> attributes = selection.attributes();
      Object[] values = new Object[3 + attributes.size()];
      values[0] = file;
      values[1] = (long) reader.getLocation().getLineNumber();
      for (int i = 0; i < attributes.size(); i++) {
        values[3 + i] =
            CsvRecordReader.blankToNull(reader.getAttributeValue(null, attributes.get(i)));
      }
      return RowFactory.create(values);
    }
  }

  /** The parser's message without its "ParseError at [row,col]" prefix (the line is reported). */
  static String withoutPosition(XMLStreamException e) {
    String message = e.getMessage() == null ? "syntax error" : e.getMessage();
    int at = message.indexOf("Message: ");
    return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
  }
}
