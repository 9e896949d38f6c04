package org.sociallearning.impact.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks one configured source: a format this version reads for its role, files that exist, a
 * locale and a time zone Java understands, and the keys some formats add (roster and LMS completion
 * columns, the Zendesk effort field). Part of {@link ConfigLoader#validate}.
 */
final class SourceValidation {

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

  private SourceValidation() {}

  static void validate(PipelineConfig config, Sources.ConfiguredSource source) {
    SourceSpec spec = source.spec();
    String key = source.key();
    Set<String> formats = ConfigLoader.FORMATS.get(source.role());
    if (spec.format() == null || !formats.contains(spec.format())) {
      throw new ConfigException(
          key
              + ".format must be one of "
              + new TreeSet<>(formats)
              + ", got '"
              + spec.format()
              + "'");
    }
    if (spec.path() == null) {
      throw new ConfigException(key + ".path is required");
    }
    InputFileValidation.requireExists(config.resolve(spec.path()), key + ".path");
    for (Map.Entry<String, String> companion : spec.companionFiles().entrySet()) {
      InputFileValidation.requireExists(
          config.resolve(companion.getValue()), key + "." + companion.getKey());
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
      InputFileValidation.requireExists(config.resolve(spec.userEmails()), key + ".user_emails");
    }
    if (spec.accountEmails() != null) {
      InputFileValidation.requireExists(
          config.resolve(spec.accountEmails()), key + ".account_emails");
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
      validateRosterColumns(spec, key);
    }
  }

  /** hr-csv names the export column of each roster attribute; id and email cannot be missing. */
  private static void validateRosterColumns(SourceSpec spec, String key) {
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
}
