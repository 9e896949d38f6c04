package org.sociallearning.impact.ingest;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.sociallearning.impact.schemas.RowChecks;

/**
 * Casts raw export strings to typed columns, pairing each with the problem it raises when a present
 * value cannot be parsed. Parsing never throws: a bad value quarantines its row.
 */
public final class FieldParsers {

  private FieldParsers() {}

  /** A typed value and the problem (null when fine) its parsing raised. */
  public record Parsed(Column value, Column problem) {}

  /** Local date-times in an export's time zone (IANA zone or offset), converted to UTC. */
  public static Parsed localTimestamp(String field, Column raw, String pattern, String zone) {
    Column local = try_to_timestamp(trim(raw), lit(pattern));
    return checked(
        field,
        raw,
        to_utc_timestamp(local, zone),
        "not a date-time like " + pattern + " (time zone " + zone + ")");
  }

  /** ISO 8601 instants with {@code Z}, {@code +01:00} or {@code +0000}, as APIs export them. */
  public static Parsed isoInstant(String field, Column raw) {
    Column normalised = regexp_replace(trim(raw), "([+-]\\d\\d)(\\d\\d)$", "$1:$2");
    Column value = normalised.try_cast(DataTypes.TimestampType);
    // A value without a zone would silently take the session zone: require one.
    Column zoned = when(normalised.rlike("(Z|[+-]\\d\\d:\\d\\d)$"), value);
    return checked(field, raw, zoned, "not an ISO 8601 date-time with a zone (Z or +hh:mm)");
  }

  public static Parsed date(String field, Column raw, String pattern) {
    return checked(
        field,
        raw,
        to_date(try_to_timestamp(trim(raw), lit(pattern))),
        "not a date like " + pattern);
  }

  public static Parsed integer(String field, Column raw) {
    return checked(field, raw, trim(raw).try_cast(DataTypes.IntegerType), "not a whole number");
  }

  public static Parsed decimal(String field, Column raw) {
    return checked(field, raw, trim(raw).try_cast(DataTypes.DoubleType), "not a number");
  }

  /** Booleans as exporters write them: true/false, 1/0, yes/no; empty is false when told so. */
  public static Parsed bool(String field, Column raw, boolean emptyIsFalse) {
    Column v = lower(trim(raw));
    Column value =
        when(v.isin("true", "1", "yes", "y", "t"), lit(true))
            .when(v.isin("false", "0", "no", "n", "f"), lit(false))
            .when(raw.isNull(), emptyIsFalse ? lit(true).equalTo(lit(false)) : lit(null));
    return checked(field, raw, value, "not a boolean (true/false or 1/0)");
  }

  /** Slack's {@code ts}: epoch seconds as a string with microseconds. */
  public static Parsed epochSeconds(String field, Column raw) {
    Column seconds = trim(raw).try_cast(new DecimalType(20, 6));
    return checked(
        field, raw, timestamp_seconds(seconds), "not epoch seconds like 1731312000.000200");
  }

  private static Parsed checked(String field, Column raw, Column value, String rule) {
    Column problem =
        when(raw.isNotNull().and(value.isNull()), RowChecks.problem(field + ": " + rule, raw));
    return new Parsed(value, problem);
  }

  /** A value parsed from a personal field: the problem shows a mask instead of the value. */
  public static Parsed masked(String field, Column raw, Column value, String rule) {
    Column problem =
        when(
            raw.isNotNull().and(value.isNull()),
            RowChecks.problem(field + ": " + rule, lit(RowChecks.MASK)));
    return new Parsed(value, problem);
  }
}
