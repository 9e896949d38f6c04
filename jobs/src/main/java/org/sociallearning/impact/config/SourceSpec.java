package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One input as configured: its adapter format, where its files are and how to read them.
 *
 * @param format adapter name, e.g. {@code servicenow-csv}
 * @param path file or folder, relative to the config file's folder
 * @param timezone IANA zone or offset the export's local timestamps are in (default UTC)
 * @param timestampFormat pattern of local timestamps (default {@code yyyy-MM-dd HH:mm:ss})
 * @param users companion user list (Salesforce User.csv, Discourse users.csv), relative like path
 * @param userEmails CSV {@code user_id,email} for exports without emails (Stack Exchange,
 *     Discourse, LMS completions), relative like path
 * @param accountEmails CSV {@code home_page,account_name,email} for xAPI actors identified by an
 *     LMS account, relative like path
 * @param community fixed community name for a whole export (Stack Exchange; default: each
 *     question's first tag)
 * @param columns export header for each canonical column (hr-csv)
 * @param dateFormat pattern of dates (hr-csv hire dates)
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
    @JsonProperty("date_format") String dateFormat) {

  public static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd HH:mm:ss";

  public SourceSpec {
    timezone = timezone == null ? "UTC" : timezone;
    timestampFormat = timestampFormat == null ? DEFAULT_TIMESTAMP_FORMAT : timestampFormat;
    columns = columns == null ? Map.of() : Map.copyOf(columns);
  }
}
