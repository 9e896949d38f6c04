package org.sociallearning.impact.adapters;

import static java.util.Map.entry;

import java.util.Map;

/** The adapter behind each config {@code format:} name. */
public final class AdapterRegistry {

  private static final Map<String, SourceAdapter> ADAPTERS = Map.ofEntries(
      entry("hr-csv", new HrRosterAdapter()),
      entry("slack-export", new SlackExportAdapter()),
      entry("viva-engage-export", new VivaEngageExportAdapter()),
      entry("stackexchange-dump", new StackExchangeDumpAdapter()),
      entry("discourse-export", new DiscourseExportAdapter()),
      entry("xapi-jsonl", new XapiStatementAdapter()),
      entry("xapi-json", new XapiStatementAdapter()),
      entry("lms-completions-csv", new LmsCompletionsAdapter()),
      entry("servicenow-csv", new ServiceNowIncidentAdapter()),
      entry("salesforce-csv", new SalesforceOpportunityAdapter()));

  /** Further service-desk and CRM formats (Map.of takes at most ten pairs). */
  private static final Map<String, SourceAdapter> SERVICE_DESK_AND_CRM = Map.of(
      "servicenow-audit-csv", new ServiceNowAuditLogAdapter(),
      "zendesk-json", new ZendeskTicketAdapter(),
      "jira-sm-csv", new JiraServiceManagementAdapter(),
      "salesforce-case-csv", new SalesforceCaseAdapter(),
      "hubspot-deals-csv", new HubSpotDealAdapter());

  private AdapterRegistry() {}

  public static SourceAdapter forFormat(String format) {
    SourceAdapter adapter = ADAPTERS.get(format);
    adapter = adapter != null ? adapter : SERVICE_DESK_AND_CRM.get(format);
    if (adapter == null) {
      throw new IllegalArgumentException("no adapter for format '" + format + "'; known: "
          + SERVICE_DESK_AND_CRM.keySet() + " "
          + ADAPTERS.keySet());
    }
    return adapter;
  }
}
