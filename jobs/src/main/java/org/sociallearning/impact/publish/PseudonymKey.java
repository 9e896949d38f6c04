package org.sociallearning.impact.publish;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.sociallearning.impact.knowledge.Pseudonyms;

/**
 * Where the pseudonym key comes from: the environment variable {@code IMPACT_PSEUDONYM_KEY}
 * (at least 16 bytes), so pseudonyms stay stable across nightly runs; without it a random
 * one-off key, which the manifest and report flag because pseudonyms then change every run.
 * The key itself is never written anywhere.
 */
public record PseudonymKey(Pseudonyms pseudonyms, boolean stable) {

  public static final String ENV = "IMPACT_PSEUDONYM_KEY";

  public static PseudonymKey fromEnvironment() {
    String configured = System.getenv(ENV);
    if (configured != null && !configured.isBlank()) {
      byte[] key = configured.getBytes(StandardCharsets.UTF_8);
      if (key.length < Pseudonyms.MIN_KEY_BYTES) {
        throw new IllegalArgumentException(ENV + " must be at least " + Pseudonyms.MIN_KEY_BYTES
            + " bytes long");
      }
      return new PseudonymKey(new Pseudonyms(key), true);
    }
    byte[] oneOff = new byte[32];
    new SecureRandom().nextBytes(oneOff);
    return new PseudonymKey(new Pseudonyms(oneOff), false);
  }
}
