package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One input as configured: its adapter format, where its files are and how to read them.
 *
 * @param format adapter name, e.g. {@code servicenow-csv}
 * @param path file or folder, relative to the config file's folder
 * @param timezone IANA zone or offset the export's local timestamps are in (default UTC)
 * @param timestampFormat pattern of local timestamps (default {@code yyyy-MM-dd HH:mm:ss}, or the
 *     format's own default, see {@link #timestampFormatOr})
 * @param users companion user list (Salesforce User.csv, Discourse users.csv, Zendesk users),
 *     relative like path
 * @param userEmails CSV {@code user_id,email}: the id or name an export shows for a person to their
 *     email, for exports without emails (Stack Exchange, Discourse, LMS completions, Jira, HubSpot,
 *     ServiceNow event logs), relative like path
 * @param accountEmails CSV {@code home_page,account_name,email} for xAPI actors identified by an
 *     LMS account, relative like path
 * @param community fixed community name for a whole export (Stack Exchange; default: each
 *     question's first tag)
 * @param columns export header for each canonical column (hr-csv, hubspot-deals-csv)
 * @param dateFormat pattern of dates (hr-csv hire dates)
 * @param ticketMetrics Zendesk ticket_metrics export, relative like path
 * @param history Salesforce OpportunityHistory.csv, relative like path
 * @param locale BCP 47 tag of the language month names and AM/PM are written in (default en)
 * @param wonStages deal stages that mean won (hubspot-deals-csv), compared ignoring case
 * @param lostStages deal stages that mean lost (hubspot-deals-csv), compared ignoring case
 * @param effortField id of the ticket custom field holding the seconds worked on a ticket
 *     (zendesk-json: the Time Tracking app's "Total time spent (sec)"), digits only; kept as text
 *     because Zendesk ids are compared as the export writes them
 */
public record SourceSpec(
    @JsonProperty("format") String format,
    @JsonProperty("path") String path,
    @JsonProperty("timezone") String timezone,
    @JsonProperty("timestamp_format") String timestampFormat,
    @JsonProperty("users") String users,
    @JsonProperty("user_emails") String userEmails,
    @JsonProperty("account_emails") String accountEmails,
    @JsonProperty("community") String community,
    @JsonProperty("columns") Map<String, String> columns,
    @JsonProperty("date_format") String dateFormat,
    @JsonProperty("ticket_metrics") String ticketMetrics,
    @JsonProperty("history") String history,
    @JsonProperty("locale") String locale,
    @JsonProperty("won_stages") List<String> wonStages,
    @JsonProperty("lost_stages") List<String> lostStages,
    @JsonProperty("effort_field") String effortField,
    @JsonProperty("name") String name) {

  /** The {@code columns} keys of {@code lms-completions-csv}: what a completion report maps. */
  public static final java.util.List<String> LMS_COMPLETION_FIELDS =
      java.util.List.of("email", "user_id", "course_id", "completed_at");

  public static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd HH:mm:ss";

  public SourceSpec {
    timezone = timezone == null ? "UTC" : timezone;
    columns = columns == null ? Map.of() : Map.copyOf(columns);
    locale = locale == null ? "en" : locale;
    wonStages = wonStages == null ? List.of("Closed won") : List.copyOf(wonStages);
    lostStages = lostStages == null ? List.of("Closed lost") : List.copyOf(lostStages);
    effortField = effortField == null ? null : effortField.strip();
  }

  /** The configured timestamp pattern, or {@value #DEFAULT_TIMESTAMP_FORMAT}. */
  @Override
  public String timestampFormat() {
    return timestampFormatOr(DEFAULT_TIMESTAMP_FORMAT);
  }

  /** The configured timestamp pattern, or a format's own default when none is configured. */
  public String timestampFormatOr(String formatDefault) {
    return timestampFormat == null ? formatDefault : timestampFormat;
  }

  public Locale javaLocale() {
    return Locale.forLanguageTag(locale);
  }

  /** Companion files besides {@code path}, by config key, for existence and overlap checks. */
  public Map<String, String> companionFiles() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    out.put("users", users);
    out.put("ticket_metrics", ticketMetrics);
    out.put("history", history);
    out.put("user_emails", userEmails);
    out.put("account_emails", accountEmails);
    out.values().removeIf(java.util.Objects::isNull);
    return out;
  }
}
