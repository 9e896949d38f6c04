package org.sociallearning.impact.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * One way an export file arrives broken, applied to a valid fixture file. Byte-level kinds ignore
 * the layout; the others edit CSV records, JSON values or XML attributes so the damage is the kind
 * named (a shuffled column stays a valid CSV, a wrong type stays valid JSON).
 */
enum ExportMutation {
  TRUNCATED_AT_A_RANDOM_BYTE,
  LATIN_1,
  UTF_16,
  RANDOM_BYTES_INSERTED,
  HUGE_FIELD,
  SHUFFLED_COLUMNS,
  MISSING_HEADER,
  WRONG_TYPES,
  DUPLICATE_KEYS,
  DATE_OUT_OF_RANGE,
  DST_GAP_LOCAL_TIME;

  /** How a file is laid out, which decides what a column, a header or a key is. */
  enum Layout {
    CSV,
    JSON_LINES,
    JSON,
    XML
  }

  /** Values of the wrong type for any field: text for numbers, numbers for flags, and so on. */
  static final List<String> WRONG_VALUES =
      List.of(
          "abc",
          "-1",
          "1e309",
          "NaN",
          "true",
          "maybe",
          "null",
          "99999999999999999999999999",
          "0x1F",
          "2025-13-45",
          "\u0000",
          "=cmd|' /C calc'!A0",
          "\"",
          "[]",
          "{}",
          "\uFFFD\uFFFD",
          "  ",
          "-0");

  /** JSON values to put in place of a scalar: every JSON type, and numbers Java cannot hold. */
  static final List<String> WRONG_JSON =
      List.of(
          "{\"a\":1}",
          "[1,2]",
          "\"text\"",
          "true",
          "null",
          "12345678901234567890123",
          "-0.0e-999",
          "1e400",
          "[]",
          "{}",
          "\"\"",
          "-1");

