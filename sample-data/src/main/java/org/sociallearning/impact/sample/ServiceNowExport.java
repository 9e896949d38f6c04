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
 * <p>{@link ServiceNowTickets} draws the incidents and {@link ServiceNowIncidentRows} formats them;
 * this class decides which tickets there are, numbers them in order of opening, and plants the
 * quirks: unassigned tickets, one row whose opened_at is not a date, and a few tickets exported
 * twice, once in an older version.
 */
final class ServiceNowExport {

  static final List<String> HEADER =
      List.of(
          "number",
          "opened_at",
          "short_description",
          "description",
          "priority",
          "state",
          "category",
          "assignment_group",
          "assigned_to",
          "assigned_to.email",
          "resolved_at",
          "closed_at",
          "reassignment_count",
          "reopen_count",
          "made_sla",
          "sys_updated_on",
          "time_worked");
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
          // business hours 07:00-17:00 at UTC-06:00 = 13:00-23:00 UTC: same calendar date in both
          // zones
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
    ServiceNowTicket bad =
        draws.ticket(
            analysts.get(rng.nextInt(analysts.size())),
            t.monthStart(Math.min(3, t.lastMonth)).atTime(16, 0).toInstant(ZoneOffset.UTC),
            -1);
    bad.badOpenedAt = true;
    tickets.add(bad);

    tickets.sort(
        Comparator.comparing((ServiceNowTicket x) -> x.opened)
            .thenComparing(x -> x.assignee == null ? "" : x.assignee.id));
    numberAndPlantQuirks(tickets);
    writeFile(tickets);
    b.incidents = tickets.size();
  }

  /**
   * Numbers the tickets in order and reports the planted ones; about 1% of resolved tickets are
   * exported twice.
   */
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
        tk.staleUpdated =
            tk.opened.plusSeconds(1 + (long) (rng.nextDouble() * Math.max(1, span - 1)));
        b.incidentsExportedTwice.add(tk.number);
      }
    }
  }

  /**
   * A ticket exported twice has its older copy before or after the current one, as overlapping
   * exports leave it.
   */
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
}
