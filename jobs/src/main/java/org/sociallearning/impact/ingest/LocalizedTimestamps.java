package org.sociallearning.impact.ingest;

import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.sociallearning.impact.schemas.RowChecks;

/**
 * Local date-times written the way a user's locale writes them ({@code 02/Mär/24 3:04 PM}, {@code
 * 14. Jan. 2025 09:30}), converted to UTC. Spark's own patterns know English month names only, so
 * this parses with java.time in the configured locale. Month names are matched in full or
 * abbreviated, with or without a trailing dot, ignoring case, because exporters (Jira, HubSpot) and
 * Java versions disagree on abbreviations such as "Mär" and "März".
 */
public final class LocalizedTimestamps {

  private LocalizedTimestamps() {}

  /**
   * @param patterns tried in order; a pattern without time fields reads a date at midnight
   * @param zone IANA zone or offset the values are in
   */
  public static FieldParsers.Parsed parse(
      String field, Column raw, List<String> patterns, Locale locale, String zone) {
    UserDefinedFunction parser =
        udf(new Parser(patterns, locale.toLanguageTag(), zone), DataTypes.TimestampType);
    Column value = parser.apply(raw);
    Column problem =
        when(
            raw.isNotNull().and(value.isNull()),
            RowChecks.problem(
                field
                    + ": not a date-time like "
                    + String.join(" or ", patterns)
                    + " ("
                    + locale.toLanguageTag()
                    + ", time zone "
                    + zone
                    + ")",
                raw));
    return new FieldParsers.Parsed(value, problem);
  }

  /** The parsing function; java.time formatters are not serialisable, so built per executor. */
  static final class Parser implements UDF1<String, Timestamp> {
    private static final Pattern WORD = Pattern.compile("\\p{L}+\\.?");
    private final List<String> patterns;
    private final String languageTag;
    private final String zone;
    private transient List<DateTimeFormatter> formatters;
    private transient Map<String, Integer> months;

    Parser(List<String> patterns, String languageTag, String zone) {
      this.patterns = List.copyOf(patterns);
      this.languageTag = languageTag;
      this.zone = zone;
    }

    @Override
    public Timestamp call(String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      if (formatters == null) {
        init();
      }
      String numericMonth = withNumericMonth(value.strip());
      for (int i = 0; i < formatters.size(); i++) {
        String text = patterns.get(i).contains("MMM") ? numericMonth : value.strip();
        if (text == null) {
          continue;
        }
        try {
          TemporalAccessor t = formatters.get(i).parse(text);
          LocalDateTime local =
              t.isSupported(ChronoField.HOUR_OF_DAY)
                  ? LocalDateTime.from(t)
                  : LocalDate.from(t).atStartOfDay();
          return Timestamp.from(local.atZone(ZoneId.of(zone)).toInstant());
        } catch (java.time.DateTimeException e) {
          // try the next pattern
        }
      }
      return null;
    }

    private void init() {
      Locale locale = Locale.forLanguageTag(languageTag);
      List<DateTimeFormatter> out = new ArrayList<>();
      for (String p : patterns) {
        // Text months are replaced by their number before parsing (see withNumericMonth).
        String pattern = p.replace("MMMM", "MM").replace("MMM", "MM");
        out.add(
            new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(locale));
      }
      formatters = out;
      months = monthNames(locale);
    }

    /** The value with its first month name replaced by the month's two-digit number. */
    private String withNumericMonth(String value) {
      Matcher m = WORD.matcher(value);
      while (m.find()) {
        Integer month = months.get(m.group().toLowerCase(Locale.ROOT));
        if (month == null) {
          month = months.get(m.group().replace(".", "").toLowerCase(Locale.ROOT));
        }
        if (month != null) {
          return value.substring(0, m.start())
              + String.format("%02d", month)
              + value.substring(m.end());
        }
      }
      return null;
    }

    static Map<String, Integer> monthNames(Locale locale) {
      Map<String, Integer> out = new HashMap<>();
      for (Month month : Month.values()) {
        for (TextStyle style : TextStyle.values()) {
          if (style == TextStyle.NARROW || style == TextStyle.NARROW_STANDALONE) {
            continue;
          }
          String name = month.getDisplayName(style, locale).toLowerCase(Locale.ROOT);
          out.putIfAbsent(name, month.getValue());
          out.putIfAbsent(name.replace(".", ""), month.getValue());
          String full = month.getDisplayName(TextStyle.FULL, locale).toLowerCase(Locale.ROOT);
          out.putIfAbsent(full.substring(0, Math.min(3, full.length())), month.getValue());
        }
      }
      return out;
    }
  }
}
