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
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and validates {@code pipeline.yaml}; every error names the offending key. */
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

  static final List<String> ROSTER_COLUMNS =
      List.of(
          "employee_id",
          "name",
          "email",
          "job_title",
          "department",
          "location",
          "hire_date",
          "manager_id");
  static final Set<String> REQUIRED_ROSTER_COLUMNS = Set.of("employee_id", "email");

  /** Roster attributes the estimator can stratify on. */
  public static final List<String> STRATIFYING_ATTRIBUTES =
      List.of("department", "job_title", "location");

  /** Covariates computed per person and month rather than read from the roster. */
  public static final String TENURE_MONTHS = "tenure_months";

  /** {@code estimation.method}: exact strata, or a covariate method of the estimator. */
  public static final List<String> ESTIMATION_METHODS =
      List.of(EstimationSettings.STRATA, "dr", "reg", "ipw");

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
    if (outputSettings.keepRuns() < 1) {
      throw new ConfigException(
          "output.keep_runs must be at least 1 (the published run), got "
              + outputSettings.keepRuns());
    }
    validateJdbc(outputSettings.jdbc());
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
            raw.quality() == null ? QualitySettings.defaults() : raw.quality());
    if (config.privacy().pseudonymKeyFile() != null) {
      Path keyFile = config.resolve(config.privacy().pseudonymKeyFile());
      requireExists(keyFile, "privacy.pseudonym_key_file");
      if (keyFile.startsWith(config.output())) {
        throw new ConfigException(
            "privacy.pseudonym_key_file must not be inside the output"
                + " folder, where readers of the results would find it");
      }
    }
    for (Sources.ConfiguredSource source : raw.sources().all()) {
      validateSource(config, source);
    }
    validateInputRoots(config, raw.inputRoots() == null ? List.of(".") : raw.inputRoots());
    validateOutput(config);
    validateIdentity(config);
    validateQuality(config);
    validateParticipation(participation);
    validateEstimation(estimation);
    return config;
  }

  private static void validateSource(PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    String key = source.key();
    Set<String> formats = FORMATS.get(source.role());
    if (spec.format() == null || !formats.contains(spec.format())) {
      throw new ConfigException(
          key
              + ".format must be one of "
              + new java.util.TreeSet<>(formats)
              + ", got '"
              + spec.format()
              + "'");
    }
    if (spec.path() == null) {
      throw new ConfigException(key + ".path is required");
    }
    requireExists(config.resolve(spec.path()), key + ".path");
    for (Map.Entry<String, String> companion : spec.companionFiles().entrySet()) {
      requireExists(config.resolve(companion.getValue()), key + "." + companion.getKey());
    }
    if (spec.javaLocale().getLanguage().isEmpty()) {
      throw new ConfigException(
          key
              + ".locale must be a language tag such as en, de-DE or"
              + " fr-FR, got '"
              + spec.locale()
              + "'");
    }
    if (spec.userEmails() != null) {
      requireExists(config.resolve(spec.userEmails()), key + ".user_emails");
    }
    if (spec.accountEmails() != null) {
      requireExists(config.resolve(spec.accountEmails()), key + ".account_emails");
    }
    try {
      ZoneId.of(spec.timezone());
    } catch (DateTimeException e) {
      throw new ConfigException(
          key
              + ".timezone must be an IANA zone (Europe/Berlin) or an offset"
              + " (-06:00), got '"
              + spec.timezone()
              + "'");
    }
    if ("lms-completions-csv".equals(spec.format())) {
      validateCompletionColumns(spec, key);
    }
    validateEffortField(spec, key);
    if ("roster".equals(source.role())) {
      for (String column : spec.columns().keySet()) {
        if (!ROSTER_COLUMNS.contains(column)) {
          throw new ConfigException(
              "unknown key '" + key + ".columns." + column + "' (allowed: " + ROSTER_COLUMNS + ")");
        }
      }
      for (String required : REQUIRED_ROSTER_COLUMNS) {
        if (!spec.columns().containsKey(required)) {
          throw new ConfigException(
              key
                  + ".columns."
                  + required
                  + " is required: name the "
                  + "export column that holds it");
        }
      }
    }
  }

  /** effort_field names a Zendesk ticket field by its numeric id; other formats carry effort. */
  private static void validateEffortField(SourceSpec spec, String key) {
    if (spec.effortField() == null) {
      return;
    }
    if (!"zendesk-json".equals(spec.format())) {
      throw new ConfigException(
          key
              + ".effort_field is only read by zendesk-json (the ticket"
              + " field of the Time Tracking app); "
              + spec.format()
              + " takes effort from its own"
              + " columns, see the README");
    }
    if (!spec.effortField().matches("[1-9][0-9]{0,18}")) {
      throw new ConfigException(
          key
              + ".effort_field must be the numeric id of a ticket field"
              + " (Admin Center, Objects and rules, Tickets, Fields; e.g. 360001234567), got '"
              + spec.effortField()
              + "'");
    }
  }

  /** lms-completions-csv maps its columns like hr-csv: a person, a course and a time. */
  private static void validateCompletionColumns(SourceSpec spec, String key) {
    List<String> allowed = SourceSpec.LMS_COMPLETION_FIELDS;
    for (String column : spec.columns().keySet()) {
      if (!allowed.contains(column)) {
        throw new ConfigException(
            "unknown key '" + key + ".columns." + column + "' (allowed: " + allowed + ")");
      }
    }
    for (String required : List.of("course_id", "completed_at")) {
      if (!spec.columns().containsKey(required)) {
        throw new ConfigException(
            key
                + ".columns."
                + required
                + " is required: name the export"
                + " column that holds it");
      }
    }
    if (!spec.columns().containsKey("email") && !spec.columns().containsKey("user_id")) {
      throw new ConfigException(
          key
              + ".columns needs email or user_id (with user_emails) to"
              + " know whose completion a row is");
    }
    if (!spec.columns().containsKey("email") && spec.userEmails() == null) {
      throw new ConfigException(
          key
              + ": columns.user_id without email needs user_emails, a CSV"
              + " user_id,email that maps LMS users to work emails");
    }
  }

  /**
   * A run replaces the whole output folder, so it must not be, contain or sit inside the config
   * folder's inputs: {@code output: .} would otherwise swap away the exports themselves.
   */
  private static void validateOutput(PipelineConfig config) {
    Path output = config.output();
    if (config.configDir().startsWith(output)) {
      throw new ConfigException(
          "output must be a folder of its own, not the config folder or one"
              + " of its parents (got "
              + output
              + "); e.g. output: out");
    }
    for (Sources.ConfiguredSource source : config.sources().all()) {
      List<String> paths = new java.util.ArrayList<>(source.spec().companionFiles().values());
      paths.add(0, source.spec().path());
      for (String path : paths) {
        if (path == null) {
          continue;
        }
        Path input = org.sociallearning.impact.ingest.InputFiles.base(config.resolve(path));
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

  /**
   * Every input the config names (and the pseudonym key file) must lie inside one of {@code
   * input_roots} (default: the config file's folder) once {@code ..} and symbolic links are
   * resolved, so a config cannot make the job read files it was not meant to.
   */
  private static void validateInputRoots(PipelineConfig config, List<String> roots) {
    List<Path> realRoots = new java.util.ArrayList<>();
    for (String root : roots) {
      Path p = config.resolve(root);
      try {
        realRoots.add(p.toRealPath());
      } catch (IOException e) {
        throw new ConfigException("input_roots lists " + p + ", which does not exist");
      }
    }
    Map<String, String> named = new java.util.LinkedHashMap<>();
    for (Sources.ConfiguredSource source : config.sources().all()) {
      named.put(source.key() + ".path", source.spec().path());
      source.spec().companionFiles().forEach((k, v) -> named.put(source.key() + "." + k, v));
    }
    if (config.privacy().pseudonymKeyFile() != null) {
      named.put("privacy.pseudonym_key_file", config.privacy().pseudonymKeyFile());
    }
    for (Map.Entry<String, String> e : named.entrySet()) {
      Path real;
      try {
        real =
            org.sociallearning.impact.ingest.InputFiles.base(config.resolve(e.getValue()))
                .toRealPath();
      } catch (IOException missing) {
        continue; // existence is reported by the source checks
      }
      if (realRoots.stream().noneMatch(real::startsWith)) {
        throw new ConfigException(
            e.getKey()
                + " ("
                + e.getValue()
                + ") resolves to "
                + real
                + ", outside the input roots "
                + realRoots
                + "; add its folder to input_roots if"
                + " the job is meant to read it");
      }
    }
  }

  private static void validateIdentity(PipelineConfig config) {
    IdentitySettings identity = config.identity();
    if (identity.idMappings() != null) {
      requireExists(config.resolve(identity.idMappings()), "identity.id_mappings");
    }
    identity
        .domainAliases()
        .forEach(
            (from, to) -> {
              for (String domain : new String[] {from, to}) {
                if (domain == null
                    || !domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9-]+)+")) {
                  throw new ConfigException(
                      "identity.domain_aliases maps email domains (e.g."
                          + " \"corp.example.com\": example.com), got '"
                          + from
                          + "': '"
                          + to
                          + "'");
                }
              }
            });
  }

  private static void validateQuality(PipelineConfig config) {
    QualitySettings quality = config.quality();
    requireShare("quality.max_error_rate", quality.maxErrorRate());
    List<String> keys = config.sources().all().stream().map(Sources.ConfiguredSource::key).toList();
    quality
        .maxErrorRateBySource()
        .forEach(
            (key, rate) -> {
              if (!keys.contains(key)) {
                throw new ConfigException(
                    "quality.max_error_rate_by_source names '"
                        + key
                        + "', which is not a configured source (sources here: "
                        + keys
                        + ")");
              }
              requireShare("quality.max_error_rate_by_source." + key, rate);
            });
  }

  private static void requireShare(String key, Double value) {
    if (value == null || value < 0 || value > 1) {
      throw new ConfigException(
          key + " must be a share from 0 to 1 (0.05 = 5% of a source's" + " rows), got " + value);
    }
  }

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

  private static void validateParticipation(ParticipationSettings p) {
    if (p.minInteractions() < 1) {
      throw new ConfigException(
          "participation.min_interactions must be at least 1, got " + p.minInteractions());
    }
    if (p.communities().isEmpty()) {
      throw new ConfigException(
          "participation.communities must list at least one channel "
              + "pattern, e.g. [\"ask-*\", \"cop-*\"]");
    }
    if (p.windowDays() != null && p.windowDays() < 1) {
      throw new ConfigException(
          "participation.window_days must be at least 1 day (leave it out"
              + " for no window), got "
              + p.windowDays());
    }
    if (!ParticipationSettings.TRIED_IT_EXCLUDE.equals(p.triedIt())
        && !ParticipationSettings.TRIED_IT_COMPARE.equals(p.triedIt())) {
      throw new ConfigException(
          "participation.tried_it must be 'exclude' (people below"
              + " min_interactions are in neither group) or 'compare' (they are compared with), got '"
              + p.triedIt()
              + "'");
    }
    if (p.profileMonths() < 1 || p.profileMonths() > 12) {
      throw new ConfigException(
          "participation.profile_months must be 1 to 12 months, got " + p.profileMonths());
    }
  }

  private static void validateEstimation(EstimationSettings e) {
    if (!"never".equals(e.control()) && !"notyet".equals(e.control())) {
      throw new ConfigException(
          "estimation.control must be 'never' (never-participants) or"
              + " 'notyet' (also people who join later), got '"
              + e.control()
              + "'");
    }
    if (!"universal".equals(e.basePeriod()) && !"varying".equals(e.basePeriod())) {
      throw new ConfigException(
          "estimation.base_period must be 'universal' (every month against"
              + " the month before joining) or 'varying' (each month before joining against the month"
              + " before it), got '"
              + e.basePeriod()
              + "'");
    }
    if (!ESTIMATION_METHODS.contains(e.method())) {
      throw new ConfigException(
          "estimation.method must be 'strata' (exact stratification on the covariates), 'dr'"
              + " (doubly robust), 'reg' (outcome regression) or 'ipw' (inverse probability"
              + " weighting), got '"
              + e.method()
              + "'");
    }
    for (String covariate : e.covariates()) {
      if (covariate.equals(TENURE_MONTHS) && e.stratifies()) {
        throw new ConfigException(
            "estimation.covariates: '"
                + TENURE_MONTHS
                + "' is continuous and needs estimation.method dr, reg or ipw"
                + " (strata take roster attributes only)");
      }
      if (!STRATIFYING_ATTRIBUTES.contains(covariate) && !covariate.equals(TENURE_MONTHS)) {
        throw new ConfigException(
            "estimation.covariates may list "
                + STRATIFYING_ATTRIBUTES
                + " and, with a covariate method, "
                + TENURE_MONTHS
                + "; got '"
                + covariate
                + "'");
      }
    }
    if (e.anticipation() < 0 || e.anticipation() > 6) {
      throw new ConfigException(
          "estimation.anticipation must be 0 to 6 months, got " + e.anticipation());
    }
    if (e.bootstrapReplicates() < 99) {
      throw new ConfigException(
          "estimation.bootstrap_replicates must be at least 99, got " + e.bootstrapReplicates());
    }
    if (e.minGroupSize() < 3) {
      throw new ConfigException(
          "estimation.min_group_size must be at least 3, got " + e.minGroupSize());
    }
    if (e.firstDealLandmarkDays() < 0) {
      throw new ConfigException(
          "estimation.first_deal_landmark_days must be 0 or more, got "
              + e.firstDealLandmarkDays());
    }
    if (e.ticketHorizonDays() < 1 || e.salesHorizonDays() < 1) {
      throw new ConfigException(
          "estimation.ticket_horizon_days and sales_horizon_days must be " + "positive");
    }
  }

  private static void requireExists(Path path, String key) {
    if (org.sociallearning.impact.ingest.InputFiles.isPattern(path)) {
      try {
        org.sociallearning.impact.ingest.InputFiles.list(path, "**");
      } catch (IllegalArgumentException e) {
        throw new ConfigException(key + " is the pattern " + path + ", which matches nothing");
      }
      return;
    }
    if (!Files.exists(path)) {
      throw new ConfigException(key + " points to " + path + ", which does not exist");
    }
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
