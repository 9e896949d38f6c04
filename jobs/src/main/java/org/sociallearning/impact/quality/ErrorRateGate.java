package org.sociallearning.impact.quality;

import static org.apache.spark.sql.functions.col;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.config.QualitySettings;
import org.sociallearning.impact.ingest.CheckResult;
import org.sociallearning.impact.ingest.DataQualityException;
import org.sociallearning.impact.ingest.Intake;

/**
 * Stops the run when a source has too many bad rows: the share of its rows quarantined (of rows
 * read, less skipped ones) above {@code quality.max_error_rate} (or the source's override).
 * Estimating effects on a half-broken export would look like a result and be none.
 */
public final class ErrorRateGate {

  private ErrorRateGate() {}

  /**
   * @param keys the config key of each intake, in the same order
   * @throws DataQualityException naming the first source over its threshold and its most failing
   *     rule
   */
  public static void check(List<Intake> intakes, List<String> keys, QualitySettings settings) {
    for (int k = 0; k < intakes.size(); k++) {
      Intake i = intakes.get(k);
      long base = i.read() - i.skipped();
      double limit = settings.maxErrorRate(keys.get(k));
      if (base == 0 || (double) i.quarantined() / base <= limit) {
        continue;
      }
      throw new DataQualityException(
          String.format(
              Locale.ROOT,
              "%s (%s): %d of %d rows (%.1f%%) failed error rules, above the allowed %.1f%%"
                  + " (quality.max_error_rate%s); most failing rule: %s. Run bin/impact validate"
                  + " for the reasons, fix the export or raise the threshold for this source",
              keys.get(k),
              i.format(),
              i.quarantined(),
              base,
              100.0 * i.quarantined() / base,
              100.0 * limit,
              settings.maxErrorRateBySource().containsKey(keys.get(k))
                  ? "_by_source." + keys.get(k)
                  : "",
              mostFailingRule(i)));
    }
  }

  /**
   * The error rule failing most rows, or else (failures no named rule counts, such as a value that
   * cannot be parsed) the most frequent quarantine reason.
   */
  static String mostFailingRule(Intake intake) {
    CheckResult top =
        intake.checks().stream()
            .filter(c -> c.rule().isError() && c.rowsFailing() > 0)
            .max(Comparator.comparingLong(CheckResult::rowsFailing))
            .orElse(null);
    Row reason =
        intake
            .quarantine()
            .groupBy(col("reason"))
            .count()
            .orderBy(col("count").desc(), col("reason"))
            .first();
    if (top != null && (reason == null || top.rowsFailing() >= reason.getLong(1))) {
      return top.rule().name() + " (" + top.rowsFailing() + " rows)";
    }
    return reason == null
        ? "none"
        : "'" + reason.getString(0) + "' (" + reason.getLong(1) + " rows)";
  }
}
