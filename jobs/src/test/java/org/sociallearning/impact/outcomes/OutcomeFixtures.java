package org.sociallearning.impact.outcomes;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.identity.IdentityResolution;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

/**
 * Tiny canonical tables in their contract schemas (plus employee_id, as after identity), built from
 * the few columns a scenario is about; every other column is null.
 */
public final class OutcomeFixtures {

  static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

  /** 30 days: tickets opened in May 2024 are observable, tickets opened in June not yet. */
  static final OutcomeWindow TICKETS = new OutcomeWindow(AS_OF, 30);

  /**
   * 90 days: opportunities created by March 2024 are observable, from May on not yet (April depends
   * on whether observability is counted by day or by whole month; fixtures avoid it).
   */
  static final OutcomeWindow SALES = new OutcomeWindow(AS_OF, 90);

  private OutcomeFixtures() {}

  static Timestamp ts(String utc) {
    return utc == null ? null : Timestamp.from(Instant.parse(utc + "Z"));
  }

  static Date date(String day) {
    return day == null ? null : Date.valueOf(day);
  }

  /** A ticket; opened/resolved as {@code 2024-05-02T09:00:00} (UTC), resolved null while open. */
  public static Map<String, Object> ticket(
      String id,
      String employee,
      String opened,
      String resolved,
      Integer reassignments,
      Integer reopens,
      Boolean madeSla) {
    Map<String, Object> v = new HashMap<>();
    v.put("ticket_id", id);
    v.put(IdentityResolution.EMPLOYEE_ID, employee);
    v.put("opened_at", ts(opened));
    v.put("resolved_at", ts(resolved));
    v.put("reassignment_count", reassignments);
    v.put("reopen_count", reopens);
    v.put("made_sla", madeSla);
    return v;
  }

  /** The same fixture row with one more column set. */
  static Map<String, Object> with(Map<String, Object> row, String column, Object value) {
    row.put(column, value);
    return row;
  }

  /** An opportunity; closed with {@code closeDate} when {@code closed}, open otherwise. */
  static Map<String, Object> opportunity(
      String id,
      String employee,
      String created,
      String closeDate,
      boolean closed,
      boolean won,
      Double amount) {
    Map<String, Object> v = new HashMap<>();
    v.put("opportunity_id", id);
    v.put(IdentityResolution.EMPLOYEE_ID, employee);
    v.put("created_at", ts(created));
    v.put("close_date", date(closeDate));
    v.put("is_closed", closed);
    v.put("is_won", won);
    v.put("amount", amount);
    return v;
  }

  public static Map<String, Object> employee(String id, String hireDate) {
    Map<String, Object> v = new HashMap<>();
    v.put(IdentityResolution.EMPLOYEE_ID, id);
    v.put("email", id + "@example.com");
    v.put("hire_date", date(hireDate));
    return v;
  }

  @SafeVarargs
  public static Dataset<Row> tickets(Map<String, Object>... rows) {
    return frame(withEmployeeId(TableContract.load("service_tickets")), rows);
  }

  @SafeVarargs
  static Dataset<Row> opportunities(Map<String, Object>... rows) {
    return frame(withEmployeeId(TableContract.load("opportunities")), rows);
  }

  @SafeVarargs
  public static Dataset<Row> roster(Map<String, Object>... rows) {
    return frame(SparkSchemas.of(TableContract.load("roster")), rows);
  }

  /** Participants as the participation step returns them, reduced to what outcomes read. */
  static Dataset<Row> participants(String... employeeAndParticipationDate) {
    StructType schema =
        new StructType()
            .add(IdentityResolution.EMPLOYEE_ID, DataTypes.StringType)
            .add("participated_at", DataTypes.TimestampType);
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < employeeAndParticipationDate.length; i += 2) {
      rows.add(
          RowFactory.create(
              employeeAndParticipationDate[i], ts(employeeAndParticipationDate[i + 1])));
    }
    return TestSpark.session().createDataFrame(rows, schema);
  }

  private static StructType withEmployeeId(TableContract contract) {
    return SparkSchemas.of(contract).add(IdentityResolution.EMPLOYEE_ID, DataTypes.StringType);
  }

  @SafeVarargs
  private static Dataset<Row> frame(StructType schema, Map<String, Object>... rows) {
    List<Row> out = new java.util.ArrayList<>();
    for (Map<String, Object> values : rows) {
      for (String name : values.keySet()) {
        if (schema.getFieldIndex(name).isEmpty()) {
          throw new IllegalArgumentException(
              "fixture column '" + name + "' is not in " + schema.simpleString());
        }
      }
      Object[] cells = new Object[schema.fields().length];
      StructField[] fields = schema.fields();
      for (int i = 0; i < fields.length; i++) {
        cells[i] = values.get(fields[i].name());
      }
      out.add(RowFactory.create(cells));
    }
    return TestSpark.session().createDataFrame(out, schema);
  }
}
