package org.sociallearning.impact.identity;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Identity step: maps the emails found in forum, learning, service-desk and CRM exports to HR
 * employee ids. Emails are compared lower-cased; an email that two roster rows share matches
 * neither, because attributing one person's work to another would bias the estimate.
 */
public final class IdentityResolution {

  public static final String EMPLOYEE_ID = "employee_id";

  private IdentityResolution() {}

  /**
   * Needs roster columns {@code employee_id, email}; returns {@code match_email, employee_id}
   * with one row per unambiguous email.
   */
  public static Dataset<Row> emailDirectory(Dataset<Row> roster) {
    return roster.filter(col("email").isNotNull())
        .groupBy(col("email").as("match_email"))
        .agg(count(col(EMPLOYEE_ID)).as("n"), first(col(EMPLOYEE_ID)).as(EMPLOYEE_ID))
        .filter(col("n").equalTo(1))
        .drop("n");
  }

  /**
   * Adds {@code employee_id} (null when unmatched) to rows that carry an email column.
   * The directory is small (one row per employee) and is broadcast.
   */
  public static Dataset<Row> resolve(Dataset<Row> rows, String emailColumn,
      Dataset<Row> directory) {
    return rows.join(broadcast(directory), col(emailColumn).equalTo(col("match_email")), "left")
        .drop("match_email");
  }

  /** Distinct identities (emails, or missing ones) that did not match the roster. */
  public static long unmatchedIdentities(Dataset<Row> resolved, String emailColumn) {
    return resolved.filter(col(EMPLOYEE_ID).isNull()).select(col(emailColumn)).distinct().count();
  }
}