  /** Field sizes for HUGE_FIELD: large, very large, and past the readers' 8 Mi record budget. */
  static final int[] HUGE_SIZES = {64 * 1024, 1024 * 1024, 9 * 1024 * 1024};

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JSON_SCALAR =
      Pattern.compile(":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d[\\d.eE+-]*|true|false|null)");
  private static final Pattern JSON_STRING = Pattern.compile(":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern JSON_KEY = Pattern.compile("[{,]\\s*(\"\\w+\"\\s*:)");
  private static final Pattern XML_ATTRIBUTE = Pattern.compile(" (\\w+)=\"([^\"]*)\"");

  /**
   * @param times the fixture's date-times in this file's own format
   * @param oddTimes replacements for DATE_OUT_OF_RANGE (impossible or extreme dates)
   * @param gapTimes replacements for DST_GAP_LOCAL_TIME (local times that never happened)
   */
  byte[] apply(
      byte[] original,
      Layout layout,
      Pattern times,
      List<String> oddTimes,
      List<String> gapTimes,
      Random random) {
    String text = new String(original, StandardCharsets.UTF_8);
    return switch (this) {
      case TRUNCATED_AT_A_RANDOM_BYTE -> Arrays.copyOf(original, random.nextInt(original.length));
      case LATIN_1 -> reencode(text, StandardCharsets.ISO_8859_1, random);
      case UTF_16 ->
          reencode(
              text,
              random.nextBoolean()
                  ? StandardCharsets.UTF_16
                  : random.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE,
              random);
      case RANDOM_BYTES_INSERTED -> insertBytes(original, random);
      case HUGE_FIELD -> utf8(hugeField(text, layout, random));
      case SHUFFLED_COLUMNS -> utf8(shuffleColumns(text, layout, random));
      case MISSING_HEADER -> utf8(withoutHeader(text, layout));
      case WRONG_TYPES -> utf8(wrongType(text, layout, random));
      case DUPLICATE_KEYS -> utf8(duplicateKey(text, layout, random));
      case DATE_OUT_OF_RANGE -> utf8(replaceTime(text, times, oddTimes, random));
      case DST_GAP_LOCAL_TIME -> utf8(replaceTime(text, times, gapTimes, random));
    };
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The same text in another encoding, without the UTF-8 byte-order mark (Java's UTF-16 writes its
   * own). Latin-1 turns accented names (one is added to a record) into invalid UTF-8.
   */
  private static byte[] reencode(String text, Charset charset, Random random) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int firstRecord = body.indexOf('\n') + 1;
    int a = body.indexOf('a', firstRecord);
    if (random.nextBoolean() && a >= 0) {
      body = body.substring(0, a) + "\u00e4" + body.substring(a + 1);
    }
    return body.getBytes(charset);
  }

  private static byte[] insertBytes(byte[] original, Random random) {
    byte[] noise = new byte[1 + random.nextInt(32)];
    random.nextBytes(noise);
    int at = random.nextInt(original.length + 1);
    byte[] out = new byte[original.length + noise.length];
    System.arraycopy(original, 0, out, 0, at);
    System.arraycopy(noise, 0, out, at, noise.length);
    System.arraycopy(original, at, out, at + noise.length, original.length - at);
    return out;
  }

  private static String hugeField(String text, Layout layout, Random random) {
    String huge = "x".repeat(HUGE_SIZES[random.nextInt(HUGE_SIZES.length)]);
    return switch (layout) {
      case CSV -> editCsvCell(text, random, huge);
      case JSON, JSON_LINES -> replaceGroup(text, JSON_STRING, random, huge);
      case XML -> replaceGroup(text, XML_ATTRIBUTE, 2, random, huge);
    };
  }

  private static String shuffleColumns(String text, Layout layout, Random random) {
    return switch (layout) {
      case CSV -> {
        List<List<String>> rows = csv(text);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, random);
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows) {
          List<String> shuffled = new ArrayList<>();
          for (int i : order) {
            shuffled.add(i < row.size() ? row.get(i) : "");
          }
          out.add(shuffled);
        }
        yield printCsv(out);
      }
      case JSON_LINES -> {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
          out.append(line.isBlank() ? line : json(shuffleKeys(readJson(line), random)))
              .append('\n');
        }
        yield out.toString();
      }
      case JSON -> jsonPretty(shuffleKeys(readJson(text), random));
      case XML -> {
        Matcher row = Pattern.compile("<row ([^>]*?)/>").matcher(text);
        StringBuilder out = new StringBuilder();
        while (row.find()) {
          List<String> attributes = new ArrayList<>();
          Matcher a = XML_ATTRIBUTE.matcher(" " + row.group(1));
          while (a.find()) {
            attributes.add(a.group().strip());
          }
          Collections.shuffle(attributes, random);
          row.appendReplacement(
              out, Matcher.quoteReplacement("<row " + String.join(" ", attributes) + " />"));
        }
        row.appendTail(out);
        yield out.toString();
      }
    };
  }

  /** Drops the header row (CSV), the first line (JSON), or the root element's start (XML). */
  private static String withoutHeader(String text, Layout layout) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int drop = 0;
    if (layout == Layout.XML) {
      while (drop < lines.size() - 1
          && (lines.get(drop).contains("<?") || lines.get(drop).contains("<!"))) {
        drop++;
      }
    }
    lines.remove(drop);
    return String.join("\n", lines);
  }

  private static String wrongType(String text, Layout layout, Random random) {
    return switch (layout) {
      case CSV -> editCsvCell(text, random, pick(WRONG_VALUES, random));
      case JSON, JSON_LINES -> replaceGroup(text, JSON_SCALAR, random, pick(WRONG_JSON, random));
      case XML ->
          replaceGroup(
              text,
              XML_ATTRIBUTE,
              2,
              random,
              pick(WRONG_VALUES, random).replace("\"", "&quot;").replace("\u0000", ""));
    };
  }

  /** A repeated record (same key, maybe other values) or a repeated field name. */
  private static String duplicateKey(String text, Layout layout, Random random) {
    boolean record = random.nextBoolean();
    return switch (layout) {
      case CSV -> {
        List<List<String>> rows = csv(text);
        if (record && rows.size() > 1) {
          List<String> copy = new ArrayList<>(rows.get(1 + random.nextInt(rows.size() - 1)));
          if (copy.size() > 1) {
            copy.set(1 + random.nextInt(copy.size() - 1), pick(WRONG_VALUES, random));
          }
          rows.add(1 + random.nextInt(rows.size()), copy);
        } else {
          List<String> header = rows.get(0);
          header.set(random.nextInt(header.size()), header.get(random.nextInt(header.size())));
        }
        yield printCsv(rows);
      }
      case JSON_LINES -> {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (record) {
          lines.add(random.nextInt(lines.size() + 1), lines.get(random.nextInt(lines.size())));
          yield String.join("\n", lines);
        }
        yield repeatJsonKey(text, random);
      }
      case JSON ->
          record ? jsonPretty(repeatRecord(readJson(text), random)) : repeatJsonKey(text, random);
      case XML -> {
        if (record) {
          List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
          List<String> rows = lines.stream().filter(l -> l.contains("<row ")).toList();
          if (!rows.isEmpty()) {
            lines.add(lines.indexOf(rows.get(0)), pick(rows, random));
          }
          yield String.join("\n", lines);
        }
        Matcher a = XML_ATTRIBUTE.matcher(text);
        yield a.find()
            ? text.substring(0, a.start()) + a.group() + a.group() + text.substring(a.end())
            : text;
      }
    };
  }

  private static String replaceTime(
      String text, Pattern times, List<String> values, Random random) {
    return replaceGroup(text, times, 0, random, pick(values, random));
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  private static String replaceGroup(String text, Pattern pattern, Random random, String value) {
    return replaceGroup(text, pattern, 1, random, value);
  }

  /** Replaces group {@code group} of one random match of {@code pattern} (none: unchanged). */
  private static String replaceGroup(
      String text, Pattern pattern, int group, Random random, String value) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(group), m.end(group)});
    }
    if (spans.isEmpty()) {
      return text;
    }
    int[] span = pick(spans, random);
    return text.substring(0, span[0]) + value + text.substring(span[1]);
  }

  private static String repeatJsonKey(String text, Random random) {
    List<int[]> keys = new ArrayList<>();
    Matcher m = JSON_KEY.matcher(text);
    while (m.find()) {
      keys.add(new int[] {m.start(1), m.end(1)});
    }
    if (keys.isEmpty()) {
      return text;
    }
    int[] key = pick(keys, random);
    String repeated = text.substring(key[0], key[1]) + pick(WRONG_JSON, random) + ",";
    return text.substring(0, key[0]) + repeated + text.substring(key[0]);
  }

  private static String editCsvCell(String text, Random random, String value) {
    List<List<String>> rows = csv(text);
    if (rows.size() < 2) {
      return text;
    }
    List<String> row = rows.get(1 + random.nextInt(rows.size() - 1));
    row.set(random.nextInt(row.size()), value);
    return printCsv(rows);
  }

  private static List<List<String>> csv(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try {
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord rec : CSVFormat.RFC4180.parse(new StringReader(body))) {
        rows.add(new ArrayList<>(rec.toList()));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String printCsv(List<List<String>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(JsonNode node) {
    return node.toString();
  }

  private static String jsonPretty(JsonNode node) {
    return node.toPrettyString();
  }

  private static JsonNode shuffleKeys(JsonNode node, Random random) {
    if (node instanceof ObjectNode object) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      object.fields().forEachRemaining(fields::add);
      Collections.shuffle(fields, random);
      ObjectNode out = JSON.createObjectNode();
      fields.forEach(f -> out.set(f.getKey(), shuffleKeys(f.getValue(), random)));
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JSON.createArrayNode();
      array.forEach(e -> out.add(shuffleKeys(e, random)));
      return out;
    }
    return node;
  }

  /** Repeats one element of the first array of objects (the records of a page or a day file). */
  private static JsonNode repeatRecord(JsonNode node, Random random) {
    ArrayNode records = firstRecordArray(node);
    if (records != null && !records.isEmpty()) {
      records.insert(
          random.nextInt(records.size() + 1),
          records.get(random.nextInt(records.size())).deepCopy());
    }
    return node;
  }

  private static ArrayNode firstRecordArray(JsonNode node) {
    if (node instanceof ArrayNode array && !array.isEmpty() && array.get(0).isObject()) {
      return array;
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      ArrayNode found = firstRecordArray(it.next());
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
