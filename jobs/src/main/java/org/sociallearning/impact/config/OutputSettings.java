package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where results go. Written either as a plain folder ({@code output: out}) or as a map ({@code
 * output: {path: out, keep_runs: 7, jdbc: {...}}}).
 *
 * @param path the output folder, relative to the config file's folder
 * @param keepRuns how many published runs stay under {@code <path>/runs/} (at least 1)
 * @param jdbc optional database the published tables are also written to, or null
 */
public record OutputSettings(
    @JsonProperty("path") String path,
    @JsonProperty("keep_runs") Integer keepRuns,
    @JsonProperty("jdbc") JdbcSettings jdbc) {

  public static final String DEFAULT_PATH = "out";
  public static final int DEFAULT_KEEP_RUNS = 7;

  public OutputSettings {
    path = path == null ? DEFAULT_PATH : path;
    keepRuns = keepRuns == null ? DEFAULT_KEEP_RUNS : keepRuns;
  }

  /** {@code output: out}: just the folder, defaults for the rest. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static OutputSettings ofPath(String path) {
    return new OutputSettings(path, null, null);
  }

  public static OutputSettings defaults() {
    return new OutputSettings(null, null, null);
  }

  /**
   * A database that receives the published tables in one transaction per run.
   *
   * @param url JDBC URL, e.g. {@code jdbc:postgresql://db.example.com:5432/analytics}
   * @param user database user
   * @param passwordEnv name of the environment variable holding the password (never the password)
   * @param schema schema the tables are written to (created when missing)
   */
  public record JdbcSettings(
      @JsonProperty("url") String url,
      @JsonProperty("user") String user,
      @JsonProperty("password_env") String passwordEnv,
      @JsonProperty("schema") String schema) {

    public JdbcSettings {
      schema = schema == null ? "social_learning_impact" : schema;
    }
  }
}
