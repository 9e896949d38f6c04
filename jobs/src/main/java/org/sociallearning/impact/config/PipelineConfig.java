package org.sociallearning.impact.config;

import java.nio.file.Path;
import java.time.LocalDate;
import org.sociallearning.impact.value.ValueSettings;

/**
 * The validated job configuration, loaded once per run. Paths are absolute (resolved against
 * the config file's folder).
 *
 * @param configFile the YAML file this was read from
 * @param digest SHA-256 of the config file's bytes, recorded in the manifest
 * @param value costs and margins that turn effects into money (all optional)
 * @param outputSettings how many runs to keep and the optional database sink
 * @param privacy where the pseudonym key comes from
 * @param identity domain aliases and id mappings for matching people to the roster
 * @param quality error-rate thresholds that stop a run
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
    QualitySettings quality) {

  public Path configDir() {
    return configFile.getParent();
  }

  /** A path from the config, resolved against the config file's folder. */
  public Path resolve(String relative) {
    return configDir().resolve(relative).normalize();
  }
}
