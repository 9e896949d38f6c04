package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.SourceSpec;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.FieldParsers;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.IntakeSplitter;
import org.sociallearning.impact.ingest.RawRecords;
import org.sociallearning.impact.schemas.TableContract;

/**
 * {@code hr-csv}: any HR export (Workday, SuccessFactors, a spreadsheet) whose columns the config
 * maps to the roster contract. Emails are trimmed and lower-cased so matching ignores case.
 */
public final class HrRosterAdapter implements SourceAdapter {

  static final List<String> FIELDS =
      List.of(
          "employee_id",
          "name",
          "email",
          "job_title",
          "department",
          "location",
          "hire_date",
          "manager_id");

  @Override
  public Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    Map<String, String> columns = new LinkedHashMap<>();
    for (String field : FIELDS) {
      if (spec.columns().containsKey(field)) {
        columns.put(field, spec.columns().get(field));
      }
    }
    RawExport export =
        RawExport.csv(spark, config, spec.path(), columns, new ArrayList<>(columns.values()));
    Dataset<Row> raw = export.records();
    for (String field : FIELDS) {
      if (!columns.containsKey(field)) {
        raw = raw.withColumn(field, lit(null).cast("string"));
      }
    }
    String dateFormat = spec.dateFormat() == null ? "yyyy-MM-dd" : spec.dateFormat();
    FieldParsers.Parsed hireDate = FieldParsers.date("hire_date", col("hire_date"), dateFormat);
    Column email = lower(trim(col("email")));
    Column emailProblem =
        RawExport.problemWhen(
            email.isNotNull().and(email.contains("@").unary_$bang()),
            "email: not an email address",
            lit(org.sociallearning.impact.schemas.RowChecks.MASK));
    Dataset<Row> typed =
        raw.select(
            trim(col("employee_id")).as("employee_id"),
            trim(col("name")).as("name"),
            email.as("email"),
            trim(col("job_title")).as("job_title"),
            trim(col("department")).as("department"),
            trim(col("location")).as("location"),
            hireDate.value().as("hire_date"),
            trim(col("manager_id")).as("manager_id"),
            col(RawRecords.FILE),
            col(RawRecords.LINE),
            array(RawExport.parseProblem(), hireDate.problem(), emailProblem)
                .as(IntakeSplitter.PROBLEMS));
    return IntakeSplitter.split(
        source.role(),
        spec.format(),
        export.displayNames(),
        typed,
        TableContract.load("roster"),
        List.of("employee_id"),
        List.of());
  }
}
