package org.sociallearning.impact.adapters;

import java.util.Map;

/** The adapter behind each config {@code format:} name. */
public final class AdapterRegistry {

  private static final Map<String, SourceAdapter> ADAPTERS = Map.of(
      "hr-csv", new HrRosterAdapter(),
      "slack-export", new SlackExportAdapter(),
      "xapi-jsonl", new XapiStatementAdapter(),
      "servicenow-csv", new ServiceNowIncidentAdapter(),
      "salesforce-csv", new SalesforceOpportunityAdapter());

  private AdapterRegistry() {}

  public static SourceAdapter forFormat(String format) {
    SourceAdapter adapter = ADAPTERS.get(format);
    if (adapter == null) {
      throw new IllegalArgumentException("no adapter for format '" + format + "'; known: "
          + ADAPTERS.keySet());
    }
    return adapter;
  }
}
