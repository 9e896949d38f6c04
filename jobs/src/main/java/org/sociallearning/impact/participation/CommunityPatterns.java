package org.sociallearning.impact.participation;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the configured community globs ({@code ask-*}, {@code cop-?}) into one regular expression.
 */
public final class CommunityPatterns {

  private CommunityPatterns() {}

  public static String regex(List<String> globs) {
    return globs.stream()
        .map(CommunityPatterns::globToRegex)
        .collect(Collectors.joining("|", "^(?:", ")$"));
  }

  static String globToRegex(String glob) {
    StringBuilder out = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          out.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        out.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      out.append(Pattern.quote(literal.toString()));
    }
    return out.toString();
  }
}
