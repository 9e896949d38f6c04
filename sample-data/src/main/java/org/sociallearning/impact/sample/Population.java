package org.sociallearning.impact.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Draws the employees, their latent ability and who joins a community when. */
final class Population {

  static final String[] DEPARTMENTS = {
    "IT Service Desk", "Customer Support", "Sales EMEA", "Sales Americas", "Engineering", "Finance"
  };
  private static final String[] MANAGER_TITLES = {
    "Service Desk Manager",
    "Customer Support Manager",
    "Sales Director EMEA",
    "Sales Director Americas",
    "Engineering Manager",
    "Finance Manager"
  };

  private Population() {}

  static List<Person> build(GeneratorSettings s, Timeline t, SplittableRandom rng) {
    List<Person> people = new ArrayList<>(s.employees());
    for (int i = 0; i < s.employees(); i++) {
      Person p = new Person(i);
      drawIdentity(p, rng);
      drawJob(p, rng);
      drawHire(p, s, t, rng);
      p.ability = rng.nextGaussian();
      people.add(p);
    }
    assignEmails(people);
    assignManagers(people, rng);
    for (Person p : people) {
      drawParticipation(p, s, t, rng);
      drawAccounts(p, rng);
    }
    if (s.unrelatedGain() != 0) {
      // Its own stream, so the usual company's draws (and bytes) are untouched by this scenario.
      SplittableRandom gains = new SplittableRandom(s.seed() ^ 0x6A1E5L);
      for (Person p : people) {
        drawUnrelatedGainAndPosts(p, t, gains);
      }
    }
    if (s.newHires().on()) {
      NewHireCohort.apply(people, s, t);
    }
    assignHandles(people);
    return people;
  }

  private static void drawIdentity(Person p, SplittableRandom rng) {
    p.first = Names.pick(rng, Names.FIRST);
    p.last = Names.pick(rng, Names.LAST);
    double u = rng.nextDouble();
    if (u < 0.02) {
      p.suffix = Names.pick(rng, Names.SUFFIX);
    } else if (u < 0.03) {
      p.nickname = Names.pick(rng, Names.NICKNAME);
    }
    StringBuilder n = new StringBuilder(p.first);
    if (p.nickname != null) {
      n.append(" \"").append(p.nickname).append('"');
    }
    n.append(' ').append(p.last);
    if (p.suffix != null) {
      n.append(", ").append(p.suffix);
    }
    p.name = n.toString();
  }

  private static void drawJob(Person p, SplittableRandom rng) {
    double u = rng.nextDouble();
    if (u < 0.45) {
      p.role = Person.Role.SERVICE_DESK;
      p.department = rng.nextDouble() < 0.6 ? "IT Service Desk" : "Customer Support";
      p.title = rng.nextDouble() < 0.7 ? "Service Desk Analyst" : "Senior Service Desk Analyst";
    } else if (u < 0.75) {
      p.role = Person.Role.SALES;
      p.department = rng.nextDouble() < 0.5 ? "Sales EMEA" : "Sales Americas";
      p.title = rng.nextDouble() < 0.65 ? "Account Executive" : "Sales Development Rep";
    } else {
      p.role = Person.Role.OTHER;
      if (rng.nextDouble() < 0.65) {
        p.department = "Engineering";
        String[] titles = {
          "Software Engineer",
          "Software Engineer",
          "Senior Software Engineer",
          "Data Analyst",
          "QA Engineer"
        };
        p.title = Names.pick(rng, titles);
      } else {
        p.department = "Finance";
        String[] titles = {"Financial Analyst", "Data Analyst", "Accountant", "Payroll Specialist"};
        p.title = Names.pick(rng, titles);
      }
    }
    p.location = location(p.department, rng.nextDouble());
    p.timeZone =
        switch (p.location) {
          case "Berlin" -> "Europe/Berlin";
          case "Austin" -> "America/Chicago";
          case "Bangalore" -> "Asia/Kolkata";
          default -> "Europe/Dublin";
        };
  }

