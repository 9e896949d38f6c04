package org.sociallearning.impact.knowledge;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.sociallearning.impact.privacy.Pseudonyms;

/**
 * Expertise and knowledge risk: who answers in each community, and how much of the answering rests
 * on a few people. Published as {@code top_helpers} (pseudonymised) and {@code
 * knowledge_concentration}. Communities with fewer than the minimum group size of distinct helpers
 * are suppressed: with three helpers a "top helper" is a named person in all but name.
 */
public final class Expertise {

  /** The share of helpers treated as "the top" for concentration. */
  public static final double TOP_FRACTION = 0.05;

  private Expertise() {}

  /**
   * Needs answers from {@link QuestionThreads#answers}: {@code community, helper_person}. Returns
   * up to {@code topN} rows per community, {@code community, rank} (int, 1 = most answers; ties
   * broken by pseudonym), {@code helper_key} (keyed pseudonym of the helper, never an id or email),
   * {@code answers} (long), {@code answer_share} (of the community's answers) and {@code
   * suppressed} (false). A community with fewer than {@code minGroupSize} helpers gets one row with
   * community, suppressed = true and every other column null.
   */
  public static Dataset<Row> topHelpers(
      Dataset<Row> answers, Pseudonyms pseudonyms, int topN, int minGroupSize) {
    requireAtLeastOne("topN", topN);
    requireAtLeastOne("minGroupSize", minGroupSize);
    WindowSpec community = Window.partitionBy(col("community"));
    Dataset<Row> ranked =
        perHelper(answers)
            .withColumn("helper_key", pseudonyms.column(col("helper_person")))
            .withColumn("helpers", count(lit(1)).over(community))
            .withColumn("community_answers", sum(col("answers")).over(community))
            .withColumn(
                "rank",
                row_number()
                    .over(community.orderBy(col("answers").desc(), col("helper_key").asc())));
    Column suppressed = col("helpers").lt(minGroupSize);
    Dataset<Row> shown =
        ranked
            .filter(suppressed.equalTo(false).and(col("rank").leq(topN)))
            .select(
                col("community"),
                col("rank"),
                col("helper_key"),
                col("answers"),
                col("answers").divide(col("community_answers")).as("answer_share"),
                lit(false).as("suppressed"));
    Dataset<Row> hidden =
        ranked
            .filter(suppressed)
            .select(col("community"))
            .distinct()
            .select(
                col("community"),
                lit(null).cast(DataTypes.IntegerType).as("rank"),
                lit(null).cast(DataTypes.StringType).as("helper_key"),
                lit(null).cast(DataTypes.LongType).as("answers"),
                lit(null).cast(DataTypes.DoubleType).as("answer_share"),
                lit(true).as("suppressed"));
    return shown.unionByName(hidden);
  }

  /**
   * Needs answers as {@link #topHelpers}. Returns one row per community with {@code helpers}
   * (distinct people who answered), {@code answers}, {@code top_helpers} (the top 5% of helpers:
   * floor(5% of helpers), at least one), {@code top_share} (their share of the answers), {@code
   * gini} (of answers per helper, among helpers; 0 = evenly spread) and {@code suppressed}:
   * communities with fewer than {@code minGroupSize} helpers have every figure null.
   */
  public static Dataset<Row> concentration(Dataset<Row> answers, int minGroupSize) {
    requireAtLeastOne("minGroupSize", minGroupSize);
    WindowSpec community = Window.partitionBy(col("community"));
    Dataset<Row> ranked =
        perHelper(answers)
            .withColumn("helpers", count(lit(1)).over(community))
            // Ties at the boundary do not matter: tied helpers contribute the same answers.
            .withColumn("rank", row_number().over(community.orderBy(col("answers").desc())))
            .withColumn("top_k", greatest(lit(1L), floor(col("helpers").multiply(TOP_FRACTION))));
    Dataset<Row> sums =
        ranked
            .groupBy(col("community"))
            .agg(
                max(col("helpers")).as("helpers"),
                sum(col("answers")).as("answers"),
                max(col("top_k")).as("top_helpers"),
                sum(when(col("rank").leq(col("top_k")), col("answers")).otherwise(0L))
                    .as("top_answers"),
                // Gini from values sorted ascending: 2 sum(i x_i) / (n sum x) - (n + 1) / n.
                sum(col("helpers").minus(col("rank")).plus(1).multiply(col("answers")))
                    .as("weighted"));
    Column n = col("helpers").cast(DataTypes.DoubleType);
    Column gini =
        col("weighted")
            .multiply(2.0)
            .divide(n.multiply(col("answers")))
            .minus(n.plus(1.0).divide(n));
    Column shown = col("helpers").geq(minGroupSize);
    return sums.select(
        col("community"),
        when(shown, col("helpers")).as("helpers"),
        when(shown, col("answers")).as("answers"),
        when(shown, col("top_helpers")).as("top_helpers"),
        when(shown, col("top_answers").divide(col("answers"))).as("top_share"),
        when(shown, gini).as("gini"),
        shown.equalTo(false).as("suppressed"));
  }

  /** One row per community and helper: {@code community, helper_person, answers}. */
  private static Dataset<Row> perHelper(Dataset<Row> answers) {
    return answers
        .filter(col("helper_person").isNotNull())
        .groupBy(col("community"), col("helper_person"))
        .agg(count(lit(1)).as("answers"));
  }

  private static void requireAtLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " is " + value + "; expected >= 1");
    }
  }
}
