package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Time spent per sales stage from opportunity_history: where each opportunity entered a stage and
 * when it moved on. Changes that keep the stage (a new amount or close date) do not start a new
 * visit. Feeds the published stage_durations table.
 */
public final class StageDurations {

  private static final double SECONDS_PER_DAY = 86_400.0;

  private StageDurations() {}

  /**
   * Needs {@code opportunity_id, stage, changed_at, history_id} (changes from {@code cutoff} on are
   * ignored); returns one row per visit: {@code opportunity_id, stage, entered_at, left_at, days},
   * with left_at and days null while the opportunity is still in the stage.
   */
  public static Dataset<Row> visits(Dataset<Row> history, Timestamp cutoff) {
    WindowSpec inOrder =
        Window.partitionBy("opportunity_id").orderBy(col("changed_at"), col("history_id"));
    Column previousStage = lag(col("stage"), 1).over(inOrder);
    Dataset<Row> entries =
        history
            .filter(col("changed_at").lt(lit(cutoff)))
            .withColumn(
                "entered", previousStage.isNull().or(not(previousStage.equalTo(col("stage")))))
            .filter(col("entered"));
    Column leftAt = lead(col("changed_at"), 1).over(inOrder);
    return entries
        .select(
            col("opportunity_id"),
            col("stage"),
            col("changed_at").as("entered_at"),
            leftAt.as("left_at"))
        .withColumn(
            "days",
            unix_timestamp(col("left_at"))
                .minus(unix_timestamp(col("entered_at")))
                .divide(SECONDS_PER_DAY));
  }

  /**
   * Per stage: finished and open visits, median and mean days of the finished ones; durations of
   * stages with fewer than {@code minGroupSize} finished visits are suppressed.
   */
  public static Dataset<Row> summary(Dataset<Row> visits, int minGroupSize) {
    Column finished = col("left_at").isNotNull();
    Dataset<Row> perStage =
        visits
            .groupBy("stage")
            .agg(
                sum(when(finished, 1L).otherwise(0L)).as("finished_visits"),
                sum(when(finished, 0L).otherwise(1L)).as("open_visits"),
                percentile(col("days"), lit(0.5)).as("median_days"),
                avg(col("days")).as("mean_days"),
                count(lit(1)).as("_all"));
    Column suppressed = col("finished_visits").lt(minGroupSize);
    return perStage.select(
        col("stage"),
        col("finished_visits"),
        col("open_visits"),
        when(not(suppressed), col("median_days")).as("median_days"),
        when(not(suppressed), col("mean_days")).as("mean_days"),
        suppressed.as("suppressed"));
  }
}
