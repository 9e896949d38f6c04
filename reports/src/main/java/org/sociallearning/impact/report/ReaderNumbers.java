package org.sociallearning.impact.report;

import java.util.Locale;

/**
 * How numbers are written for readers in every part of the report (publish step, results ->
 * report): in the report's locale ({@code report.locale}: en, de or fr; never the server's), plain
 * ASCII minus so values paste cleanly into spreadsheets, and "n/a" instead of NaN. The locale is
 * set for the rendering of one report ({@link #in}); outside one, numbers are written as in {@code
 * en}.
 */
final class ReaderNumbers {

  static final String NOT_AVAILABLE = "n/a";

  /** The locales the report writes numbers for. */
  static final java.util.List<String> LOCALES = java.util.List.of("en", "de", "fr");

  private static final ThreadLocal<Locale> CURRENT = ThreadLocal.withInitial(() -> Locale.ENGLISH);

  private ReaderNumbers() {}

  /** The locale numbers are written in now. */
  static Locale locale() {
    return CURRENT.get();
  }

  /** Renders with numbers written for {@code tag} (one of {@link #LOCALES}; else as en). */
  static <T> T in(String tag, java.util.function.Supplier<T> render) {
    Locale previous = CURRENT.get();
    CURRENT.set(tag != null && LOCALES.contains(tag) ? Locale.forLanguageTag(tag) : Locale.ENGLISH);
    try {
      return render.get();
    } finally {
      CURRENT.set(previous);
    }
  }

  /** Thousands separators: 1,204,331. */
  static String count(long n) {
    return String.format(locale(), "%,d", n);
  }

  /** One decimal; -0.04 rounds to "0.0", not "-0.0", which reads like a real negative. */
  static String oneDecimal(double value) {
    return decimals(value, 1);
  }

  static String decimals(double value, int places) {
    if (!Double.isFinite(value)) {
      return NOT_AVAILABLE;
    }
    String s = String.format(locale(), "%,." + places + "f", value);
    return s.matches("-0[.,]?0*") ? s.substring(1) : s;
  }

  /** A fraction as whole percent: 0.634 -> "63%". */
  static String percent(double fraction) {
    return Double.isFinite(fraction) ? Math.round(fraction * 100) + "%" : NOT_AVAILABLE;
  }

  /** Whole units with separators: 61,523. */
  static String whole(double value) {
    return decimals(value, 0);
  }

  /** A figure in its unit: "EUR 61,523", "1,230 hours", "4.2 days", "240%", "3.4". */
  static String inUnit(double value, String unit) {
    if (!Double.isFinite(value)) {
      return NOT_AVAILABLE;
    }
    if (unit == null || unit.isBlank() || unit.equals("ratio")) {
      return oneDecimal(value);
    }
    if (unit.equals("percent")) {
      return whole(value) + "%";
    }
    if (unit.startsWith("hours")) {
      return whole(value) + " hours";
    }
    if (unit.startsWith("days")) {
      return oneDecimal(value) + " days";
    }
    return unit + " " + whole(value);
  }

  /** "a to b" with the smaller bound first. */
  static String range(double a, double b, String unit) {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      return NOT_AVAILABLE;
    }
    return inUnit(Math.min(a, b), unit) + " to " + inUnit(Math.max(a, b), unit);
  }

  /** A p-value as readers meet it: two decimals, or "below 0.001". */
  static String pValue(double p) {
    if (!Double.isFinite(p)) {
      return NOT_AVAILABLE;
    }
    return p < 0.001
        ? "below " + String.format(locale(), "%.3f", 0.001)
        : String.format(locale(), "%.3f", p);
  }
}
