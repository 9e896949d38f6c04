package org.sociallearning.impact.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * The frames a run keeps because later stages read them again, released together when the run ends,
 * however it ends: a second run in the same Spark session starts from a clean slate.
 *
 * <p>A kept frame is computed at once and stored on the executors (memory, spilling to disk), and
 * its plan is cut there: what later stages build on it starts from the stored rows, not from the
 * whole chain of reads, joins and windows behind them. Without the cut, every later query
 * re-analyses and re-optimises that chain, which on a small company took longer than the work.
 */
public final class FrameCache implements AutoCloseable {

  private final List<RDD<?>> kept = new ArrayList<>();

  /** Computes and stores the frame until the run ends; returns a frame reading the stored rows. */
  public Dataset<Row> keep(Dataset<Row> frame) {
    Dataset<Row> stored = frame.localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());
    LogicalPlan plan = stored.queryExecution().logical();
    if (plan instanceof LogicalRDD rdd) {
      kept.add(rdd.rdd());
    }
    return stored;
  }

  @Override
  public void close() {
    kept.forEach(rdd -> rdd.unpersist(false));
    kept.clear();
  }
}