  private static String location(String department, double u) {
    switch (department) {
      case "Sales EMEA":
        return u < 0.5 ? "Berlin" : "Dublin";
      case "Sales Americas":
        return "Austin";
      case "IT Service Desk":
        return u < 0.4 ? "Bangalore" : u < 0.7 ? "Dublin" : "Austin";
      case "Customer Support":
        return u < 0.4 ? "Austin" : u < 0.7 ? "Dublin" : "Berlin";
      case "Engineering":
        return u < 0.4 ? "Berlin" : u < 0.8 ? "Bangalore" : "Austin";
      default:
        return u < 0.6 ? "Dublin" : "Austin";
    }
  }

  private static void drawHire(Person p, GeneratorSettings s, Timeline t, SplittableRandom rng) {
    if (rng.nextDouble() < 0.05) {
      // hired during the window (but early enough to be observed for a few months)
      int windowDays =
          (int) (t.monthStart(Math.max(1, t.lastMonth - 2)).toEpochDay() - s.start().toEpochDay());
      p.hireDate = s.start().plusDays(14 + rng.nextInt(Math.max(1, windowDays - 14)));
    } else {
      p.hireDate = s.start().minusDays(20 + rng.nextInt(3600));
    }
    // HR systems record hires on working days
    while (p.hireDate.getDayOfWeek().getValue() > 5) {
      p.hireDate = p.hireDate.plusDays(1);
    }
    p.hireMonth = p.hireDate.isBefore(s.start()) ? 0 : t.monthIndex(p.hireDate);
  }

  private static void assignEmails(List<Person> people) {
    Map<String, Integer> seen = new HashMap<>();
    for (Person p : people) {
      String base = Names.ascii(p.first) + "." + Names.ascii(p.last);
      int n = seen.merge(base, 1, Integer::sum);
      p.email = (n == 1 ? base : base + n) + "@example.com";
    }
  }

  private static void assignManagers(List<Person> people, SplittableRandom rng) {
    for (int d = 0; d < DEPARTMENTS.length; d++) {
      Person manager = null;
      for (Person p : people) {
        if (p.department.equals(DEPARTMENTS[d])
            && (manager == null || p.hireDate.isBefore(manager.hireDate))) {
          manager = p;
        }
      }
      if (manager == null) {
        continue;
      }
      manager.role = Person.Role.MANAGER;
      manager.title = MANAGER_TITLES[d];
      for (Person p : people) {
        if (p.department.equals(DEPARTMENTS[d]) && p != manager) {
          p.managerId = manager.id;
        }
      }
    }
    for (Person p : people) {
      if (rng.nextDouble() < 0.01) {
        p.managerId = ""; // data-quality gap in HR
      }
    }
  }

  private static List<String> communityPool(String department) {
    switch (department) {
      case "IT Service Desk":
      case "Customer Support":
        return List.of("cop-service-excellence", "ask-it");
      case "Sales EMEA":
      case "Sales Americas":
        return List.of("ask-sales", "cop-data");
      case "Engineering":
        return List.of("guild-java", "cop-data", "ask-it");
      default:
        return List.of("cop-data", "ask-it");
    }
  }

