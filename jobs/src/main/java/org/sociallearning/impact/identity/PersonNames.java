package org.sociallearning.impact.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names as compared for matching: case, accents and white space ignored ({@code " Siobhán BRENNAN"}
 * equals {@code "siobhan brennan"}); order and punctuation kept, so {@code "Brennan, Siobhán"} is
 * another name: matching is exact, not fuzzy.
 */
public final class PersonNames {

  private PersonNames() {}

  /** The normalised name, or null when blank. */
  public static String normalise(String name) {
    if (name == null) {
      return null;
    }
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String n = decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    return n.isEmpty() ? null : n;
  }
}
