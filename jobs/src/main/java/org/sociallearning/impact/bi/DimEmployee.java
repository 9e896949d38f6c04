package org.sociallearning.impact.bi;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityResolution;
import org.sociallearning.impact.privacy.Pseudonyms;

/** {@code dim_employee}: one row per person on the roster, pseudonymous, no names or emails. */
public final class DimEmployee {

  /** What a value held by too few people becomes. */
  public static final String GENERALISED = "(other)";

  private DimEmployee() {}

  /**
   * Needs roster {@code employee_id, department, job_title, location, hire_date} and participants
   * {@code employee_id, cohort_month, intensity}; returns the columns of {@code
   * schemas/contracts/dim_employee.yaml}.
   */
  public static Dataset<Row> of(
      Dataset<Row> roster,
      Dataset<Row> participants,
      LocalDate asOf,
      Pseudonyms pseudonyms,
      int minGroupSize) {
    Column tenureYears =
        months_between(lit(java.sql.Date.valueOf(asOf)), col("hire_date")).divide(12);
    Column tenureBand =
        when(col("hire_date").isNull(), lit(null))
            .when(tenureYears.lt(1), lit("<1y"))
            .when(tenureYears.lt(2), lit("1-2y"))
            .when(tenureYears.lt(5), lit("2-5y"))
            .otherwise(lit("5y+"));
    Dataset<Row> people =
        roster
            .join(
                participants.select(
                    col(IdentityResolution.EMPLOYEE_ID), col("cohort_month"), col("intensity")),
                IdentityResolution.EMPLOYEE_ID,
                "left")
            .select(
                pseudonyms.column(col(IdentityResolution.EMPLOYEE_ID)).as("employee_key"),
                col("department"),
                col("job_title"),
                col("location"),
                tenureBand.as("tenure_band"),
                col("cohort_month").isNotNull().as("participant"),
                date_format(col("cohort_month"), "yyyy-MM").as("joined_month"),
                col("intensity"));
    for (String attribute : new String[] {"department", "job_title", "location"}) {
      people = generalise(people, attribute, minGroupSize);
    }
    return people;
  }

  /**
   * Replaces values held by fewer than {@code minGroupSize} people with {@link #GENERALISED}. When
   * that leaves {@code (other)} itself with fewer than {@code minGroupSize} people (one rare
   * department alone would still be that department), the next smallest values join it until it is
   * large enough or holds everything.
   */
  static Dataset<Row> generalise(Dataset<Row> people, String attribute, int minGroupSize) {
    java.util.List<Row> counts =
        people
            .filter(col(attribute).isNotNull())
            .groupBy(col(attribute))
            .count()
            .orderBy(col("count"), col(attribute))
            .collectAsList();
    java.util.List<String> rare = new java.util.ArrayList<>();
    long pooled = 0;
    for (Row r : counts) {
      boolean small = r.getLong(1) < minGroupSize;
      boolean poolTooSmall = pooled > 0 && pooled < minGroupSize;
      if (!small && !poolTooSmall) {
        break;
      }
      rare.add(r.getString(0));
      pooled += r.getLong(1);
    }
    if (rare.isEmpty()) {
      return people;
    }
    return people.withColumn(
        attribute,
        when(col(attribute).isin(rare.toArray()), lit(GENERALISED)).otherwise(col(attribute)));
  }
}
