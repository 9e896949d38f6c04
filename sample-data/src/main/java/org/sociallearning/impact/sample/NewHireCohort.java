package org.sociallearning.impact.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The new-hires company (see {@link GeneratorSettings#withNewHires}): redraws who is hired during
 * the window and who joins when, after the usual population is drawn. Its own random stream, so the
 * usual company's draws (and bytes) are untouched.
 */
final class NewHireCohort {

  private NewHireCohort() {}

  static void apply(List<Person> people, GeneratorSettings s, Timeline t) {
    NewHires h = s.newHires();
    SplittableRandom rng = new SplittableRandom(s.seed() ^ 0x4E31L);
    int lastJoin = Math.min(s.months() - 4, t.lastFullMonth);
    for (Person p : people) {
      double hireDraw = rng.nextDouble();
      int monthDraw = 1 + rng.nextInt(Math.max(1, lastJoin - 2));
      int dayDraw = rng.nextInt(28);
      double joinDraw = rng.nextDouble();
      double delayDraw = rng.nextDouble();
      double tenuredDraw = rng.nextDouble();
      // Managers are the longest-serving people of their department; they stay tenured.
      if (p.role != Person.Role.MANAGER && hireDraw < h.share()) {
        hire(p, s, t, monthDraw, dayDraw);
        int join = p.hireMonth + (delayDraw < 0.5 ? 1 : 2);
        boolean early = joinDraw < NewHires.EARLY_JOIN_SHARE && join <= lastJoin;
        setJoiner(p, early, join);
      } else {
        if (!p.hireDate.isBefore(s.start())) {
          p.hireDate = s.start().minusDays(30 + dayDraw * 60L);
          p.hireMonth = 0;
          weekday(p, s, t);
        }
        setJoiner(p, p.joiner && tenuredDraw < h.tenuredJoining(), p.joinMonth);
      }
    }
  }

  private static void hire(Person p, GeneratorSettings s, Timeline t, int month, int day) {
    p.newHire = true;
    p.hireDate = t.monthStart(month).plusDays(day);
    weekday(p, s, t);
  }

  /** HR systems record hires on working days. */
  private static void weekday(Person p, GeneratorSettings s, Timeline t) {
    while (p.hireDate.getDayOfWeek().getValue() > 5) {
      p.hireDate = p.hireDate.plusDays(1);
    }
    p.hireMonth = p.hireDate.isBefore(s.start()) ? 0 : t.monthIndex(p.hireDate);
  }

  private static void setJoiner(Person p, boolean joins, int month) {
    if (!joins) {
      p.joiner = false;
      p.joinMonth = -1;
      return;
    }
    p.joiner = true;
    p.joinMonth = month;
    p.hasSlack = true;
    if (p.medium == null) {
      p.medium = Person.Medium.SLACK;
    }
    p.sporadic = 0;
  }
}
