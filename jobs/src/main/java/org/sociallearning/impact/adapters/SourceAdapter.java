package org.sociallearning.impact.adapters;

import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.Intake;

/**
 * Reads one export format into its canonical table: renames, parses and casts, nothing else.
 * Bad records are quarantined with a reason; only structural problems (missing files or
 * columns) throw, with a message that names the file, the column and the fix.
 */
public interface SourceAdapter {
  Intake read(SparkSession spark, PipelineConfig config, Sources.ConfiguredSource source);
}
