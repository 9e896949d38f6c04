package org.sociallearning.impact.sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Draws incidents: priority, texts, and a log-normal time to resolve that carries the assignee's
 * ability, the month's shock, the priority and, once the assignee has joined a community, the
 * planted effect. Hours of work logged share the ability and the effect, with noise from a stream
 * of their own. Tickets still open at asOf are exported in progress or on hold.
 */
final class ServiceNowTickets {

  /** Median hours of work logged on a ticket, before ability, effects and noise. */
  static final double MEDIAN_WORK_HOURS = 0.75;

  private static final double[] PRIORITY_P = {0.03, 0.17, 0.55, 0.25};
  private static final double[] PRIORITY_TERM = {-0.9, -0.45, 0.0, 0.25};
  private static final double[] SLA_HOURS = {8, 24, 72, 120};

  private final Build b;
  private final SplittableRandom rng;
  private final double[] shock;

  /** Work logged draws come from their own stream, so every other byte stays as it was. */
  private final SplittableRandom effortRng;

  ServiceNowTickets(Build b, SplittableRandom rng) {
    this.b = b;
    this.rng = rng;
    this.shock = MonthShocks.draw(b.timeline, rng);
    this.effortRng = new SplittableRandom(b.settings.seed() ^ 0x71AE_0C0DL);
  }

  /**
   * Draws one ticket of assignee p opened at {@code opened} in month m (m = -1: no month effects),
   * or null when {@code opened} is null. Every draw happens before that check, so each call uses
   * the same number of draws.
   */
  ServiceNowTicket ticket(Person p, Instant opened, int m) {
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
            + DurationShift.of(b.settings, p, m);
    long seconds = Math.max(300, Math.round(StrictMath.exp(ln) * 3600));

    // Hours of work: a fraction of the elapsed time's log-scale drivers (ability, the planted
    // effect on the typical ticket, unrelated gains), not nights, weekends or waiting.
    double workLn =
        StrictMath.log(MEDIAN_WORK_HOURS)
            - 0.2 * (p == null ? 0 : p.ability)
            + 0.5 * effortRng.nextGaussian()
            + (treated ? b.settings.ticketEffect() : 0)
            + DurationShift.of(b.settings, p, m);
    long worked = Math.max(60, Math.round(StrictMath.exp(workLn) * 3600));

    ServiceNowTicket tk = new ServiceNowTicket();
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
  void addUnassigned(List<ServiceNowTicket> tickets) {
    Timeline t = b.timeline;
    for (int k = 0; k < 3; k++) {
      Instant opened =
          t.asOfInstant
              .minus(1 + rng.nextInt(4), ChronoUnit.DAYS)
              .plusSeconds(13 * 3600 + rng.nextInt(10 * 3600))
              .minus(1, ChronoUnit.DAYS);
      ServiceNowTicket tk = ticket(null, opened, -1);
      tk.state = "New";
      tk.resolved = null;
      tk.closed = null;
      tk.updated = opened;
      tickets.add(tk);
    }
    for (int k = 0; k < 3; k++) {
      Instant opened =
          t.instantInMonth(rng, 1 + rng.nextInt(Math.max(1, t.lastMonth - 2)), 13, 23, null);
      ServiceNowTicket tk = ticket(null, opened.truncatedTo(ChronoUnit.SECONDS), -1);
      tickets.add(tk);
    }
  }
}
