package org.sociallearning.impact.publish;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Defuses spreadsheet formula injection in CSV text cells: a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a formula by Excel or
 * LibreOffice, so it gets a leading apostrophe (OWASP's advice). Only text is touched: numbers (a
 * negative effect such as -0.25) are written as numbers.
 */
public final class SpreadsheetSafe {

  static final String TRIGGERS = "=+-@\t\r";

  private SpreadsheetSafe() {}

  /** The text as a spreadsheet will show it, never as a formula. */
  public static String cell(String text) {
    if (text == null || text.isEmpty() || TRIGGERS.indexOf(text.charAt(0)) < 0) {
      return text;
    }
    return "'" + text;
  }

  /** {@link #cell} for a string column. */
  public static Column column(Column text) {
    return when(text.rlike("^[=+\\-@\\t\\r]"), concat(lit("'"), text)).otherwise(text);
  }
}
