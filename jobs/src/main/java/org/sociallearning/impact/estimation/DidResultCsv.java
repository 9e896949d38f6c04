package org.sociallearning.impact.estimation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link DidResult} as the two CSV files of the publish step: {@code att_gt.csv} ({@code
 * group,time,att,se,ci_low,ci_high,band_low,band_high}) and {@code aggregates.csv} ({@code
 * aggregation,key,att,se,ci_low,ci_high,p_value,band_low,band_high}; columns are only ever
 * appended, so readers by position keep working). {@code band_*} is the simultaneous band ({@link
 * SimultaneousBand}) over the group-time effects, and over the event study for the {@code dynamic}
 * points; NaN for the other aggregates, which no band covers. Numbers use {@link Double#toString},
 * the shortest text that reads back to the same double; not-estimated values are {@code NaN}.
 */
public final class DidResultCsv {

  public static final String GROUP_TIME_FILE = "att_gt.csv";
  public static final String AGGREGATES_FILE = "aggregates.csv";
  static final String[] GROUP_TIME_HEADER = {
    "group", "time", "att", "se", "ci_low", "ci_high", "band_low", "band_high"
  };
  static final String[] AGGREGATES_HEADER = {
    "aggregation", "key", "att", "se", "ci_low", "ci_high", "p_value", "band_low", "band_high"
  };

  private DidResultCsv() {}

  /** Writes both files into {@code directory}, creating it if needed. */
  public static void write(DidResult result, Path directory) throws IOException {
    Files.createDirectories(directory);
    writeGroupTime(result.groupTime(), result.groupTimeBand(), directory.resolve(GROUP_TIME_FILE));
    writeAggregates(
        result.aggregates(), result.eventStudyBand(), directory.resolve(AGGREGATES_FILE));
  }

  static void writeGroupTime(List<GroupTimeEffect> effects, SimultaneousBand band, Path file)
      throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = format(GROUP_TIME_HEADER).print(writer)) {
      for (GroupTimeEffect e : effects) {
        csv.printRecord(
            e.group(),
            e.time(),
            number(e.att()),
            number(e.se()),
            number(e.ciLow()),
            number(e.ciHigh()),
            number(band.low(e)),
            number(band.high(e)));
      }
    }
  }

  static void writeAggregates(
      List<AggregateEffect> effects, SimultaneousBand eventStudyBand, Path file)
      throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = format(AGGREGATES_HEADER).print(writer)) {
      for (AggregateEffect e : effects) {
        SimultaneousBand band =
            AggregateEffect.DYNAMIC.equals(e.aggregation()) && !e.isOverall()
                ? eventStudyBand
                : SimultaneousBand.NONE;
        csv.printRecord(
            e.aggregation(),
            e.key(),
            number(e.att()),
            number(e.se()),
            number(e.ciLow()),
            number(e.ciHigh()),
            number(e.pValue()),
            number(band.low(e)),
            number(band.high(e)));
      }
    }
  }

  private static CSVFormat format(String[] header) {
    return CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get();
  }

  private static String number(double value) {
    return Double.toString(value);
  }
}
