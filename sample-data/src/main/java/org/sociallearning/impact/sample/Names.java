package org.sociallearning.impact.sample;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/** Fictional name pools and the rules that turn a name into an e-mail address or a chat handle. */
final class Names {

  static final String[] FIRST = {
    "José", "Jane", "Priya", "Aisling", "Liam", "Mei", "Søren", "Zoë", "François", "Ana",
    "Raj", "Chloé", "Björn", "Fatima", "Kenji", "Olga", "Mateo", "Siobhán", "Noah", "Emma",
    "Lukas", "Inês", "Arjun", "Sarah", "David", "Maria", "Tomás", "Hannah", "Ravi", "Elena",
    "Daniel", "Grace", "Yusuf", "Anika", "Conor", "Lena", "Marco", "Nadia", "Oliver", "Sofia"
  };

  static final String[] LAST = {
    "Müller", "Smith", "O'Brien", "García", "Nguyen", "Kowalski", "Patel", "Okafor", "Schmidt",
        "Fernández",
    "Dubois", "Rossi", "Andersson", "Kim", "Sharma", "Murphy", "Walsh", "Weber", "Novák", "Yılmaz",
    "Costa", "Byrne", "Iyer", "Jensen", "Ó Súilleabháin", "D'Angelo", "Schäfer", "Lopez", "Brennan",
        "Chen",
    "Fischer", "Reddy", "Hoffmann", "Martin", "Kelly", "Singh", "Wagner", "Moreau", "Lindqvist",
        "Taylor"
  };

  static final String[] SUFFIX = {"Jr.", "Sr.", "III"};
  static final String[] NICKNAME = {"Bobby", "DJ", "Tess", "Sunny", "Mac"};

  private Names() {}

  static String pick(SplittableRandom rng, String[] pool) {
    return pool[rng.nextInt(pool.length)];
  }

  /**
   * "José" -> "jose", "O'Brien" -> "obrien", "Ó Súilleabháin" -> "osuilleabhain", "Yılmaz" ->
   * "yilmaz".
   */
  static String ascii(String s) {
    String t =
        s.replace("ß", "ss")
            .replace("ı", "i")
            .replace("ø", "o")
            .replace("Ø", "O")
            .replace("æ", "ae")
            .replace("Æ", "AE")
            .replace("ł", "l")
            .replace("Ł", "L");
    t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return t.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }

  /**
   * Case variants seen in real exports: "Jose.Muller@Example.com", "JOSE.MULLER@EXAMPLE.COM", ...
   */
  static String caseVariant(String email, int variant) {
    int at = email.indexOf('@');
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    switch (variant) {
      case 0:
        return email;
      case 1:
        return titleParts(local) + "@" + domain;
      case 2:
        return titleParts(local) + "@" + titleParts(domain);
      case 3:
        return email.toUpperCase(Locale.ROOT);
      default:
        return local + "@" + titleParts(domain);
    }
  }

  private static String titleParts(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean up = true;
    for (char c : s.toCharArray()) {
      b.append(up ? Character.toUpperCase(c) : c);
      up = c == '.' || c == '-';
    }
    return b.toString();
  }
}
