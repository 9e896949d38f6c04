package org.sociallearning.impact.ingest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one configured source yielded: accepted rows in the canonical contract's shape, the
 * quarantined records, and the counts that reconcile them (read = accepted + quarantined +
 * deduplicated).
 *
 */
public record Intake(
    String role,
    String format,
    String table,
    List<String> files,
    Dataset<Row> accepted,
    Dataset<Row> quarantine,
    long read,
    long quarantined,
    long deduplicated,
    long acceptedCount) {

  public Intake {
    files = List.copyOf(files);
    if (read != acceptedCount + quarantined + deduplicated) {
      throw new IllegalStateException(role + " (" + format + "): " + read + " rows read but "
          + acceptedCount + " accepted + " + quarantined + " quarantined + " + deduplicated
          + " deduplicated; every row must be accounted for");
    }
  }
}
