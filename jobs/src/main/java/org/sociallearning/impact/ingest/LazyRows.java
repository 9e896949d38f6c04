package org.sociallearning.impact.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * An iterator over the records of one file that parses only as far as Spark asks, so a task never
 * holds a whole export in memory. Subclasses return the next row, or null at the end.
 */
abstract class LazyRows implements Iterator<Row> {

  private Row pending;
  private boolean finished;

  /** The next row, or null when the file has no more. */
  protected abstract Row advance();

  /** Ends the file before the first record (an empty file). */
  protected final void endOfFile() {
    finished = true;
  }

  @Override
  public final boolean hasNext() {
    if (pending == null && !finished) {
      pending = advance();
      if (pending == null) {
        finished = true;
      }
    }
    return pending != null;
  }

  @Override
  public final Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = pending;
    pending = null;
    return r;
  }
}
