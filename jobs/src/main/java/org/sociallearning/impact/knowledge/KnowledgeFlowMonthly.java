package org.sociallearning.impact.knowledge;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sociallearning.impact.estimation.KaplanMeier;

/**
 * Published knowledge-flow table ({@code schemas/contracts/knowledge_flow_monthly.yaml}): per
 * community and month asked, how many questions got an answer and how fast. Questions still
 * unanswered at the cut-off are right-censored, not dropped: the median time to first answer is the
 * Kaplan-Meier median, so a recent month is not made to look fast by the questions that happened to
 * be answered quickly. The naive median over answered questions sits beside it.
 */
public final class KnowledgeFlowMonthly {

  /** The figures a suppressed row hides; community, month and suppressed stay. */
  static final List<String> FIGURES =
      List.of(
          "questions",
          "answered",
          "answered_rate",
          "median_hours_to_first_answer",
          "median_ci_low",
          "median_ci_high",
          "naive_median_hours",
          "cross_department_share",
          "askers");

  private static final StructType MEDIANS =
      new StructType()
          .add("km", DataTypes.DoubleType)
          .add("km_low", DataTypes.DoubleType)
          .add("km_high", DataTypes.DoubleType)
          .add("naive", DataTypes.DoubleType);

  private KnowledgeFlowMonthly() {}

  /**
   * Needs threads from {@link QuestionThreads#of}: {@code community, asked_at, asker_person,
   * answered, hours_observed, cross_department}. Returns one row per community and month ({@code
   * month} = first day of the month asked, UTC) with {@code questions, answered} (long), {@code
   * answered_rate}, {@code median_hours_to_first_answer, median_ci_low, median_ci_high}
   * (Kaplan-Meier, null where the curve never reaches 0.5), {@code naive_median_hours} (answered
   * questions only, same quantile rule, so the two agree when nothing is censored), {@code
   * cross_department_share} (among answered questions with both departments known), {@code askers}
   * (distinct people) and {@code suppressed}: groups with fewer than {@code minGroupSize} askers
   * keep community and month, every figure is null and suppressed is true.
   */
  public static Dataset<Row> of(Dataset<Row> threads, int minGroupSize) {
    if (minGroupSize < 1) {
      throw new IllegalArgumentException("minGroupSize is " + minGroupSize + "; expected >= 1");
    }
    Column answeredFlag = col("answered");
    Dataset<Row> groups =
        threads
            .withColumn("month", trunc(col("asked_at").cast("date"), "month"))
            .groupBy(col("community"), col("month"))
            .agg(
                count(lit(1)).as("questions"),
                sum(when(answeredFlag, 1L).otherwise(0L)).as("answered_n"),
                count_distinct(col("asker_person")).as("askers"),
                sum(when(col("cross_department"), 1L).otherwise(0L)).as("crossing"),
                count(col("cross_department")).as("crossing_known"),
                collect_list(struct(col("hours_observed"), answeredFlag)).as("followed"))
            .withColumn("medians", medianUdf().apply(col("followed")));
    Dataset<Row> figures =
        groups.select(
            col("community"),
            col("month"),
            col("questions"),
            col("answered_n").as("answered"),
            col("answered_n").divide(col("questions")).as("answered_rate"),
            col("medians.km").as("median_hours_to_first_answer"),
            col("medians.km_low").as("median_ci_low"),
            col("medians.km_high").as("median_ci_high"),
            col("medians.naive").as("naive_median_hours"),
            when(col("crossing_known").gt(0), col("crossing").divide(col("crossing_known")))
                .as("cross_department_share"),
            col("askers"),
            col("askers").lt(minGroupSize).as("suppressed"));
    return suppress(figures);
  }

  private static Dataset<Row> suppress(Dataset<Row> figures) {
    List<Column> out = new ArrayList<>();
    for (String name : figures.columns()) {
      out.add(
          FIGURES.contains(name)
              ? when(col("suppressed").equalTo(false), col(name)).as(name)
              : col(name));
    }
    return figures.select(out.toArray(Column[]::new));
  }

  /** (hours_observed, answered) pairs of one group to its KM and naive medians. */
  private static UserDefinedFunction medianUdf() {
    UDF1<scala.collection.Seq<Row>, Row> fn = KnowledgeFlowMonthly::medians;
    return udf(fn, MEDIANS);
  }

  static Row medians(scala.collection.Seq<Row> followed) {
    int n = followed.length();
    List<Double> hours = new ArrayList<>(n);
    List<Boolean> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Row r = followed.apply(i);
      if (!r.isNullAt(0)) {
        hours.add(r.getDouble(0));
        events.add(!r.isNullAt(1) && r.getBoolean(1));
      }
    }
    KaplanMeier.Median km = fit(hours, events, false).median();
    KaplanMeier.Median naive = fit(hours, events, true).median();
    return RowFactory.create(
        orNull(km.estimate()), orNull(km.ciLow()), orNull(km.ciHigh()), orNull(naive.estimate()));
  }

  private static KaplanMeier fit(List<Double> hours, List<Boolean> events, boolean answeredOnly) {
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < hours.size(); i++) {
      if (!answeredOnly || events.get(i)) {
        keep.add(i);
      }
    }
    double[] t = new double[keep.size()];
    boolean[] e = new boolean[keep.size()];
    for (int j = 0; j < keep.size(); j++) {
      t[j] = hours.get(keep.get(j));
      e[j] = events.get(keep.get(j));
    }
    return KaplanMeier.fit(t, e);
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
