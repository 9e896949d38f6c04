package org.sociallearning.impact.publish;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.schemas.ColumnContract;
import org.sociallearning.impact.schemas.TableContract;

/**
 * One published table as PostgreSQL sees it: the SQL of its contract (column types, comments) and
 * how a row of the table is bound to an insert. Identifiers are always quoted.
 */
final class PostgresTable {

  private final String schema;
  private final TableContract contract;

  PostgresTable(String schema, TableContract contract) {
    this.schema = schema;
    this.contract = contract;
  }

  String name() {
    return contract.table();
  }

  /** The table's final name, schema-qualified. */
  String qualified() {
    return quote(schema) + "." + quote(contract.table());
  }

  /** The name the run loads into before the swap (unqualified: ALTER TABLE RENAME takes that). */
  String stagingName() {
    return "_staging_" + contract.table();
  }

  String qualifiedStaging() {
    return quote(schema) + "." + quote(stagingName());
  }

  String createStaging() {
    return "CREATE TABLE "
        + qualifiedStaging()
        + " ("
        + contract.columns().stream()
            .map(c -> quote(c.name()) + " " + sqlType(c.type()))
            .collect(Collectors.joining(", "))
        + ")";
  }

  String insertStaging() {
    return "INSERT INTO "
        + qualifiedStaging()
        + " VALUES ("
        + contract.columns().stream().map(c -> "?").collect(Collectors.joining(", "))
        + ")";
  }

  /** Table and column comments from the contract, so BI tools show what each column means. */
  List<String> comments(String runId) {
    List<String> sql = new ArrayList<>();
    String description = contract.description() == null ? "" : contract.description().strip();
    sql.add(
        "COMMENT ON TABLE "
            + qualifiedStaging()
            + " IS "
            + literal(
                description
                    + (description.isEmpty() ? "" : " ")
                    + "Published by run "
                    + runId
                    + "."));
    for (ColumnContract c : contract.columns()) {
      String text = c.description() + (c.unit() == null ? "" : " [unit: " + c.unit() + "]");
      if (!text.isBlank()) {
        sql.add(
            "COMMENT ON COLUMN "
                + qualifiedStaging()
                + "."
                + quote(c.name())
                + " IS "
                + literal(text.strip()));
      }
    }
    return sql;
  }

  /** Sets the parameters of {@link #insertStaging()} from a row in the contract's shape. */
  void bind(PreparedStatement insert, Row row) throws SQLException {
    List<ColumnContract> columns = contract.columns();
    for (int i = 0; i < columns.size(); i++) {
      int p = i + 1;
      String type = columns.get(i).type();
      if (row.isNullAt(i)) {
        insert.setNull(p, jdbcType(type));
        continue;
      }
      Object v = row.get(i);
      switch (type) {
        case "string" -> insert.setString(p, (String) v);
        case "long" -> insert.setLong(p, ((Number) v).longValue());
        case "int" -> insert.setInt(p, ((Number) v).intValue());
        case "double" -> insert.setDouble(p, ((Number) v).doubleValue());
        case "boolean" -> insert.setBoolean(p, (Boolean) v);
        case "date" ->
            insert.setObject(p, v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate());
        case "timestamp" ->
            insert.setObject(
                p,
                (v instanceof java.time.Instant t ? t : ((java.sql.Timestamp) v).toInstant())
                    .atOffset(ZoneOffset.UTC));
        default ->
            throw new IllegalArgumentException(
                "column '"
                    + columns.get(i).name()
                    + "' of "
                    + name()
                    + " has contract type '"
                    + type
                    + "', which has no SQL type");
      }
    }
  }

  /** Contract type to PostgreSQL type; timestamps are instants, so {@code timestamptz}. */
  static String sqlType(String contractType) {
    return switch (contractType) {
      case "string" -> "text";
      case "long" -> "bigint";
      case "int" -> "integer";
      case "double" -> "double precision";
      case "boolean" -> "boolean";
      case "date" -> "date";
      case "timestamp" -> "timestamptz";
      default -> throw new IllegalArgumentException("unknown contract type '" + contractType + "'");
    };
  }

  private static int jdbcType(String contractType) {
    return switch (contractType) {
      case "string" -> Types.VARCHAR;
      case "long" -> Types.BIGINT;
      case "int" -> Types.INTEGER;
      case "double" -> Types.DOUBLE;
      case "boolean" -> Types.BOOLEAN;
      case "date" -> Types.DATE;
      case "timestamp" -> Types.TIMESTAMP_WITH_TIMEZONE;
      default -> Types.OTHER;
    };
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
