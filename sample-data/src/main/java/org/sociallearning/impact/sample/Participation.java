package org.sociallearning.impact.sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** The planted truth about social learning: every community interaction of every person. */
final class Participation {

  /**
   * Community interactions in the join month (all of them fall in that month, so the threshold is
   * met there).
   */
  static final int JOIN_MONTH_MIN = 3;

  static final int JOIN_MONTH_MAX = 5;

  /**
   * Community interactions per month after the join month: 0, 1 or 2 with these probabilities (mean
   * 0.65).
   */
  static final double[] LATER_P = {0.5, 0.35, 0.15};

  record Interaction(Person person, Instant at, String community, Person.Medium medium) {}

  final List<Interaction> interactions;

  private Participation(List<Interaction> interactions) {
    this.interactions = interactions;
  }

  static Participation plan(List<Person> people, Timeline t, SplittableRandom rng) {
    List<Interaction> all = new ArrayList<>();
    for (Person p : people) {
      int[] hours = p.utcHours();
      if (p.joiner) {
        int n0 = JOIN_MONTH_MIN + rng.nextInt(JOIN_MONTH_MAX - JOIN_MONTH_MIN + 1);
        int made = 0;
        for (int guard = 0; made < n0 && guard < 100; guard++) {
          String community = community(p, rng);
          Instant at = draw(t, rng, p.joinMonth, community, p.medium, hours, p);
          if (at != null) {
            all.add(new Interaction(p, at, community, p.medium));
            made++;
          }
        }
        if (made < JOIN_MONTH_MIN) {
          throw new IllegalStateException("could not place join-month interactions for " + p.id);
        }
        for (int m = p.joinMonth + 1; m <= t.lastMonth; m++) {
          double draw = rng.nextDouble();
          int n = draw < LATER_P[0] ? 0 : draw < LATER_P[0] + LATER_P[1] ? 1 : 2;
          for (int k = 0; k < n; k++) {
            Person.Medium medium = p.medium;
            if (p.mixedMedium && rng.nextDouble() < 0.3) {
              medium = Person.Medium.XAPI;
            }
            String community = community(p, rng);
            Instant at = draw(t, rng, m, community, medium, hours, p);
            if (at != null) {
              all.add(new Interaction(p, at, community, medium));
            }
          }
        }
      } else if (!p.plannedPosts.isEmpty()) {
        for (int m : p.plannedPosts) {
          Person.Medium medium = p.hasSlack ? Person.Medium.SLACK : Person.Medium.XAPI;
          Instant at = draw(t, rng, m, p.communities.get(0), medium, hours, p);
          if (at != null) {
            all.add(new Interaction(p, at, p.communities.get(0), medium));
          }
        }
      } else if (p.sporadic > 0) {
        int made = 0;
        for (int guard = 0; made < p.sporadic && guard < 50; guard++) {
          int m = p.hireMonth + rng.nextInt(t.lastMonth - p.hireMonth + 1);
          Person.Medium medium =
              p.hasSlack && rng.nextDouble() < 0.85 ? Person.Medium.SLACK : Person.Medium.XAPI;
          Instant at = draw(t, rng, m, p.communities.get(0), medium, hours, p);
          if (at != null) {
            all.add(new Interaction(p, at, p.communities.get(0), medium));
            made++;
          }
        }
        p.sporadic = made;
      }
    }
    all.sort(Comparator.comparing(Interaction::at).thenComparingInt(i -> i.person().index));
    return new Participation(all);
  }

  /**
   * Slack traffic of a community happens on its channel's weekly day (microsecond ts); the LMS is
   * used on any working day and records milliseconds, or whole seconds for people whose statements
   * carry a local offset.
   */
  private static Instant draw(
      Timeline t,
      SplittableRandom rng,
      int m,
      String community,
      Person.Medium medium,
      int[] hours,
      Person p) {
    if (medium == Person.Medium.SLACK) {
      return t.weekdayInMonth(
          rng, m, SlackExport.weekday(community), hours[0], hours[1], p.hireDate);
    }
    Instant at = t.workdayInMonth(rng, m, hours[0], hours[1], p.hireDate);
    return at == null
        ? null
        : at.truncatedTo(p.xapiLocalOffset ? ChronoUnit.SECONDS : ChronoUnit.MILLIS);
  }

  private static String community(Person p, SplittableRandom rng) {
    if (p.communities.size() == 1 || rng.nextDouble() < 0.7) {
      return p.communities.get(0);
    }
    return p.communities.get(1);
  }
}
