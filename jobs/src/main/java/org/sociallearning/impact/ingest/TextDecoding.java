package org.sociallearning.impact.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens export files as text: UTF-8 (a byte-order mark skipped), or UTF-16 when a byte-order mark
 * says so (Excel's "Unicode text", some Windows tools). Invalid bytes are replaced.
 */
final class TextDecoding {

  /** Bytes looked at to tell UTF-16 without a byte-order mark from UTF-8. */
  private static final int SNIFF = 64;

  private TextDecoding() {}

  /**
   * @throws IOException for UTF-16 without a byte-order mark: decoding it as UTF-8 would turn every
   *     header into gibberish, and guessing its byte order could read the wrong text
   */
  static Reader open(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(SNIFF);
    byte[] head = in.readNBytes(SNIFF);
    in.reset();
    Charset charset = StandardCharsets.UTF_8;
    int mark = 0;
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      mark = 3;
    } else if (startsWith(head, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      mark = 2;
    } else if (startsWith(head, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      mark = 2;
    } else if (zeroBytes(head) * 4 >= head.length && head.length >= 4) {
      throw new IOException(
          "the file looks like UTF-16 text without a byte-order mark (every"
              + " other byte is zero); save the export as UTF-8");
    }
    in.skipNBytes(mark);
    // Malformed bytes become U+FFFD instead of failing the whole file; the record still parses.
    return new InputStreamReader(
        in,
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  private static boolean startsWith(byte[] head, int... mark) {
    if (head.length < mark.length) {
      return false;
    }
    for (int i = 0; i < mark.length; i++) {
      if ((head[i] & 0xFF) != mark[i]) {
        return false;
      }
    }
    return true;
  }

  private static int zeroBytes(byte[] head) {
    int zeros = 0;
    for (byte b : head) {
      zeros += b == 0 ? 1 : 0;
    }
    return zeros;
  }
}
