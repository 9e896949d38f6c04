package org.sociallearning.impact.ingest;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.sociallearning.impact.schemas.RowChecks;

/**
 * Work logged on a ticket, as exports write it, turned into hours. A value that cannot be read is a
 * problem naming the export's field and the shapes it accepts, never a silent null.
 */
public final class WorkDurations {

  static final double SECONDS_PER_HOUR = 3600.0;

  /** The shapes a ServiceNow duration is accepted in, as problem reasons name them. */
  static final String SERVICENOW_SHAPES =
      "a duration like '2 Hours 30 Minutes',"
          + " '1 Day 2 Hours', '45 Seconds', '1970-01-01 02:30:00' or '1 02:30:00'";

  private WorkDurations() {}

  /**
   * Whole seconds (Jira Time Spent, the Zendesk Time Tracking app's field) as hours. A minus sign
   * is kept, so the contract's minimum quarantines a negative value by name.
   */
  public static FieldParsers.Parsed seconds(String field, Column raw) {
    Column text = trim(raw);
    Column seconds = when(text.rlike("^-?[0-9]{1,18}$"), text.try_cast(DataTypes.LongType));
    return checked(
        field, raw, seconds.divide(lit(SECONDS_PER_HOUR)), "not a whole number of seconds");
  }

  /**
   * A ServiceNow duration field (time_worked) as hours. A list export gives the display value
   * ({@code 2 Hours 30 Minutes}, {@code 1 Day}, {@code 45 Seconds}); an export of raw values gives
   * the date-time the duration stores, counted from 1970-01-01 00:00:00 UTC ({@code 1970-01-01
   * 02:30:00}); the duration value form is {@code d HH:mm:ss}.
   */
  public static FieldParsers.Parsed serviceNow(String field, Column raw) {
    Column seconds = udf(new ServiceNowDuration(), DataTypes.LongType).apply(raw);
    return checked(field, raw, seconds.divide(lit(SECONDS_PER_HOUR)), "not " + SERVICENOW_SHAPES);
  }

  private static FieldParsers.Parsed checked(String field, Column raw, Column hours, String rule) {
    Column present = raw.isNotNull().and(trim(raw).notEqual(""));
    Column problem = when(present.and(hours.isNull()), RowChecks.problem(field + ": " + rule, raw));
    return new FieldParsers.Parsed(when(present, hours), problem);
  }

  /** Seconds of one ServiceNow duration value; null when it is none of the known shapes. */
  static final class ServiceNowDuration implements UDF1<String, Long> {
    private static final Pattern RAW = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final DateTimeFormatter RAW_FORMAT =
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DURATION_VALUE =
        Pattern.compile("(?:(\\d{1,9}) )?(\\d{1,2}):([0-5]\\d):([0-5]\\d)");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}");

    /** Display units, largest first: a display value names each at most once, in this order. */
    private static final List<String> UNITS = List.of("day", "hour", "minute", "second");

    private static final long[] UNIT_SECONDS = {86_400, 3_600, 60, 1};

    @Override
    public Long call(String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      String text = value.strip();
      if (RAW.matcher(text).matches()) {
        try {
          return LocalDateTime.parse(text, RAW_FORMAT).toEpochSecond(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
          return null;
        }
      }
      Matcher m = DURATION_VALUE.matcher(text);
      if (m.matches()) {
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        return days * 86_400
            + Long.parseLong(m.group(2)) * 3_600
            + Long.parseLong(m.group(3)) * 60
            + Long.parseLong(m.group(4));
      }
      return displayValue(text.split("\\s+"));
    }

    /** {@code 1 Day 2 Hours}: pairs of an amount and a unit, singular or plural, largest first. */
    private static Long displayValue(String[] words) {
      if (words.length % 2 != 0) {
        return null;
      }
      long total = 0;
      int previous = -1;
      for (int i = 0; i < words.length; i += 2) {
        String unit = words[i + 1].toLowerCase(Locale.ROOT);
        int index = UNITS.indexOf(unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
        if (!AMOUNT.matcher(words[i]).matches() || index <= previous) {
          return null;
        }
        total += Long.parseLong(words[i]) * UNIT_SECONDS[index];
        previous = index;
      }
      return total;
    }
  }
}
