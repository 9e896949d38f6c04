package org.sociallearning.impact.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.CsvRecordReader;
import org.sociallearning.impact.ingest.RawRecords;

/**
 * Builds the run's {@link IdentityResolver} from the roster (one row per employee: small enough for
 * the driver), the configured domain aliases and the id mapping file.
 */
public final class RosterDirectory {

  static final List<String> MAPPING_COLUMNS = List.of("source", "source_user_id", "employee_id");

  private RosterDirectory() {}

  /** The resolver and what was wrong with the mapping file (for the manifest's warnings). */
  public record Directory(IdentityResolver resolver, IdMappings mappings, int rosterRows) {}

  /** Needs roster columns {@code employee_id, email, name}. */
  public static Directory build(SparkSession spark, PipelineConfig config, Dataset<Row> roster) {
    List<IdentityResolver.RosterPerson> people = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Row r :
        roster
            .select(col(IdentityResolution.EMPLOYEE_ID), col("email"), col("name"))
            .collectAsList()) {
      people.add(new IdentityResolver.RosterPerson(r.getString(0), r.getString(1), r.getString(2)));
      ids.add(r.getString(0));
    }
    IdMappings mappings =
        config.identity().idMappings() == null
            ? IdMappings.none()
            : new IdMappings(readMappings(spark, config), ids);
    return new Directory(
        new IdentityResolver(people, config.identity().domainAliases(), mappings),
        mappings,
        people.size());
  }

  private static List<IdMappings.Mapping> readMappings(SparkSession spark, PipelineConfig config) {
    Path file = config.resolve(config.identity().idMappings());
    CsvRecordReader.requireColumns(List.of(file), MAPPING_COLUMNS);
    List<IdMappings.Mapping> out = new ArrayList<>();
    for (Row r :
        CsvRecordReader.read(
                spark,
                List.of(file),
                config.configDir(),
                CsvRecordReader.columns(
                    "source",
                    "source",
                    "source_user_id",
                    "source_user_id",
                    "employee_id",
                    "employee_id"))
            .filter(col(RawRecords.PARSE_ERROR).isNull())
            .select(trim(col("source")), trim(col("source_user_id")), trim(col("employee_id")))
            .collectAsList()) {
      out.add(new IdMappings.Mapping(r.getString(0), r.getString(1), r.getString(2)));
    }
    return out;
  }
}
