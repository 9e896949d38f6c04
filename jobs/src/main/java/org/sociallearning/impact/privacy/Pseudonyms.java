package org.sociallearning.impact.privacy;

import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Keyed pseudonyms for people named in published knowledge tables (top helpers): "p_" plus the
 * first 16 hex characters (64 bits) of HMAC-SHA256(key, value). The same key gives the same
 * pseudonym run after run, so a helper can be followed over time; without the key a pseudonym
 * cannot be recomputed from a guessed employee id, which a plain hash would allow.
 */
public final class Pseudonyms implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";

  /** HMAC keys shorter than this are guessable; RFC 2104 recommends at least the output size. */
  public static final int MIN_KEY_BYTES = 16;

  private final byte[] key;

  /**
   * @param key secret key bytes (at least {@value #MIN_KEY_BYTES}); copied, never logged
   */
  public Pseudonyms(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "pseudonym key has "
              + (key == null ? 0 : key.length)
              + " bytes; expected at least "
              + MIN_KEY_BYTES);
    }
    this.key = key.clone();
  }

  /** The pseudonym of a value, or null for null. */
  public String of(String value) {
    if (value == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return "p_" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
    }
  }

  /**
   * Pseudonyms of their own for one published table: the key is HMAC-SHA256(key, "table:" + table),
   * so the same person has another pseudonym there than in every other table, and the two tables
   * cannot be joined on it. Stable across runs like the key itself.
   */
  public Pseudonyms forTable(String table) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return new Pseudonyms(mac.doFinal(("table:" + table).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
    }
  }

  /** A column of pseudonyms of a string column (null stays null). */
  public Column column(Column value) {
    UDF1<String, String> pseudonym = this::of;
    return udf(pseudonym, DataTypes.StringType).apply(value);
  }

  @Override
  public String toString() {
    return "Pseudonyms[HMAC-SHA256, key hidden]";
  }
}
