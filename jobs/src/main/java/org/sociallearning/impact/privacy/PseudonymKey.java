package org.sociallearning.impact.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Where the pseudonym key comes from: the environment variable {@code IMPACT_PSEUDONYM_KEY} (at
 * least 16 bytes), so pseudonyms stay stable across nightly runs; without it a random one-off key,
 * which the manifest and report flag because pseudonyms then change every run. The key itself is
 * never written anywhere.
 */
public record PseudonymKey(Pseudonyms pseudonyms, boolean stable) {

  public static final String ENV = "IMPACT_PSEUDONYM_KEY";

  /**
   * The key file named by {@code privacy.pseudonym_key_file} (surrounding white space, such as a
   * final newline, ignored), else the environment variable, else a one-off key.
   */
  public static PseudonymKey of(org.sociallearning.impact.config.PipelineConfig config) {
    String file = config.privacy().pseudonymKeyFile();
    if (file == null) {
      return fromEnvironment();
    }
    Path path = config.resolve(file);
    byte[] key;
    try {
      key = Files.readString(path, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "cannot read the pseudonym key file " + path + ": " + e.getMessage(), e);
    }
    if (key.length < Pseudonyms.MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the pseudonym key file "
              + path
              + " must hold at least "
              + Pseudonyms.MIN_KEY_BYTES
              + " bytes");
    }
    return new PseudonymKey(new Pseudonyms(key), true);
  }

  public static PseudonymKey fromEnvironment() {
    String configured = System.getenv(ENV);
    if (configured != null && !configured.isBlank()) {
      byte[] key = configured.getBytes(StandardCharsets.UTF_8);
      if (key.length < Pseudonyms.MIN_KEY_BYTES) {
        throw new IllegalArgumentException(
            ENV + " must be at least " + Pseudonyms.MIN_KEY_BYTES + " bytes long");
      }
      return new PseudonymKey(new Pseudonyms(key), true);
    }
    byte[] oneOff = new byte[32];
    new SecureRandom().nextBytes(oneOff);
    return new PseudonymKey(new Pseudonyms(oneOff), false);
  }
}
