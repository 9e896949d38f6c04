package org.sociallearning.impact.bi;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Small-cell suppression shared by the BI facts. */
final class Suppression {

  private Suppression() {}

  /**
   * Adds {@code suppressed} (people below {@code minGroupSize}) and nulls {@code figures}, the
   * people count included, on suppressed rows.
   */
  static Dataset<Row> apply(
      Dataset<Row> rows, String peopleColumn, int minGroupSize, List<String> figures) {
    Column small = col(peopleColumn).lt(minGroupSize);
    Dataset<Row> out = rows.withColumn("suppressed", small);
    for (String figure : figures) {
      out = out.withColumn(figure, when(small, lit(null)).otherwise(col(figure)));
    }
    return out;
  }
}
