package org.sociallearning.impact.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and validates {@code pipeline.yaml}; every error names the offending key. The checks of
 * each block live beside it ({@link SourceValidation}, {@link InputFileValidation}, {@link
 * OutputValidation}, {@link IdentityAndQualityValidation}, {@link EstimationValidation}); this
 * class parses the file and runs them in order.
 */
public final class ConfigLoader {

  /** Adapter formats this version reads, per source role. */
  public static final Map<String, Set<String>> FORMATS =
      Map.of(
          "roster", Set.of("hr-csv"),
          "forum",
              Set.of(
                  "slack-export", "viva-engage-export", "stackexchange-dump", "discourse-export"),
          "learning", Set.of("xapi-jsonl", "xapi-json", "lms-completions-csv"),
          "service_desk",
              Set.of(
                  "servicenow-csv",
                  "servicenow-audit-csv",
                  "zendesk-json",
                  "jira-sm-csv",
                  "salesforce-case-csv"),
          "crm", Set.of("salesforce-csv", "hubspot-deals-csv"));

  /** Roster attributes the estimator can stratify on. */
  public static final List<String> STRATIFYING_ATTRIBUTES =
      List.of("department", "job_title", "location");

  /** Covariates computed per person and month rather than read from the roster. */
  public static final String TENURE_MONTHS = "tenure_months";

  /** Tenure in a flexible form: bands of months since hire (0, 1, 2, 3-5, 6-11, 12-23, 24+). */
  public static final String TENURE_BANDS = "tenure_bands";

  /** Whether a covariate is computed from the hire date (and so needs a covariate method). */
  public static boolean isTenure(String covariate) {
    return TENURE_MONTHS.equals(covariate) || TENURE_BANDS.equals(covariate);
  }

  /** {@code estimation.method}: exact strata, or a covariate method of the estimator. */
  public static final List<String> ESTIMATION_METHODS =
      List.of(EstimationSettings.STRATA, EstimationSettings.DOUBLY_ROBUST, "reg", "ipw");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

  private ConfigLoader() {}

  public static PipelineConfig load(Path file) {
    Path configFile = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(configFile)) {
      throw new ConfigException("config file not found: " + configFile);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(configFile);
    } catch (IOException e) {
      throw new ConfigException("cannot read config " + configFile + ": " + e.getMessage(), e);
    }
    RawConfig raw = parse(configFile, bytes);
    return validate(configFile, sha256(bytes), raw, LocalDate.now(ZoneOffset.UTC));
  }

  private static RawConfig parse(Path file, byte[] bytes) {
    try {
      RawConfig raw = YAML.readValue(bytes, RawConfig.class);
      if (raw == null) {
        throw new ConfigException(file + " is empty");
      }
      return raw;
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      throw new ConfigException(
          "unknown key '"
              + keyPath(e)
              + "' in "
              + file.getFileName()
              + " (allowed here: "
              + known
              + ")",
          e);
    } catch (JsonMappingException e) {
      throw new ConfigException(
          "bad value for '"
              + keyPath(e)
              + "' in "
              + file.getFileName()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          "cannot parse "
              + file.getFileName()
              + " as YAML at line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks a parsed config key by key and assembles it. The checks run in a fixed order, so a
   * config with several problems always reports the same one first.
   */
  static PipelineConfig validate(Path configFile, String digest, RawConfig raw, LocalDate today) {
    LocalDate asOf = today;
    if (raw.asOf() != null) {
      try {
        asOf = LocalDate.parse(raw.asOf());
      } catch (DateTimeParseException e) {
        throw new ConfigException("as_of must be a date like 2026-11-01, got '" + raw.asOf() + "'");
      }
    }
    OutputSettings outputSettings = raw.output() == null ? OutputSettings.defaults() : raw.output();
    OutputValidation.validate(outputSettings);
    if (raw.sources() == null || raw.sources().roster() == null) {
      throw new ConfigException("sources.roster is required: the HR roster resolves people");
    }
    ParticipationSettings participation =
        raw.participation() == null ? ParticipationSettings.defaults() : raw.participation();
    EstimationSettings estimation =
        raw.estimation() == null ? EstimationSettings.defaults() : raw.estimation();
    ValueSettings value = raw.value() == null ? ValueSettings.none() : raw.value();
    value
        .validate()
        .ifPresent(
            message -> {
              throw new ConfigException(message);
            });
    PipelineConfig config =
        new PipelineConfig(
            configFile,
            digest,
            asOf,
            configFile.getParent().resolve(outputSettings.path()).normalize(),
            raw.sources(),
            participation,
            estimation,
            value,
            outputSettings,
            raw.privacy() == null ? PrivacySettings.defaults() : raw.privacy(),
            raw.identity() == null ? IdentitySettings.defaults() : raw.identity(),
            raw.quality() == null ? QualitySettings.defaults() : raw.quality(),
            raw.report() == null ? ReportSettings.defaults() : raw.report());
    InputFileValidation.validatePseudonymKeyFile(config);
    java.util.Map<String, String> names = new java.util.HashMap<>();
    for (Sources.ConfiguredSource source : raw.sources().all()) {
      SourceValidation.validate(config, source);
      if (!source.name().matches("[A-Za-z0-9_.\\[\\]-]+")) {
        throw new ConfigException(
            source.key()
                + ".name: letters, digits and _ . - only (it keys the source's ids), got '"
                + source.name()
                + "'");
      }
      String other = names.put(source.name(), source.key());
      if (other != null) {
        throw new ConfigException(
            source.key()
                + ".name: '"
                + source.name()
                + "' is also the name of "
                + other
                + "; each source needs its own (it keys the source's ids)");
      }
    }
    InputFileValidation.validateInputRoots(
        config, raw.inputRoots() == null ? List.of(".") : raw.inputRoots());
    OutputValidation.validateFolder(config);
    IdentityAndQualityValidation.validateIdentity(config);
    IdentityAndQualityValidation.validateQuality(config);
    EstimationValidation.validateParticipation(participation);
    EstimationValidation.validateEstimation(estimation);
    config.report().validate();
    config.privacy().validate();
    return config;
  }

  private static String keyPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