  private static void drawParticipation(
      Person p, GeneratorSettings s, Timeline t, SplittableRandom rng) {
    double logit = -0.4 + s.selectionStrength() * p.ability;
    double prob = 1.0 / (1.0 + StrictMath.exp(-logit));
    boolean wants = rng.nextDouble() < prob;
    int lo = Math.max(3, p.hireMonth + 1);
    int hi = Math.min(s.months() - 4, t.lastFullMonth);
    int joinDraw = lo + rng.nextInt(Math.max(1, hi - lo + 1));
    double mediumDraw = rng.nextDouble();
    double mixedDraw = rng.nextDouble();
    List<String> pool = communityPool(p.department);
    int primary = rng.nextDouble() < 0.7 ? 0 : rng.nextInt(pool.size());
    int second = rng.nextInt(pool.size());
    boolean two = rng.nextDouble() < 0.4;
    double sporadicDraw = rng.nextDouble();
    int sporadicCount = 1 + rng.nextInt(2);
    double slackDraw = rng.nextDouble();

    p.communities.add(pool.get(primary));
    if (two && second != primary) {
      p.communities.add(pool.get(second));
    }
    if (wants && lo <= hi) {
      p.joiner = true;
      p.joinMonth = joinDraw;
      p.medium = mediumDraw < 0.10 ? Person.Medium.XAPI : Person.Medium.SLACK;
      p.mixedMedium = p.medium == Person.Medium.SLACK && mixedDraw < 0.2;
    } else {
      p.sporadic = sporadicDraw < 0.2 ? sporadicCount : 0;
      p.hasSlack = slackDraw >= 0.04;
    }
  }

  /** Share of people who get faster at some point for a reason unrelated to the community. */
  static final double GAIN_SHARE = 0.8;

  /** Share of people who post in a community at least once. */
  static final double POSTER_SHARE = 0.8;

  /** A gain this many months after the first post (or fewer) keeps the person posting. */
  static final int GAIN_KEEPS_POSTING_WITHIN = 4;

  /**
   * The unrelated-gains company (see {@link GeneratorSettings#withUnrelatedGains}): nobody is a
   * planted joiner; the gain month and the posts follow the rules there.
   */
  private static void drawUnrelatedGainAndPosts(Person p, Timeline t, SplittableRandom rng) {
    p.joiner = false;
    p.joinMonth = -1;
    p.sporadic = 0;
    int first = Math.max(1, p.hireMonth);
    int last = t.lastFullMonth;
    if (rng.nextDouble() < GAIN_SHARE && last - 1 > first + 1) {
      p.gainMonth = first + 1 + rng.nextInt(last - first - 1);
    }
    if (rng.nextDouble() >= POSTER_SHARE || last - 4 < first) {
      return;
    }
    int firstPost = first + rng.nextInt(last - 4 - first + 1);
    p.plannedPosts.add(firstPost);
    boolean gainFollows =
        p.gainMonth > firstPost && p.gainMonth <= firstPost + GAIN_KEEPS_POSTING_WITHIN;
    if (gainFollows) {
      // Things went well: back from the month after the gain, once or twice a month.
      for (int m = p.gainMonth + 1; m <= t.lastMonth; m++) {
        int n = 1 + rng.nextInt(2);
        for (int k = 0; k < n; k++) {
          p.plannedPosts.add(m);
        }
      }
    } else if (rng.nextDouble() < 0.5) {
      p.plannedPosts.add(Math.min(t.lastMonth, firstPost + 1 + rng.nextInt(2)));
    }
  }

  private static void drawAccounts(Person p, SplittableRandom rng) {
    String display = p.nickname != null ? p.nickname : p.first;
    p.slackDisplayName = rng.nextDouble() < 0.7 ? display : "";
    p.slackEmail =
        rng.nextDouble() < 0.8 ? p.email : Names.caseVariant(p.email, 1 + rng.nextInt(4));
    p.xapiEmail =
        rng.nextDouble() < 0.65 ? p.email : Names.caseVariant(p.email, 1 + rng.nextInt(4));
    p.xapiLocalOffset = rng.nextDouble() < 0.2;
  }

  private static void assignHandles(List<Person> people) {
    Map<String, Integer> seen = new HashMap<>();
    for (Person p : people) {
      String base = Names.ascii(p.first).charAt(0) + Names.ascii(p.last);
      int n = seen.merge(base, 1, Integer::sum);
      p.slackHandle = n == 1 ? base : base + n;
    }
  }
}
