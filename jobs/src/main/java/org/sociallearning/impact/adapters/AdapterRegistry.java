package org.sociallearning.impact.adapters;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every export format the job reads, one line each. The config's accepted formats per section and
 * the canonical contracts' {@code source} values are checked against this list by tests.
 */
public final class AdapterRegistry {

  public static final List<ExportFormat> FORMATS =
      List.of(
          new ExportFormat("hr-csv", "roster", "roster", null, new HrRosterAdapter()),
          new ExportFormat(
              "slack-export", "forum", "forum_interactions", "slack", new SlackExportAdapter()),
          new ExportFormat(
              "viva-engage-export",
              "forum",
              "forum_interactions",
              "viva-engage",
              new VivaEngageExportAdapter()),
          new ExportFormat(
              "stackexchange-dump",
              "forum",
              "forum_interactions",
              "stackexchange",
              new StackExchangeDumpAdapter()),
          new ExportFormat(
              "discourse-export",
              "forum",
              "forum_interactions",
              "discourse",
              new DiscourseExportAdapter()),
          new ExportFormat(
              "xapi-jsonl", "learning", "learning_statements", null, new XapiStatementAdapter()),
          new ExportFormat(
              "xapi-json", "learning", "learning_statements", null, new XapiStatementAdapter()),
          new ExportFormat(
              "lms-completions-csv",
              "learning",
              "formal_completions",
              "lms",
              new LmsCompletionsAdapter()),
          new ExportFormat(
              "servicenow-csv",
              "service_desk",
              "service_tickets",
              "servicenow",
              new ServiceNowIncidentAdapter()),
          new ExportFormat(
              "servicenow-audit-csv",
              "service_desk",
              "service_tickets",
              "servicenow",
              new ServiceNowAuditLogAdapter()),
          new ExportFormat(
              "zendesk-json",
              "service_desk",
              "service_tickets",
              "zendesk",
              new ZendeskTicketAdapter()),
          new ExportFormat(
              "jira-sm-csv",
              "service_desk",
              "service_tickets",
              "jira",
              new JiraServiceManagementAdapter()),
          new ExportFormat(
              "salesforce-case-csv",
              "service_desk",
              "service_tickets",
              "salesforce",
              new SalesforceCaseAdapter()),
          new ExportFormat(
              "salesforce-csv",
              "crm",
              "opportunities",
              "salesforce",
              new SalesforceOpportunityAdapter()),
          new ExportFormat(
              "hubspot-deals-csv", "crm", "opportunities", "hubspot", new HubSpotDealAdapter()));

  private AdapterRegistry() {}

  public static SourceAdapter forFormat(String format) {
    return FORMATS.stream()
        .filter(f -> f.name().equals(format))
        .findFirst()
        .map(ExportFormat::adapter)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no adapter for format '"
                        + format
                        + "'; known: "
                        + FORMATS.stream().map(ExportFormat::name).toList()));
  }

  /** Format names by config section ({@code forum}, {@code crm}, ...). */
  public static Map<String, Set<String>> formatsByRole() {
    return FORMATS.stream()
        .collect(
            Collectors.groupingBy(
                ExportFormat::role,
                TreeMap::new,
                Collectors.mapping(ExportFormat::name, Collectors.toCollection(TreeSet::new))));
  }
}
