package org.sociallearning.impact.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The frames a run caches because later stages read them again, released together when the run
 * ends, however it ends: a second run in the same Spark session starts from a clean cache.
 */
public final class FrameCache implements AutoCloseable {

  private final List<Dataset<Row>> kept = new ArrayList<>();

  /** Caches the frame (memory, spilling to disk) until the run ends. */
  public Dataset<Row> keep(Dataset<Row> frame) {
    Dataset<Row> cached = frame.persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(cached);
    return cached;
  }

  @Override
  public void close() {
    kept.forEach(Dataset::unpersist);
    kept.clear();
  }
}
