package org.sociallearning.impact.sample;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes servicenow/incident.csv, an incident list export in the exporting user's zone (UTC-06:00).
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
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(EXPORT_ZONE);
  private static final String[] PRIORITIES = {
    "1 - Critical", "2 - High", "3 - Moderate", "4 - Low"
  };
  private static final double[] PRIORITY_P = {0.03, 0.17, 0.55, 0.25};
  private static final double[] PRIORITY_TERM = {-0.9, -0.45, 0.0, 0.25};
  private static final double[] SLA_HOURS = {8, 24, 72, 120};

  /**
   * Tickets per analyst and month: 0, 1 or 2 with these probabilities (mean 1.0; keeps the sample
   * small).
   */
  static final double[] TICKETS_PER_MONTH_P = {0.25, 0.5, 0.25};

  static final class Ticket {
    Person assignee;
    Instant opened;

    /** Sort key of the bad row (its opened_at is not a date). */
    boolean badOpenedAt;

    int priority;
    int category;
    String shortDescription;
    String description;
    String state;
    Instant resolved;
    Instant closed;
    Instant updated;
    int reassignments;
    int reopens;
    boolean madeSla;
    String email;
    String number;
    boolean exportedTwice;
    boolean staleFirst;
    Instant staleUpdated;

    /** Seconds of work logged by the time of the export (ServiceNow time_worked). */
    long worked;
  }

  private final Build b;
  private final SplittableRandom rng;
  private final double[] shock;

  /** Work logged draws come from their own stream, so every other byte stays as it was. */
  private final SplittableRandom effortRng;

  ServiceNowExport(Build b, SplittableRandom rng) {
    this.b = b;
    this.rng = rng;
    this.shock = monthShocks(b.timeline, rng);
    this.effortRng = new SplittableRandom(b.settings.seed() ^ 0x71AE_0C0DL);
  }

  /** Median hours of work logged on a ticket, before ability, effects and noise. */
  static final double MEDIAN_WORK_HOURS = 0.75;

  static double[] monthShocks(Timeline t, SplittableRandom rng) {
    double[] s = new double[t.months];
    for (int m = 0; m < t.months; m++) {
      int calendarMonth = t.monthStart(m).getMonthValue();
      s[m] = 0.1 * StrictMath.sin(2 * Math.PI * calendarMonth / 12.0) + 0.1 * rng.nextGaussian();
    }
    return s;
  }

  void write() {
    Timeline t = b.timeline;
    List<Ticket> tickets = new ArrayList<>();
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
          Ticket tk = ticket(p, opened == null ? null : opened.truncatedTo(ChronoUnit.SECONDS), m);
          if (tk != null) {
            tickets.add(tk);
          }
        }
      }
    }
    addUnassigned(tickets);
    Ticket bad =
        ticket(
            analysts.get(rng.nextInt(analysts.size())),
            t.monthStart(Math.min(3, t.lastMonth)).atTime(16, 0).toInstant(ZoneOffset.UTC),
            -1);
    bad.badOpenedAt = true;
    tickets.add(bad);

    tickets.sort(
        Comparator.comparing((Ticket x) -> x.opened)
            .thenComparing(x -> x.assignee == null ? "" : x.assignee.id));
    for (int i = 0; i < tickets.size(); i++) {
      Ticket tk = tickets.get(i);
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

    try (Csv csv = new Csv(b.path("servicenow/incident.csv"), true)) {
      csv.header(HEADER);
      for (Ticket tk : tickets) {
        if (tk.exportedTwice && tk.staleFirst) {
          csv.row(staleRow(tk));
        }
        csv.row(row(tk));
        if (tk.exportedTwice && !tk.staleFirst) {
          csv.row(staleRow(tk));
        }
      }
      b.record("servicenow/incident.csv", csv.records());
      b.incidentRows = csv.records();
    }
    b.incidents = tickets.size();
  }

  /**
   * Draws one ticket of assignee p opened at {@code opened} in month m (m = -1: no month effects).
   */
  private Ticket ticket(Person p, Instant opened, int m) {
    double u = rng.nextDouble();
    int priority = 0;
    double acc = PRIORITY_P[0];
    while (u > acc && priority < 3) {
      priority++;
      acc += PRIORITY_P[priority];
    }
    double noise = rng.nextGaussian();
    int category = rng.nextInt(Texts.INCIDENT_CATEGORIES.length);
    String shortDescription = Texts.pick(rng, Texts.INCIDENT_SHORT[category]);
    String description = description();
    double closeDays = 1 + rng.nextDouble() * 4;
    boolean neverClosed = rng.nextDouble() < 0.04;
    double r = rng.nextDouble();
    int reassignments = r < 0.7 ? 0 : r < 0.9 ? 1 : r < 0.98 ? 2 : 3;
    int reopens = rng.nextDouble() < 0.04 ? 1 : 0;
    double updateFraction = rng.nextDouble();
    boolean onHold = rng.nextDouble() < 0.4;
    int caseVariant = rng.nextDouble() < 0.12 ? 1 + rng.nextInt(4) : 0;
    if (opened == null) {
      return null;
    }
    boolean treated = p != null && p.joiner && m >= p.joinMonth;
    double ln =
        2.8
            - 0.35 * (p == null ? 0 : p.ability)
            + (m >= 0 ? shock[m] : 0)
            + PRIORITY_TERM[priority]
            + 0.7 * noise
            + (treated ? b.settings.ticketEffect() : 0)
            + b.settings.durationShift(p, m);
    long seconds = Math.max(300, Math.round(StrictMath.exp(ln) * 3600));

    // Hours of work: a fraction of the elapsed time's log-scale drivers (ability, the planted
    // effect on the typical ticket, unrelated gains), not nights, weekends or waiting.
    double workLn =
        StrictMath.log(MEDIAN_WORK_HOURS)
            - 0.2 * (p == null ? 0 : p.ability)
            + 0.5 * effortRng.nextGaussian()
            + (treated ? b.settings.ticketEffect() : 0)
            + b.settings.durationShift(p, m);
    long worked = Math.max(60, Math.round(StrictMath.exp(workLn) * 3600));

    Ticket tk = new Ticket();
    tk.assignee = p;
    tk.opened = opened;
    tk.priority = priority;
    tk.category = category;
    tk.shortDescription = shortDescription;
    tk.description = description;
    tk.reassignments = reassignments;
    tk.reopens = reopens;
    tk.email = p == null ? "" : Names.caseVariant(p.email, caseVariant);
    Instant resolved = opened.plusSeconds(seconds);
    Instant asOf = b.timeline.asOfInstant;
    if (!resolved.isBefore(asOf)) {
      tk.state = onHold ? "On Hold" : "In Progress";
      long open = asOf.getEpochSecond() - opened.getEpochSecond();
      tk.updated = opened.plusSeconds((long) (updateFraction * open));
      tk.madeSla = open <= SLA_HOURS[priority] * 3600;
      tk.worked = Math.round(worked * Math.min(1.0, open / (double) seconds));
    } else {
      tk.resolved = resolved;
      tk.worked = Math.min(worked, seconds);
      tk.madeSla = seconds <= SLA_HOURS[priority] * 3600;
      Instant closed = resolved.plusSeconds(Math.round(closeDays * 86400));
      if (neverClosed || !closed.isBefore(asOf)) {
        tk.state = "Resolved";
        tk.updated = resolved;
      } else {
        tk.state = "Closed";
        tk.closed = closed;
        tk.updated = closed;
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
