package org.sociallearning.impact.knowledge;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Knowledge flow between departments (the published {@code knowledge_flow_departments}): for each
 * pair, the questions of one department first answered by someone of the other, with the distinct
 * helpers and askers behind them. A pair with fewer than the minimum group size of either keeps its
 * names and nothing else.
 */
public final class KnowledgeFlowDepartments {

  private KnowledgeFlowDepartments() {}

  /**
   * @param threads {@link QuestionThreads#of} rows
   */
  public static Dataset<Row> of(Dataset<Row> threads, int minGroupSize) {
    if (minGroupSize < 1) {
      throw new IllegalArgumentException("minGroupSize is " + minGroupSize + "; expected >= 1");
    }
    Dataset<Row> pairs =
        threads
            .filter(
                col("answered")
                    .and(col("asker_department").isNotNull())
                    .and(col("answerer_department").isNotNull()))
            .groupBy(
                col("answerer_department").as("from_department"),
                col("asker_department").as("to_department"))
            .agg(
                count(lit(1)).as("questions_answered"),
                count_distinct(col("answerer_person")).as("helpers"),
                count_distinct(col("asker_person")).as("askers"));
    Column suppressed =
        col("helpers").lt(minGroupSize).or(col("askers").lt(minGroupSize)).as("suppressed");
    Dataset<Row> flagged = pairs.withColumn("suppressed", suppressed);
    return flagged.select(
        col("from_department"),
        col("to_department"),
        when(col("suppressed").equalTo(false), col("questions_answered")).as("questions_answered"),
        when(col("suppressed").equalTo(false), col("helpers")).as("helpers"),
        when(col("suppressed").equalTo(false), col("askers")).as("askers"),
        col("suppressed"));
  }
}
