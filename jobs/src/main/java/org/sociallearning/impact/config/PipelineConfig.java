package org.sociallearning.impact.config;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The validated job configuration, loaded once per run. Paths are absolute (resolved against the
 * config file's folder).
 *
 * @param configFile the YAML file this was read from
 * @param digest SHA-256 of the config file's bytes, recorded in the manifest
 * @param value costs and margins that turn effects into money (all optional)
 * @param outputSettings how many runs to keep and the optional database sink
 * @param privacy where the pseudonym key comes from
 * @param identity domain aliases and id mappings for matching people to the roster
 * @param quality error-rate thresholds that stop a run
 * @param report how the report reads (its primary outcomes)
 */
public record PipelineConfig(
    Path configFile,
    String digest,
    LocalDate asOf,
    Path output,
    Sources sources,
    ParticipationSettings participation,
    EstimationSettings estimation,
    ValueSettings value,
    OutputSettings outputSettings,
    PrivacySettings privacy,
    IdentitySettings identity,
    QualitySettings quality,
    ReportSettings report) {

  public Path configDir() {
    return configFile.getParent();
  }

  /**
   * Whether a configured source feeds a canonical table: the one place that decides whether a
   * metric on {@code service_tickets} or {@code opportunities} can be estimated. The roster is
   * required, and the other tables are read (empty) whether or not a source feeds them.
   */
  public boolean hasSource(String table) {
    return switch (table) {
      case "service_tickets" -> !sources.serviceDesk().isEmpty();
      case "opportunities" -> !sources.crm().isEmpty();
      case "opportunity_history" -> sources.crm().stream().anyMatch(s -> s.history() != null);
      default -> true;
    };
  }

  /** A path from the config, resolved against the config file's folder. */
  public Path resolve(String relative) {
    return configDir().resolve(relative).normalize();
  }
}
