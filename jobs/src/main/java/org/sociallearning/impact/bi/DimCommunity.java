package org.sociallearning.impact.bi;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;

/**
 * {@code dim_community}: one row per community (a forum channel or group matching the configured
 * community patterns). Other channels are not listed: their names can say more than a dashboard
 * needs.
 */
public final class DimCommunity {

  private DimCommunity() {}

  /**
   * Needs forum rows {@code source, channel, employee_id, occurred_at, is_interaction}; returns the
   * columns of {@code schemas/contracts/dim_community.yaml}.
   */
  public static Dataset<Row> of(Dataset<Row> forum, String communityRegex, int minGroupSize) {
    Dataset<Row> rows =
        forum
            .filter(col("is_interaction").and(col("channel").rlike(communityRegex)))
            .groupBy(col("channel").as("community"), col("source"))
            .agg(
                countDistinct(col(IdentityResolution.EMPLOYEE_ID)).as("people"),
                count(lit(1)).as("messages"),
                date_format(min(col("occurred_at")), "yyyy-MM").as("first_month"),
                date_format(max(col("occurred_at")), "yyyy-MM").as("last_month"));
    return Suppression.apply(rows, "people", minGroupSize, List.of("messages", "people"));
  }
}
