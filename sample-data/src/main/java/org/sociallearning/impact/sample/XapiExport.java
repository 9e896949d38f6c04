package org.sociallearning.impact.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Writes xapi/statements.jsonl: one xAPI 1.0.3 statement per line (LF), as an LRS export. */
final class XapiExport {

  static final String LMS = "https://lms.example.com";
  static final String ADL = "http://adlnet.gov/expapi/verbs/";
  static final String VERB_COMMENTED = ADL + "commented";
  static final String VERB_SHARED = ADL + "shared";
  static final String VERB_POSTED = "http://activitystrea.ms/schema/1.0/post";
  static final String VERB_REPLIED = "http://id.tincanapi.com/verb/replied";
  static final String VERB_JOINED = "http://activitystrea.ms/schema/1.0/join";
  static final String TYPE_DISCUSSION = "http://id.tincanapi.com/activitytype/discussion";
  static final String TYPE_COMMUNITY = "http://id.tincanapi.com/activitytype/community-site";
  static final String TYPE_COURSE = "http://adlnet.gov/expapi/activities/course";
  static final String TYPE_QUESTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
  static final String CONTRACTOR_EMAIL = "sam.rivera@contractor.example.net";

  private static final DateTimeFormatter Z_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);
  private static final DateTimeFormatter OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  /** Course catalogue per department group: {code, title}. */
  private static final Map<String, String[][]> COURSES =
      Map.of(
          "service",
              new String[][] {
                {"ITIL-4F", "ITIL 4 Foundation"},
                {"KB-201", "Writing Knowledge Articles"},
                {"SEC-101", "Security Awareness"}
              },
          "sales",
              new String[][] {
                {"NEG-201", "Negotiation Skills"},
                {"CRM-101", "Salesforce Basics"},
                {"SEC-101", "Security Awareness"}
              },
          "other",
              new String[][] {
                {"JAVA-301", "Modern Java"},
                {"SQL-101", "SQL for Analysts"},
                {"SEC-101", "Security Awareness"}
              },
          "manager",
              new String[][] {{"LEAD-101", "Leading Teams"}, {"SEC-101", "Security Awareness"}});

  private static final Map<String, String[]> THREAD_TITLES =
      Map.of(
          "ask-it",
              new String[] {
                "MFA reset without phone", "Shared drive access denied", "New VPN client"
              },
          "ask-sales",
              new String[] {
                "Logistics case study", "\"We already have a vendor\"", "Multi-year discounts"
              },
          "cop-data",
              new String[] {
                "Pipeline ageing dashboard", "Running totals in SQL", "Explaining uncertainty"
              },
          "cop-service-excellence",
              new String[] {
                "P2 triage checklist",
                "Waiting-on-customer templates",
                "Outage retro: lessons learned"
              },
          "guild-java",
              new String[] {"Virtual threads in prod", "Small PRs", "Pattern matching session"});

  /** Expected mean number of LMS learning sessions per person and month. */
  static final double SESSIONS_PER_MONTH = 0.03;

  private record Line(Instant stored, String id, String json) {}

  private final Build b;
  private final SplittableRandom rng;
  private final List<Line> lines = new ArrayList<>();
  private final Map<String, List<Integer>> threads = new TreeMap<>();
  private int threadCounter = 100;

  XapiExport(Build b, SplittableRandom rng) {
    this.b = b;
    this.rng = rng;
  }

  void write() {
    addSocial();
    addLearning();
    addContractor();
    lines.sort(Comparator.comparing(Line::stored).thenComparing(Line::id));
    // the truncated line: an LRS export cut off mid-record, placed in the middle of the file
    Person someone = b.people.get(rng.nextInt(b.people.size()));
    Instant at = b.timeline.instantInMonth(rng, b.timeline.lastMonth / 2, 9, 17, null);
    ObjectNode broken =
        statement(
            someone,
            at,
            ADL + "completed",
            "completed",
            course("SEC-101", "Security Awareness"),
            null);
    String json = json(broken);
    int insertAt = lines.size() / 2;
    lines.add(insertAt, new Line(null, "", json.substring(0, json.length() * 3 / 5)));
    b.xapiInvalidLineNumber = insertAt + 1;

    Path file = b.path("xapi/statements.jsonl");
    try {
      Files.createDirectories(file.getParent());
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Line l : lines) {
          w.write(l.json());
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    b.record("xapi/statements.jsonl", lines.size());
    b.xapiLines = lines.size();
    b.xapiUnknownActorEmail = CONTRACTOR_EMAIL;
  }

  private void addSocial() {
    for (Participation.Interaction i : b.participation.interactions) {
      if (i.medium() != Person.Medium.XAPI) {
        continue;
      }
      Person p = i.person();
      boolean firstOfJoiner = p.joiner && p.medium == Person.Medium.XAPI && !joined(p);
      if (firstOfJoiner) {
        Instant j = i.at().minusSeconds(60 + rng.nextInt(1800));
        ObjectNode community = b.object();
        community.put("objectType", "Activity");
        community.put("id", LMS + "/community/" + i.community());
        ObjectNode def = community.putObject("definition");
        def.putObject("name").put("en-US", i.community());
        def.put("type", TYPE_COMMUNITY);
        add(statement(p, j, VERB_JOINED, "joined", community, null), j);
        joinedIds.add(p.id);
        b.xapiSocialStatements++;
      }
      add(social(p, i.at(), i.community()), i.at());
      b.xapiSocialStatements++;
    }
  }

  private final java.util.Set<String> joinedIds = new java.util.TreeSet<>();

  private boolean joined(Person p) {
    return joinedIds.contains(p.id);
  }

  private ObjectNode social(Person p, Instant at, String community) {
    List<Integer> known = threads.computeIfAbsent(community, k -> new ArrayList<>());
    double u = rng.nextDouble();
    String verb;
    String display;
    int thread;
    if (u < 0.3 || known.isEmpty()) {
      verb = VERB_POSTED;
      display = "posted";
      thread = threadCounter++;
      known.add(thread);
    } else {
      thread = known.get(Math.max(0, known.size() - 1 - rng.nextInt(Math.min(10, known.size()))));
      if (u < 0.65) {
        verb = VERB_COMMENTED;
        display = "commented";
      } else if (u < 0.9) {
        verb = VERB_REPLIED;
        display = "replied";
      } else {
        verb = VERB_SHARED;
        display = "shared";
      }
    }
    ObjectNode object = b.object();
    object.put("objectType", "Activity");
    object.put("id", LMS + "/community/" + community + "/thread/" + thread);
    ObjectNode def = object.putObject("definition");
    String[] titles = THREAD_TITLES.get(community);
    def.putObject("name").put("en-US", titles[thread % titles.length]);
    def.put("type", TYPE_DISCUSSION);
    return statement(p, at, verb, display, object, null);
  }

  private void addLearning() {
    Timeline t = b.timeline;
    for (Person p : b.people) {
      String[][] catalogue = COURSES.get(group(p));
      int[] hours = p.utcHours();
      for (int m = p.hireMonth; m <= t.lastMonth; m++) {
        int sessions = Build.poisson(rng, SESSIONS_PER_MONTH);
        for (int k = 0; k < sessions; k++) {
          Instant at = t.instantInMonth(rng, m, hours[0], hours[1] - 1, p.hireDate);
          String[] c = catalogue[rng.nextInt(catalogue.length)];
          if (at != null) {
            session(p, at, c[0], c[1]);
          }
        }
      }
    }
  }

  private static String group(Person p) {
    switch (p.role) {
      case SERVICE_DESK:
        return "service";
      case SALES:
        return "sales";
      case MANAGER:
        return "manager";
      default:
        return "other";
    }
  }

  private ObjectNode course(String code, String title) {
    ObjectNode o = b.object();
    o.put("objectType", "Activity");
    o.put("id", LMS + "/course/" + code);
    ObjectNode def = o.putObject("definition");
    def.putObject("name").put("en-US", title);
    def.put("type", TYPE_COURSE);
    return o;
  }

  private void session(Person p, Instant at, String code, String title) {
    Instant t = at;
    boolean launched = rng.nextDouble() < 0.7;
    add(
        statement(
            p,
            t,
            ADL + (launched ? "launched" : "attempted"),
            launched ? "launched" : "attempted",
            course(code, title),
            null),
        t);
    boolean quiz = rng.nextDouble() < 0.4;
    boolean passed = true;
    if (quiz) {
      int questions = 1 + rng.nextInt(2);
      for (int q = 0; q < questions; q++) {
        t = t.plusSeconds(120 + rng.nextInt(900));
        ObjectNode question = b.object();
        question.put("objectType", "Activity");
        int n = 1 + rng.nextInt(12);
        question.put("id", LMS + "/course/" + code + "/quiz/q" + n);
        ObjectNode def = question.putObject("definition");
        def.putObject("name").put("en-US", "Question " + n);
        def.put("type", TYPE_QUESTION);
        def.put("interactionType", "choice");
        ObjectNode result = b.object();
        boolean right = rng.nextDouble() < 0.75;
        result.put("success", right);
        result.put("response", String.valueOf((char) ('a' + rng.nextInt(4))));
        add(statement(p, t, ADL + "answered", "answered", question, result), t);
      }
      t = t.plusSeconds(60 + rng.nextInt(300));
      double scaled = Math.round((0.4 + 0.6 * rng.nextDouble()) * 100) / 100.0;
      passed = scaled >= 0.6;
      ObjectNode result = b.object();
      result.putObject("score").put("scaled", scaled);
      result.put("success", passed);
      result.put("completion", passed);
      add(
          statement(
              p,
              t,
              ADL + (passed ? "passed" : "failed"),
              passed ? "passed" : "failed",
              course(code, title),
              result),
          t);
    }
    if (passed && rng.nextDouble() < 0.85) {
      t = t.plusSeconds(30 + rng.nextInt(600));
      ObjectNode result = b.object();
      result.put("completion", true);
      result.put("duration", "PT" + (10 + rng.nextInt(80)) + "M");
      add(statement(p, t, ADL + "completed", "completed", course(code, title), result), t);
    }
    if (rng.nextDouble() < 0.08) {
      // a comment in the course's own discussion board: social verb, but NOT a community of
      // practice
      t = t.plusSeconds(60 + rng.nextInt(600));
      ObjectNode board = b.object();
      board.put("objectType", "Activity");
      board.put("id", LMS + "/course/" + code + "/discussion/" + (1 + rng.nextInt(30)));
      ObjectNode def = board.putObject("definition");
      def.putObject("name").put("en-US", title + " discussion");
      def.put("type", TYPE_DISCUSSION);
      add(statement(p, t, VERB_COMMENTED, "commented", board, null), t);
    }
  }

  private void addContractor() {
    Instant at = b.timeline.instantInMonth(rng, Math.min(5, b.timeline.lastMonth), 9, 17, null);
    ObjectNode s = social(null, at, "cop-data");
    ObjectNode actor = (ObjectNode) s.get("actor");
    actor.put("name", "Sam Rivera (contractor)");
    actor.put("mbox", "mailto:" + CONTRACTOR_EMAIL);
    add(s, at);
  }

  private ObjectNode statement(
      Person p,
      Instant at,
      String verbId,
      String verbDisplay,
      ObjectNode object,
      ObjectNode result) {
    ObjectNode s = b.object();
    s.put("id", Ids.uuid(rng).toString());
    ObjectNode actor = s.putObject("actor");
    actor.put("objectType", "Agent");
    if (p != null) {
      actor.put("name", p.name);
      actor.put("mbox", "mailto:" + p.xapiEmail);
    }
    ObjectNode verb = s.putObject("verb");
    verb.put("id", verbId);
    verb.putObject("display").put("en-US", verbDisplay);
    s.set("object", object);
    if (result != null) {
      s.set("result", result);
    }
    Instant ms = at.truncatedTo(ChronoUnit.MILLIS);
    if (p != null && p.xapiLocalOffset) {
      s.put(
          "timestamp",
          OFFSET.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of(p.timeZone))));
    } else {
      s.put("timestamp", Z_MILLIS.format(ms));
    }
    s.put("stored", Z_MILLIS.format(ms.plusMillis(500 + rng.nextInt(90_000))));
    s.put("version", "1.0.3");
    return s;
  }

  private void add(ObjectNode statement, Instant at) {
    Instant stored = Instant.parse(statement.get("stored").asText());
    lines.add(new Line(stored, statement.get("id").asText(), json(statement)));
  }

  private static String json(ObjectNode node) {
    try {
      return Build.JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
