package org.sociallearning.impact.ingest;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one configured source yielded: accepted rows in the canonical contract's shape, the
 * quarantined records, and the counts that reconcile them (read = accepted + quarantined +
 * deduplicated + skipped). Skipped rows are records the export itself marks as gone (soft-deleted):
 * not errors, so neither quarantined nor counted against the source's error rate.
 *
 * @param skipReasons rows skipped per reason
 * @param checks what each data-quality rule of the contract found in this source
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
    long acceptedCount,
    long skipped,
    Map<String, Long> skipReasons,
    List<CheckResult> checks) {

  public Intake {
    files = List.copyOf(files);
    skipReasons = Map.copyOf(skipReasons);
    checks = List.copyOf(checks);
    if (read != acceptedCount + quarantined + deduplicated + skipped) {
      throw new IllegalStateException(
          role
              + " ("
              + format
              + "): "
              + read
              + " rows read but "
              + acceptedCount
              + " accepted + "
              + quarantined
              + " quarantined + "
              + deduplicated
              + " deduplicated + "
              + skipped
              + " skipped; every row must be accounted for");
    }
    if (skipReasons.values().stream().mapToLong(Long::longValue).sum() != skipped) {
      throw new IllegalStateException(
          role
              + " ("
              + format
              + "): "
              + skipped
              + " rows skipped"
              + " but the reasons add up to "
              + skipReasons);
    }
  }

  /** An intake without skipped rows or rule results (readers that do their own checks). */
  public Intake(
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
    this(
        role,
        format,
        table,
        files,
        accepted,
        quarantine,
        read,
        quarantined,
        deduplicated,
        acceptedCount,
        0,
        Map.of(),
        List.of());
  }

  /**
   * This intake with other accepted rows of the same records (e.g. their ids keyed); counts kept.
   */
  public Intake withAccepted(Dataset<Row> accepted) {
    return new Intake(
        role,
        format,
        table,
        files,
        accepted,
        quarantine,
        read,
        quarantined,
        deduplicated,
        acceptedCount,
        skipped,
        skipReasons,
        checks);
  }

  /**
   * This intake after table rules moved {@code moved} accepted rows to quarantine: {@code accepted}
   * and {@code quarantine} are the new frames, {@code results} the rules' findings.
   */
  public Intake afterTableRules(
      Dataset<Row> accepted, Dataset<Row> quarantine, long moved, List<CheckResult> results) {
    List<CheckResult> all = new java.util.ArrayList<>(checks);
    all.addAll(results);
    return new Intake(
        role,
        format,
        table,
        files,
        accepted,
        quarantine,
        read,
        quarantined + moved,
        deduplicated,
        acceptedCount - moved,
        skipped,
        skipReasons,
        all);
  }
}
