package org.sociallearning.impact.bench;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The floor for Spark on these files: read every input with Spark's own readers and an explicit
 * schema, parse every field (a hash of all columns) and count the records. CSV files are read as
 * multi-line (exports quote line breaks), Slack day files as JSON arrays, xAPI as JSON lines.
 * Nothing is validated, deduplicated or joined.
 */
final class BareScan {

  private BareScan() {}

  static Map<String, Object> run(SparkSession spark, Path inputs) {
    Map<String, Object> counts = new LinkedHashMap<>();
    count(
        counts,
        "roster/workers.csv",
        csv(
            spark,
            strings(
                "Employee ID",
                "Worker",
                "Work Email",
                "Business Title",
                "Supervisory Organization",
                "Location",
                "Hire Date",
                "Manager Employee ID")),
        inputs);
    count(
        counts,
        "servicenow/incident.csv",
        csv(
            spark,
            strings(
                "number",
                "opened_at",
                "short_description",
                "description",
                "priority",
                "state",
                "category",
                "assignment_group",
                "assigned_to",
                "assigned_to.email",
                "resolved_at",
                "closed_at",
                "reassignment_count",
                "reopen_count",
                "made_sla",
                "sys_updated_on")),
        inputs);
    count(
        counts,
        "salesforce/Opportunity.csv",
        csv(
            spark,
            strings(
                "Id",
                "IsDeleted",
                "AccountId",
                "Name",
                "Description",
                "StageName",
                "Amount",
                "Probability",
                "CloseDate",
                "Type",
                "NextStep",
                "LeadSource",
                "IsClosed",
                "IsWon",
                "ForecastCategory",
                "ForecastCategoryName",
                "CampaignId",
                "HasOpportunityLineItem",
                "Pricebook2Id",
                "OwnerId",
                "CreatedDate",
                "CreatedById",
                "LastModifiedDate",
                "LastModifiedById",
                "SystemModstamp",
                "LastActivityDate",
                "FiscalQuarter",
                "FiscalYear",
                "Fiscal",
                "LastViewedDate",
                "LastReferencedDate",
                "HasOpenActivity",
                "HasOverdueTask")),
        inputs);
    count(
        counts,
        "salesforce/User.csv",
        csv(
            spark,
            strings(
                "Id",
                "Username",
                "LastName",
                "FirstName",
                "Name",
                "Email",
                "IsActive",
                "UserRoleId",
                "ProfileId",
                "Title",
                "Department",
                "CreatedDate")),
        inputs);
    count(
        counts,
        "xapi/statements.jsonl",
        spark.read().schema(xapiStatement()).option("mode", "PERMISSIVE"),
        inputs,
        "json");
    count(counts, "slack/users.json", jsonArrays(spark, slackUser()), inputs, "json");
    count(
        counts,
        "slack/channels.json",
        jsonArrays(spark, strings("id", "name", "created")),
        inputs,
        "json");
    count(counts, "slack/*/*.json", jsonArrays(spark, slackMessage()), inputs, "json");
    return counts;
  }

  private static void count(
      Map<String, Object> counts, String file, DataFrameReader reader, Path inputs) {
    count(counts, file, reader, inputs, "csv");
  }

  private static void count(
      Map<String, Object> counts, String file, DataFrameReader reader, Path inputs, String format) {
    long start = System.nanoTime();
    // count() alone would read no column at all; hashing every column makes Spark parse and
    // convert each field, as any real use of the data would.
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df =
        reader.format(format).load(inputs.resolve(file).toString());
    org.apache.spark.sql.Column[] all =
        java.util.Arrays.stream(df.columns())
            .map(name -> org.apache.spark.sql.functions.col("`" + name.replace("`", "``") + "`"))
            .toArray(org.apache.spark.sql.Column[]::new);
    long rows =
        df.agg(
                org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)),
                org.apache.spark.sql.functions.max(org.apache.spark.sql.functions.xxhash64(all)))
            .first()
            .getLong(0);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("rows", rows);
    c.put("seconds", (System.nanoTime() - start) / 1e9);
    counts.put(file, c);
  }

  private static DataFrameReader csv(SparkSession spark, StructType schema) {
    return spark
        .read()
        .schema(schema)
        .option("header", "true")
        .option("multiLine", "true")
        .option("escape", "\"")
        .option("encoding", "UTF-8");
  }

  private static DataFrameReader jsonArrays(SparkSession spark, StructType schema) {
    return spark.read().schema(schema).option("multiLine", "true");
  }

  static StructType strings(String... names) {
    List<StructField> fields = new ArrayList<>();
    for (String n : names) {
      fields.add(createStructField(n, StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  private static StructType slackUser() {
    return strings("id", "team_id", "name", "deleted", "real_name", "tz", "is_bot")
        .add("profile", strings("real_name", "display_name", "email", "title"));
  }

  private static StructType slackMessage() {
    return strings(
        "client_msg_id",
        "type",
        "subtype",
        "text",
        "user",
        "ts",
        "thread_ts",
        "parent_user_id",
        "bot_id",
        "username");
  }

  private static StructType xapiStatement() {
    return strings("id", "timestamp", "stored")
        .add(
            "actor",
            strings("objectType", "name", "mbox").add("account", strings("homePage", "name")))
        .add("verb", strings("id"))
        .add("object", strings("objectType", "id"));
  }
}
