package org.sociallearning.impact.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sociallearning.impact.ingest.InputFiles;

/**
 * Checks the {@code output:} block: how many runs to keep, the optional PostgreSQL sink, and an
 * output folder that cannot swallow the inputs. Part of {@link ConfigLoader#validate}.
 */
final class OutputValidation {

  private OutputValidation() {}

  /** Checks that need only the output block, before the config is assembled. */
  static void validate(OutputSettings output) {
    if (output.keepRuns() < 1) {
      throw new ConfigException(
          "output.keep_runs must be at least 1 (the published run), got " + output.keepRuns());
    }
    validateJdbc(output.jdbc());
  }

  /**
   * A run replaces the whole output folder, so it must not be, contain or sit inside the config
   * folder's inputs: {@code output: .} would otherwise swap away the exports themselves.
   */
  static void validateFolder(PipelineConfig config) {
    Path output = config.output();
    if (config.configDir().startsWith(output)) {
      throw new ConfigException(
          "output must be a folder of its own, not the config folder or one"
              + " of its parents (got "
              + output
              + "); e.g. output: out");
    }
    for (Sources.ConfiguredSource source : config.sources().all()) {
      List<String> paths = new ArrayList<>(source.spec().companionFiles().values());
      paths.add(0, source.spec().path());
      for (String path : paths) {
        if (path == null) {
          continue;
        }
        Path input = InputFiles.base(config.resolve(path));
        if (input.startsWith(output) || output.startsWith(input)) {
          throw new ConfigException(
              "output ("
                  + output
                  + ") overlaps "
                  + source.key()
                  + " ("
                  + input
                  + "): a run replaces the output folder, so keep inputs elsewhere");
        }
      }
    }
  }

  /** The sink writes PostgreSQL; its password comes from an environment variable, not the file. */
  private static void validateJdbc(OutputSettings.JdbcSettings jdbc) {
    if (jdbc == null) {
      return;
    }
    if (jdbc.url() == null || !jdbc.url().startsWith("jdbc:postgresql:")) {
      throw new ConfigException(
          "output.jdbc.url must be a PostgreSQL JDBC URL such as"
              + " jdbc:postgresql://host:5432/db (the sink writes PostgreSQL), got '"
              + jdbc.url()
              + "'");
    }
    if (jdbc.user() == null) {
      throw new ConfigException("output.jdbc.user is required");
    }
    if (jdbc.passwordEnv() != null && !jdbc.passwordEnv().matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new ConfigException(
          "output.jdbc.password_env names an environment variable (e.g."
              + " IMPACT_DB_PASSWORD), not the password itself");
    }
    if (!jdbc.schema().matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new ConfigException(
          "output.jdbc.schema must be a plain identifier (letters, digits,"
              + " underscore), got '"
              + jdbc.schema()
              + "'");
    }
  }
}
