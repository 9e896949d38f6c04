package org.sociallearning.impact.adapters;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.Intake;

/**
 * Reads one export format into its canonical table: renames, parses and casts, nothing else. Bad
 * records are quarantined with a reason; only structural problems (missing files or columns) throw,
 * with a message that names the file, the column and the fix.
 */
public interface SourceAdapter {
  Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source);

  /**
   * Every table the source yields: its canonical table, plus companion tables some formats read
   * from further files (Salesforce OpportunityHistory.csv).
   */
  default List<Intake> readAll(
      SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source) {
    return List.of(read(spark, config, source));
  }
}
