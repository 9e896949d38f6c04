package org.sociallearning.impact.sample;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Rows of incident.csv as ServiceNow's list export writes them: local times of the exporting user's
 * zone, display values for priority and group, durations in words.
 */
final class ServiceNowIncidentRows {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ServiceNowExport.EXPORT_ZONE);
  private static final String[] PRIORITIES = {
    "1 - Critical", "2 - High", "3 - Moderate", "4 - Low"
  };

  private ServiceNowIncidentRows() {}

  static List<String> row(ServiceNowTicket tk) {
    Person p = tk.assignee;
    String opened = tk.badOpenedAt ? ServiceNowExport.BAD_OPENED_AT : fmt(tk.opened);
    return List.of(
        tk.number,
        opened,
        tk.shortDescription,
        tk.description,
        PRIORITIES[tk.priority],
        tk.state,
        Texts.INCIDENT_CATEGORIES[tk.category],
        group(p),
        p == null ? "" : p.name,
        tk.email,
        fmt(tk.resolved),
        fmt(tk.closed),
        String.valueOf(tk.reassignments),
        String.valueOf(tk.reopens),
        String.valueOf(tk.madeSla),
        fmt(tk.updated),
        worked(tk.worked));
  }

  /** The older copy of a ticket exported twice: still "In Progress", nothing resolved yet. */
  static List<String> staleRow(ServiceNowTicket tk) {
    Person p = tk.assignee;
    return List.of(
        tk.number,
        fmt(tk.opened),
        tk.shortDescription,
        tk.description,
        PRIORITIES[tk.priority],
        "In Progress",
        Texts.INCIDENT_CATEGORIES[tk.category],
        group(p),
        p.name,
        tk.email,
        "",
        "",
        String.valueOf(Math.min(tk.reassignments, 1)),
        "0",
        "true",
        fmt(tk.staleUpdated),
        worked(tk.worked / 2));
  }

  /** A duration as ServiceNow's list export shows it: {@code 1 Hour 5 Minutes 12 Seconds}. */
  static String worked(long seconds) {
    if (seconds <= 0) {
      return "";
    }
    long[] parts = {seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60, seconds % 60};
    String[] units = {"Day", "Hour", "Minute", "Second"};
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] > 0) {
        out.append(out.length() == 0 ? "" : " ")
            .append(parts[i])
            .append(' ')
            .append(units[i])
            .append(parts[i] == 1 ? "" : "s");
      }
    }
    return out.toString();
  }

  private static String group(Person p) {
    if (p == null) {
      return "Service Desk L1";
    }
    if (p.department.equals("Customer Support")) {
      return "Customer Support";
    }
    return p.title.startsWith("Senior") ? "Service Desk L2" : "Service Desk L1";
  }

  static String fmt(Instant at) {
    return at == null ? "" : FORMAT.format(at);
  }
}
