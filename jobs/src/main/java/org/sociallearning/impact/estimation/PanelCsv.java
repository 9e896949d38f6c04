package org.sociallearning.impact.estimation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a long-format outcome panel (one row per unit and period, with a header row) into a {@link
 * Panel} for the estimation step.
 *
 * <p>Column names are the caller's; R-style quoted headers such as {@code "first.treat"} work. Time
 * and group must be whole numbers (group 0 = never treated, constant within a unit); the outcome
 * may be empty, {@code NA}, {@code NaN}, {@code null} or {@code .} for "not observed". Periods
 * missing for a unit simply stay unobserved. Problems are reported as {@link
 * IllegalArgumentException}s naming the file, the line and the column.
 */
public final class PanelCsv {

  private static final Set<String> MISSING = Set.of("", "na", "nan", "null", ".");

  /** Which header names hold the unit id, the period, the first treated period and the outcome. */
  public record Columns(String id, String time, String group, String outcome) {
    public Columns {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  private PanelCsv() {}

  public static Panel read(Path file, Columns columns) {
    return parse(
        file,
        parser -> new Reading(file, columns, parser.getHeaderNames()).consume(parser).toPanel());
  }

  /**
   * Runs {@code reading} over the file's records (header row skipped), with the file named in every
   * error; shared with {@link CovariateCsv}.
   */
  static <T> T parse(Path file, java.util.function.Function<CSVParser, T> reading) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "panel file " + file + " not found (or not a regular file)");
    }
    try (Reader reader =
            withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(reader)) {
      return reading.apply(parser);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read panel file " + file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      // commons-csv wraps malformed quoting in UncheckedIOException; it is a data problem.
      throw new IllegalArgumentException(
          "panel file " + file + " is not valid CSV: " + e.getMessage(), e);
    }
  }

  public static Panel read(Path file, String id, String time, String group, String outcome) {
    return read(file, new Columns(id, time, group, outcome));
  }

  static boolean isMissing(String text) {
    return MISSING.contains(text.toLowerCase(Locale.ROOT));
  }

  private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }

  /** Growable row store of one pass over the file. */
  private static final class Reading {
    private final Path file;
    private final Columns columns;
    private final Map<String, Integer> unitIndex = new LinkedHashMap<>();
    private int[] unitGroup = new int[16];
    private int[] unitGroupLine = new int[16];
    private int[] rowUnit = new int[1024];
    private int[] rowTime = new int[1024];
    private double[] rowValue = new double[1024];
    private int[] rowLine = new int[1024];
    private int rows;

    Reading(Path file, Columns columns, List<String> header) {
      this.file = file;
      this.columns = columns;
      for (String name :
          List.of(columns.id(), columns.time(), columns.group(), columns.outcome())) {
        if (!header.contains(name)) {
          throw new IllegalArgumentException(
              "panel file "
                  + file
                  + ": column '"
                  + name
                  + "' not found in the header; available columns: "
                  + String.join(", ", header));
        }
      }
    }

    Reading consume(CSVParser parser) {
      for (CSVRecord record : parser) {
        // The parser's line is where the record ends: exact for one-line records, and
        // it skips blank lines, which the record number does not.
        add(record, (int) parser.getCurrentLineNumber());
      }
      if (rows == 0) {
        throw new IllegalArgumentException("panel file " + file + " has a header but no data rows");
      }
      return this;
    }

    private void add(CSVRecord record, int line) {
      if (!record.isConsistent()) {
        throw problem(
            line,
            null,
            "has "
                + record.size()
                + " fields, the header has "
                + record.getParser().getHeaderNames().size());
      }
      String id = record.get(columns.id());
      if (id.isEmpty()) {
        throw problem(line, columns.id(), "unit id is empty");
      }
      int time = wholeNumber(record, columns.time(), line);
      int group = wholeNumber(record, columns.group(), line);
      double value = outcome(record, line);
      Integer unit = unitIndex.get(id);
      if (unit == null) {
        unit = unitIndex.size();
        unitIndex.put(id, unit);
        if (unit == unitGroup.length) {
          unitGroup = Arrays.copyOf(unitGroup, unit * 2);
          unitGroupLine = Arrays.copyOf(unitGroupLine, unit * 2);
        }
        unitGroup[unit] = group;
        unitGroupLine[unit] = line;
      } else if (unitGroup[unit] != group) {
        throw problem(
            line,
            columns.group(),
            "unit '"
                + id
                + "' has group "
                + group
                + " but had "
                + unitGroup[unit]
                + " on line "
                + unitGroupLine[unit]
                + "; the first treated period must be the same in every row of a unit");
      }
      if (rows == rowUnit.length) {
        int capacity = rows * 2;
        rowUnit = Arrays.copyOf(rowUnit, capacity);
        rowTime = Arrays.copyOf(rowTime, capacity);
        rowValue = Arrays.copyOf(rowValue, capacity);
        rowLine = Arrays.copyOf(rowLine, capacity);
      }
      rowUnit[rows] = unit;
      rowTime[rows] = time;
      rowValue[rows] = value;
      rowLine[rows] = line;
      rows++;
    }

    Panel toPanel() {
      int[] periods = Arrays.stream(rowTime, 0, rows).distinct().sorted().toArray();
      int units = unitIndex.size();
      double[][] outcome = new double[units][periods.length];
      for (double[] row : outcome) {
        Arrays.fill(row, Double.NaN);
      }
      int[] lineOfCell = new int[units * periods.length];
      String[] ids = unitIndex.keySet().toArray(new String[0]);
      for (int r = 0; r < rows; r++) {
        int p = Arrays.binarySearch(periods, rowTime[r]);
        int cell = rowUnit[r] * periods.length + p;
        if (lineOfCell[cell] != 0) {
          throw problem(
              rowLine[r],
              columns.time(),
              "duplicate row for id '"
                  + ids[rowUnit[r]]
                  + "' and time "
                  + rowTime[r]
                  + " (first seen on line "
                  + lineOfCell[cell]
                  + ")");
        }
        lineOfCell[cell] = rowLine[r];
        outcome[rowUnit[r]][p] = rowValue[r];
      }
      return new Panel(periods, Arrays.copyOf(unitGroup, units), outcome, ids);
    }

    private int wholeNumber(CSVRecord record, String column, int line) {
      String text = record.get(column);
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw problem(
            line,
            column,
            "expected a whole number, found '"
                + text
                + "'"
                + (column.equals(columns.group()) ? " (use 0 for never treated)" : ""));
      }
      if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
        throw problem(line, column, "expected a whole number, found '" + text + "'");
      }
      return (int) value;
    }

    private double outcome(CSVRecord record, int line) {
      String text = record.get(columns.outcome());
      if (isMissing(text)) {
        return Double.NaN;
      }
      try {
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
          throw problem(line, columns.outcome(), "outcome is infinite ('" + text + "')");
        }
        return value;
      } catch (NumberFormatException e) {
        throw problem(line, columns.outcome(), "expected a number or NA, found '" + text + "'");
      }
    }

    private IllegalArgumentException problem(int line, String column, String what) {
      String where =
          "panel file "
              + file
              + " line "
              + line
              + (column == null ? "" : " column '" + column + "'");
      return new IllegalArgumentException(where + ": " + what);
    }
  }
}
