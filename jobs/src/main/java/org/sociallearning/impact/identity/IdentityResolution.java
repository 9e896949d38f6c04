package org.sociallearning.impact.identity;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Identity step: adds {@code employee_id} to the rows of one source by resolving the identities
 * they carry (source, user id, email, name) with an {@link IdentityResolver}. The distinct
 * identities of a source are few (one per person), so they are resolved on the driver and the
 * outcome is broadcast back; unmatched rows are kept with a null employee_id, never dropped.
 */
public final class IdentityResolution {

  public static final String EMPLOYEE_ID = "employee_id";

  private static final StructType MATCHES =
      new StructType()
          .add("_id_source", DataTypes.StringType)
          .add("_id_user", DataTypes.StringType)
          .add("_id_email", DataTypes.StringType)
          .add("_id_name", DataTypes.StringType)
          .add(EMPLOYEE_ID, DataTypes.StringType);

  private IdentityResolution() {}

  /**
   * Which columns of a canonical table identify a person. Columns a table may gain (a source
   * column, assignee or owner ids and names) are used when present.
   *
   * @param source the source-system column, or null to use {@code fixedSource}
   */
  public record IdentityColumns(
      String source, String fixedSource, String userId, String email, String name) {

    /** The identity columns of a canonical table, as far as {@code rows} has them. */
    public static IdentityColumns of(String table, Dataset<Row> rows) {
      List<String> present = List.of(rows.columns());
      java.util.function.Function<String, String> ifPresent = c -> present.contains(c) ? c : null;
      return switch (table) {
        case "forum_interactions" ->
            new IdentityColumns(
                "source", null, "source_user_id", "email", ifPresent.apply("person_name"));
        case "learning_statements" ->
            new IdentityColumns(ifPresent.apply("source"), "xapi", null, "email", null);
        case "formal_completions" ->
            new IdentityColumns("source", null, "source_user_id", "email", null);
        case "service_tickets" ->
            new IdentityColumns(
                ifPresent.apply("source"),
                "servicenow",
                ifPresent.apply("assignee_id"),
                "assignee_email",
                ifPresent.apply("assignee_name"));
        case "opportunities" ->
            new IdentityColumns(
                ifPresent.apply("source"),
                "salesforce",
                "owner_user_id",
                "owner_email",
                ifPresent.apply("owner_name"));
        default -> throw new IllegalArgumentException("no identity columns known for " + table);
      };
    }

    Column sourceColumn() {
      return source != null ? col(source).cast("string") : lit(fixedSource);
    }

    static Column orNull(String column) {
      return column == null ? lit(null).cast("string") : col(column).cast("string");
    }
  }

  /** One identity of a source with the rows carrying it and its outcome. */
  public record Resolved(SourceIdentity identity, long rows, IdentityMatch match) {}

  /** A source's rows with {@code employee_id}, and every identity's outcome. */
  public record Result(Dataset<Row> rows, List<Resolved> identities) {

    /** Identities and rows per match rule, every rule present (zeros included). */
    public Map<MatchRule, long[]> countsByRule() {
      Map<MatchRule, long[]> out = new LinkedHashMap<>();
      for (MatchRule r : MatchRule.values()) {
        out.put(r, new long[2]);
      }
      for (Resolved r : identities) {
        long[] c = out.get(r.match().rule());
        c[0] += r.match().rule() == MatchRule.NO_IDENTITY ? 0 : 1;
        c[1] += r.rows();
      }
      return out;
    }

    /** Distinct identities that did not resolve (ambiguous or unmatched). */
    public long unresolved() {
      return identities.stream()
          .filter(
              r ->
                  r.match().rule() == MatchRule.AMBIGUOUS
                      || r.match().rule() == MatchRule.UNMATCHED)
          .map(r -> r.identity().key())
          .distinct()
          .count();
    }
  }

  /** Resolves the identities of one source's rows of {@code table} and adds employee_id. */
  public static Result resolve(Dataset<Row> rows, String table, IdentityResolver resolver) {
    IdentityColumns c = IdentityColumns.of(table, rows);
    Dataset<Row> keyed =
        rows.withColumn("_id_source", c.sourceColumn())
            .withColumn("_id_user", IdentityColumns.orNull(c.userId()))
            .withColumn("_id_email", IdentityColumns.orNull(c.email()))
            .withColumn("_id_name", IdentityColumns.orNull(c.name()));
    List<Row> distinct =
        keyed.groupBy("_id_source", "_id_user", "_id_email", "_id_name").count().collectAsList();
    Map<SourceIdentity, Long> counts = new LinkedHashMap<>();
    for (Row r : distinct) {
      counts.put(
          new SourceIdentity(r.getString(0), r.getString(1), r.getString(2), r.getString(3)),
          r.getLong(4));
    }
    Map<SourceIdentity, IdentityMatch> matches = resolver.resolve(counts.keySet());
    List<Resolved> resolved = new ArrayList<>();
    List<Row> matchRows = new ArrayList<>();
    for (Map.Entry<SourceIdentity, IdentityMatch> e : matches.entrySet()) {
      SourceIdentity i = e.getKey();
      resolved.add(new Resolved(i, counts.get(i), e.getValue()));
      if (e.getValue().employeeId() != null) {
        matchRows.add(
            RowFactory.create(
                i.source(), i.userId(), i.email(), i.name(), e.getValue().employeeId()));
      }
    }
    Dataset<Row> directory =
        rows.sparkSession()
            .createDataFrame(matchRows, MATCHES)
            .withColumnRenamed("_id_source", "_m_source")
            .withColumnRenamed("_id_user", "_m_user")
            .withColumnRenamed("_id_email", "_m_email")
            .withColumnRenamed("_id_name", "_m_name");
    Column on =
        col("_id_source")
            .eqNullSafe(col("_m_source"))
            .and(col("_id_user").eqNullSafe(col("_m_user")))
            .and(col("_id_email").eqNullSafe(col("_m_email")))
            .and(col("_id_name").eqNullSafe(col("_m_name")));
    Dataset<Row> joined =
        keyed
            .join(broadcast(directory), on, "left")
            .drop(
                "_id_source",
                "_id_user",
                "_id_email",
                "_id_name",
                "_m_source",
                "_m_user",
                "_m_email",
                "_m_name");
    return new Result(joined, resolved);
  }
}
