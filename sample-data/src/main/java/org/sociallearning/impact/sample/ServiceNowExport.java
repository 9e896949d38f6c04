package org.sociallearning.impact.sample;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes servicenow/incident.csv, an incident list export in the exporting user's zone (UTC-06:00).
 *
 * <p>{@link ServiceNowTickets} draws the incidents and {@link ServiceNowIncidentRows} formats them; this class decides
 * which tickets there are, numbers them in order of opening, and plants the quirks: unassigned tickets, one row whose
 * opened_at is not a date, and a few tickets exported twice, once in an older version.
 */
final class ServiceNowExport {

    static final List<String> HEADER = List.of("number", "opened_at", "short_description", "description", "priority",
            "state", "category", "assignment_group", "assigned_to", "assigned_to.email", "resolved_at", "closed_at",
            "reassignment_count", "reopen_count", "made_sla", "sys_updated_on", "time_worked");
    static final ZoneOffset EXPORT_ZONE = ZoneOffset.ofHours(-6);
    static final String BAD_OPENED_AT = "31/02/2025 10:00";

  /**
   * Tickets per analyst and month: 0, 1 or 2 with these probabilities (mean 1.0; keeps the sample
   * small).
   */
  static final double[] TICKETS_PER_MONTH_P = {0.25, 0.5, 0.25};

    private final Build b;
    private final SplittableRandom rng;
    private final ServiceNowTickets draws;

    ServiceNowExport(Build b, SplittableRandom rng) {
        this.b = b;
        this.rng = rng;
        this.draws = new ServiceNowTickets(b, rng);
    }

    void write() {
        Timeline t = b.timeline;
        List<ServiceNowTicket> tickets = new ArrayList<>();
        List<Person> analysts = new ArrayList<>();
        for (Person p : b.people) {
            if (!p.handlesTickets()) {
                continue;
            }
            analysts.add(p);
            for (int m = p.hireMonth; m <= t.lastMonth; m++) {
                int n = Workload.itemsInMonth(rng, TICKETS_PER_MONTH_P, b.settings.ticketVolume());
                for (int k = 0; k < n; k++) {
                    // business hours 07:00-17:00 at UTC-06:00 = 13:00-23:00 UTC: same calendar date in both zones
                    Instant opened = t.anyDayInMonth(rng, m, 13, 23, p.hireDate);
                    Instant toTheSecond = opened == null ? null : opened.truncatedTo(ChronoUnit.SECONDS);
                    ServiceNowTicket tk = draws.ticket(p, toTheSecond, m);
                    if (tk != null) {
                        tickets.add(tk);
                    }
                }
            }
        }
        draws.addUnassigned(tickets);
        ServiceNowTicket bad = draws.ticket(analysts.get(rng.nextInt(analysts.size())),
                t.monthStart(Math.min(3, t.lastMonth)).atTime(16, 0).toInstant(ZoneOffset.UTC), -1);
        bad.badOpenedAt = true;
        tickets.add(bad);

        tickets.sort(Comparator.comparing((ServiceNowTicket x) -> x.opened)
                .thenComparing(x -> x.assignee == null ? "" : x.assignee.id));
        numberAndPlantQuirks(tickets);
        writeFile(tickets);
        b.incidents = tickets.size();
    }

    /** Numbers the tickets in order and reports the planted ones; about 1% of resolved tickets are exported twice. */
    private void numberAndPlantQuirks(List<ServiceNowTicket> tickets) {
        for (int i = 0; i < tickets.size(); i++) {
            ServiceNowTicket tk = tickets.get(i);
            tk.number = String.format(Locale.ROOT, "INC%07d", 10001 + i);
            if (tk.badOpenedAt) {
                b.badOpenedAtIncident = tk.number;
                b.badOpenedAtValue = BAD_OPENED_AT;
            } else if (tk.assignee == null) {
                b.unassignedIncidents.add(tk.number);
            } else if (tk.resolved != null && rng.nextDouble() < 0.01) {
                tk.exportedTwice = true;
                tk.staleFirst = rng.nextBoolean();
                long span = tk.resolved.getEpochSecond() - tk.opened.getEpochSecond();
                tk.staleUpdated = tk.opened.plusSeconds(1 + (long) (rng.nextDouble() * Math.max(1, span - 1)));
                b.incidentsExportedTwice.add(tk.number);
            }
        }
    }

    /** A ticket exported twice has its older copy before or after the current one, as overlapping exports leave it. */
    private void writeFile(List<ServiceNowTicket> tickets) {
        try (Csv csv = new Csv(b.path("servicenow/incident.csv"), true)) {
            csv.header(HEADER);
            for (ServiceNowTicket tk : tickets) {
                if (tk.exportedTwice && tk.staleFirst) {
                    csv.row(ServiceNowIncidentRows.staleRow(tk));
                }
                csv.row(ServiceNowIncidentRows.row(tk));
                if (tk.exportedTwice && !tk.staleFirst) {
                    csv.row(ServiceNowIncidentRows.staleRow(tk));
                }
            }
            b.record("servicenow/incident.csv", csv.records());
            b.incidentRows = csv.records();
        }
    }
    return tk;
  }

  private String description() {
    String[] parts = Texts.INCIDENT_DESCRIPTIONS;
    double shape = rng.nextDouble();
    int lines = shape < 0.4 ? 0 : shape < 0.85 ? 1 : 2 + rng.nextInt(2);
    String eol = rng.nextBoolean() ? "\r\n" : "\n";
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      if (i > 0) {
        d.append(eol);
      }
      String s = parts[rng.nextInt(parts.length)];
      if (s.contains("%s")) {
        s =
            String.format(
                Locale.ROOT,
                s,
                b.people.get(rng.nextInt(b.people.size())).name,
                4000 + rng.nextInt(5000));
      } else if (s.contains("%d")) {
        s = String.format(Locale.ROOT, s, 10000 + rng.nextInt(90000));
      }
      d.append(s);
    }
    return d.toString();
  }

  /**
   * A few tickets nobody is assigned to: new ones just before asOf, and some old ones closed by the
   * team.
   */
  private void addUnassigned(List<Ticket> tickets) {
    Timeline t = b.timeline;
    for (int k = 0; k < 3; k++) {
      Instant opened =
          t.asOfInstant
              .minus(1 + rng.nextInt(4), ChronoUnit.DAYS)
              .plusSeconds(13 * 3600 + rng.nextInt(10 * 3600))
              .minus(1, ChronoUnit.DAYS);
      Ticket tk = ticket(null, opened, -1);
      tk.state = "New";
      tk.resolved = null;
      tk.closed = null;
      tk.updated = opened;
      tickets.add(tk);
    }
    for (int k = 0; k < 3; k++) {
      Instant opened =
          t.instantInMonth(rng, 1 + rng.nextInt(Math.max(1, t.lastMonth - 2)), 13, 23, null);
      Ticket tk = ticket(null, opened.truncatedTo(ChronoUnit.SECONDS), -1);
      tickets.add(tk);
    }
  }

  private List<String> row(Ticket tk) {
    Person p = tk.assignee;
    String opened = tk.badOpenedAt ? BAD_OPENED_AT : fmt(tk.opened);
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

  /** The older copy of a ticket exported twice: still "In Progress", nothing resolved yet. */
  private List<String> staleRow(Ticket tk) {
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
