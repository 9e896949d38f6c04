package org.sociallearning.impact.participation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.sql.Timestamp;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Value step input: how much people take part in communities, for the programme's cost in working
 * time. Counts every social-learning interaction (participants and people who only tried it alike:
 * everyone's time is spent) over the last twelve months up to as_of, scaled to a year when the data
 * starts later.
 */
public final class CommunityTime {

  private static final double DAYS_PER_YEAR = 365.0;

  private CommunityTime() {}

  /** Needs {@link SocialLearningParticipation#interactions} rows; interactions per year. */
  public static double interactionsPerYear(Dataset<Row> interactions, LocalDate asOf) {
    Timestamp end = SocialLearningParticipation.endOf(asOf);
    Timestamp start = Timestamp.from(end.toInstant().minus(java.time.Duration.ofDays(365)));
    Row r =
        interactions
            .filter(col("occurred_at").lt(lit(end)))
            .agg(
                count(lit(1)).as("all"),
                count(org.apache.spark.sql.functions.when(col("occurred_at").geq(lit(start)), 1))
                    .as("year"),
                min(col("occurred_at")).as("first"))
            .first();
    if (r.isNullAt(2)) {
      return 0.0;
    }
    Timestamp first = r.getTimestamp(2);
    double days =
        first.after(start) ? (end.getTime() - first.getTime()) / 86_400_000.0 : DAYS_PER_YEAR;
    return r.getLong(1) * DAYS_PER_YEAR / Math.max(days, 1.0);
  }
}
