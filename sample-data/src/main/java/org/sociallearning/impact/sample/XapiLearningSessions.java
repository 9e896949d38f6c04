package org.sociallearning.impact.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Course sessions in the LMS, the export's learning statements beside the social ones: each person
 * starts a few sessions on courses of their department group's catalogue; a session is launched or
 * attempted, may hold a quiz (answers, then passed or failed), usually ends completed, and now and
 * then has a comment on the course's own discussion board, a social verb that is not a community of
 * practice.
 */
final class XapiLearningSessions {

  /** Expected mean number of LMS learning sessions per person and month. */
  static final double SESSIONS_PER_MONTH = 0.03;

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

  private final Build b;
  private final SplittableRandom rng;
  private final XapiStatements statements;

  XapiLearningSessions(Build b, SplittableRandom rng, XapiStatements statements) {
    this.b = b;
    this.rng = rng;
    this.statements = statements;
  }

  void add() {
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

  /** The course as an xAPI activity object. */
  ObjectNode course(String code, String title) {
    ObjectNode o = b.object();
    o.put("objectType", "Activity");
    o.put("id", XapiExport.LMS + "/course/" + code);
    ObjectNode def = o.putObject("definition");
    def.putObject("name").put("en-US", title);
    def.put("type", XapiExport.TYPE_COURSE);
    return o;
  }

  private void session(Person p, Instant at, String code, String title) {
    Instant t = at;
    boolean launched = rng.nextDouble() < 0.7;
    statements.add(
        statements.statement(
            p,
            t,
            XapiExport.ADL + (launched ? "launched" : "attempted"),
            launched ? "launched" : "attempted",
            course(code, title),
            null));
    boolean quiz = rng.nextDouble() < 0.4;
    boolean passed = true;
    if (quiz) {
      int questions = 1 + rng.nextInt(2);
      for (int q = 0; q < questions; q++) {
        t = t.plusSeconds(120 + rng.nextInt(900));
        ObjectNode question = b.object();
        question.put("objectType", "Activity");
        int n = 1 + rng.nextInt(12);
        question.put("id", XapiExport.LMS + "/course/" + code + "/quiz/q" + n);
        ObjectNode def = question.putObject("definition");
        def.putObject("name").put("en-US", "Question " + n);
        def.put("type", XapiExport.TYPE_QUESTION);
        def.put("interactionType", "choice");
        ObjectNode result = b.object();
        boolean right = rng.nextDouble() < 0.75;
        result.put("success", right);
        result.put("response", String.valueOf((char) ('a' + rng.nextInt(4))));
        statements.add(
            statements.statement(p, t, XapiExport.ADL + "answered", "answered", question, result));
      }
      t = t.plusSeconds(60 + rng.nextInt(300));
      double scaled = Math.round((0.4 + 0.6 * rng.nextDouble()) * 100) / 100.0;
      passed = scaled >= 0.6;
      ObjectNode result = b.object();
      result.putObject("score").put("scaled", scaled);
      result.put("success", passed);
      result.put("completion", passed);
      statements.add(
          statements.statement(
              p,
              t,
              XapiExport.ADL + (passed ? "passed" : "failed"),
              passed ? "passed" : "failed",
              course(code, title),
              result));
    }
    if (passed && rng.nextDouble() < 0.85) {
      t = t.plusSeconds(30 + rng.nextInt(600));
      ObjectNode result = b.object();
      result.put("completion", true);
      result.put("duration", "PT" + (10 + rng.nextInt(80)) + "M");
      statements.add(
          statements.statement(
              p, t, XapiExport.ADL + "completed", "completed", course(code, title), result));
    }
    if (rng.nextDouble() < 0.08) {
      // a comment in the course's own discussion board: social verb, but NOT a community of
      // practice
      t = t.plusSeconds(60 + rng.nextInt(600));
      ObjectNode board = b.object();
      board.put("objectType", "Activity");
      board.put("id", XapiExport.LMS + "/course/" + code + "/discussion/" + (1 + rng.nextInt(30)));
      ObjectNode def = board.putObject("definition");
      def.putObject("name").put("en-US", title + " discussion");
      def.put("type", XapiExport.TYPE_DISCUSSION);
      statements.add(
          statements.statement(p, t, XapiExport.VERB_COMMENTED, "commented", board, null));
    }
  }
}
