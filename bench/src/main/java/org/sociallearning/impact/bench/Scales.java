package org.sociallearning.impact.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Parses and names benchmark scales ({@code 0,0.1,1,5}). */
final class Scales {

  private Scales() {}

  static List<Double> parse(String list) {
    List<Double> scales = new ArrayList<>();
    for (String part : list.split(",")) {
      double s;
      try {
        s = Double.parseDouble(part.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--scales takes numbers separated by commas, e.g."
                + " 0,0.1,1; '"
                + part.strip()
                + "' is not a number");
      }
      if (!(s >= 0) || s > 1000) {
        throw new IllegalArgumentException("a scale must be between 0 and 1000, was " + part);
      }
      if (!scales.contains(s)) {
        scales.add(s);
      }
    }
    scales.sort(Double::compare);
    return scales;
  }

  /** {@code 0.1}, {@code 1}, {@code 20}: no trailing zeros, no exponent. */
  static String label(double scale) {
    return new BigDecimal(Double.toString(scale)).stripTrailingZeros().toPlainString();
  }
}
