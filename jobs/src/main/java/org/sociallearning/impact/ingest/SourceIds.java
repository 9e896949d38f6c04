package org.sociallearning.impact.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Record ids keyed by the source that exported them ({@code <name>:<id>}): two sources of one kind
 * (two Jira sites, two Slack workspaces, two Salesforce orgs) often number their records alike, and
 * threads, tickets and deals are grouped by id once their sources are combined.
 */
public final class SourceIds {

  /** The id columns of the canonical tables that identify or refer to a record of one source. */
  public static final List<String> COLUMNS =
      List.of("message_id", "thread_id", "ticket_id", "opportunity_id", "history_id");

  private SourceIds() {}

  /** The intake with its accepted rows' ids keyed by {@code name}; counts unchanged. */
  public static Intake keyed(Intake intake, String name) {
    Dataset<Row> accepted = intake.accepted();
    List<String> present = List.of(accepted.columns());
    for (String id : COLUMNS) {
      if (present.contains(id)) {
        // concat is null when the id is: a missing id stays missing.
        accepted = accepted.withColumn(id, concat(lit(name + ":"), col(id)));
      }
    }
    return intake.withAccepted(accepted);
  }
}
