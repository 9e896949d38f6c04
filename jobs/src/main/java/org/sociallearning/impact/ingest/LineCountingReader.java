package org.sociallearning.impact.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Remembers where line breaks are so that a parser's character position can be turned into a
 * 1-based line number. Positions must be asked for in increasing order; memory stays bounded by
 * the parser's read-ahead.
 */
final class LineCountingReader extends FilterReader {

  private final ArrayDeque<Long> pendingBreaks = new ArrayDeque<>();
  private long charsRead;
  private long linesBefore;

  LineCountingReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      note((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    for (int i = 0; i < n; i++) {
      note(buf[off + i]);
    }
    return n;
  }

  private void note(char c) {
    if (c == '\n') {
      pendingBreaks.add(charsRead);
    }
    charsRead++;
  }

  /** The 1-based line that holds the character at {@code position}. */
  long lineAt(long position) {
    while (!pendingBreaks.isEmpty() && pendingBreaks.peekFirst() < position) {
      pendingBreaks.pollFirst();
      linesBefore++;
    }
    return linesBefore + 1;
  }
}
