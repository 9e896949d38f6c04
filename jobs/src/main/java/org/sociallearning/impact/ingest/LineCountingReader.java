package org.sociallearning.impact.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Remembers where line breaks are so that a parser's character position can be turned into a
 * 1-based line number. Positions must be asked for in increasing order; memory stays bounded by the
 * parser's read-ahead. It also bounds the characters one record may take: a hostile or broken file
 * (an unterminated quote before gigabytes of text) fails with a clear error instead of exhausting
 * memory.
 */
final class LineCountingReader extends FilterReader {

  /** Characters a single record may span, read-ahead included: far above any real export row. */
  static final long MAX_RECORD_CHARS = 8L * 1024 * 1024;

  private final ArrayDeque<Long> pendingBreaks = new ArrayDeque<>();
  private final long maxRecordChars;
  private long charsRead;
  private long linesBefore;
  private long recordStart;

  LineCountingReader(Reader in) {
    this(in, MAX_RECORD_CHARS);
  }

  LineCountingReader(Reader in, long maxRecordChars) {
    super(in);
    this.maxRecordChars = maxRecordChars;
  }

  /** The parser is about to read the next record: the per-record budget starts again. */
  void startRecord() {
    recordStart = charsRead;
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

  private void note(char c) throws IOException {
    if (c == '\n') {
      pendingBreaks.add(charsRead);
    }
    charsRead++;
    if (charsRead - recordStart > maxRecordChars) {
      throw new IOException(
          "a record runs over "
              + maxRecordChars
              + " characters (an"
              + " unterminated quote, or not a CSV export)");
    }
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
