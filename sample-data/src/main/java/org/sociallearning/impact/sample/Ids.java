package org.sociallearning.impact.sample;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;

/** Identifier formats of the exporting systems. */
final class Ids {

  private static final String SLACK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String SF_CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private final SplittableRandom rng;
  private final Set<String> issued = new TreeSet<>();

  Ids(SplittableRandom rng) {
    this.rng = rng;
  }

  /**
   * Slack-style id: prefix (U, C, T, B) + "0" + 9 upper-case alphanumerics, unique within this
   * generator.
   */
  String slack(char prefix) {
    while (true) {
      StringBuilder b = new StringBuilder(11).append(prefix).append('0');
      for (int i = 0; i < 9; i++) {
        b.append(SLACK_ALPHABET.charAt(rng.nextInt(SLACK_ALPHABET.length())));
      }
      String id = b.toString();
      if (issued.add(id)) {
        return id;
      }
    }
  }

  /** Random (version 4) UUID drawn from the seeded generator. */
  static UUID uuid(SplittableRandom rng) {
    long msb = (rng.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    long lsb = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /**
   * Sequential 18-character Salesforce ids: key prefix (3) + pod "5g" + "0" + 9 base-62 digits,
   * then the real 3-character case-safe checksum. Ids issued later sort after earlier ones (ASCII
   * order = base-62 order).
   */
  static final class SalesforceIds {
    private final String prefix;
    private long next;

    SalesforceIds(String keyPrefix, long first) {
      this.prefix = keyPrefix + "5g0";
      this.next = first;
    }

    String next() {
      long n = next++;
      char[] digits = new char[9];
      for (int i = 8; i >= 0; i--) {
        digits[i] = BASE62.charAt((int) (n % 62));
        n /= 62;
      }
      return withChecksum(prefix + new String(digits));
    }

    static String withChecksum(String id15) {
      StringBuilder b = new StringBuilder(id15);
      for (int chunk = 0; chunk < 3; chunk++) {
        int flags = 0;
        for (int j = 0; j < 5; j++) {
          char c = id15.charAt(chunk * 5 + j);
          if (c >= 'A' && c <= 'Z') {
            flags |= 1 << j;
          }
        }
        b.append(SF_CHECKSUM.charAt(flags));
      }
      return b.toString();
    }
  }
}
