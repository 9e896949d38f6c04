package org.sociallearning.impact.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Opens export files as UTF-8 text, skipping a byte-order mark and replacing invalid bytes. */
final class TextDecoding {

  private TextDecoding() {}

  static Reader utf8WithoutBom(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(3);
    byte[] head = in.readNBytes(3);
    boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF;
    if (!bom) {
      in.reset();
    }
    // Malformed bytes become U+FFFD instead of failing the whole file; the record still parses.
    return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }
}
