package org.sociallearning.impact.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes xapi/statements.jsonl: one xAPI 1.0.3 statement per line (LF), as an LRS export.
 *
 * <p>{@link XapiSocialStatements} adds the community interactions and {@link XapiLearningSessions}
 * the course sessions, both through {@link XapiStatements}. This class adds the planted quirks, a
 * statement by a contractor no roster knows and a line cut off mid-record, and writes the lines in
 * the order the LRS stored them.
 */
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

  private final Build b;
  private final SplittableRandom rng;
  private final XapiStatements statements;
  private final XapiSocialStatements social;
  private final XapiLearningSessions learning;

  XapiExport(Build b, SplittableRandom rng) {
    this.b = b;
    this.rng = rng;
    this.statements = new XapiStatements(b, rng);
    this.social = new XapiSocialStatements(b, rng, statements);
    this.learning = new XapiLearningSessions(b, rng, statements);
  }

  void write() {
    social.add();
    learning.add();
    addContractor();
    List<XapiStatements.Line> lines = statements.lines();
    lines.sort(
        Comparator.comparing(XapiStatements.Line::stored).thenComparing(XapiStatements.Line::id));
    // the truncated line: an LRS export cut off mid-record, placed in the middle of the file
    Person someone = b.people.get(rng.nextInt(b.people.size()));
    Instant at = b.timeline.instantInMonth(rng, b.timeline.lastMonth / 2, 9, 17, null);
    ObjectNode broken =
        statements.statement(
            someone,
            at,
            ADL + "completed",
            "completed",
            learning.course("SEC-101", "Security Awareness"),
            null);
    String json = XapiStatements.json(broken);
    int insertAt = lines.size() / 2;
    lines.add(
        insertAt, new XapiStatements.Line(null, "", json.substring(0, json.length() * 3 / 5)));
    b.xapiInvalidLineNumber = insertAt + 1;

    Path file = b.path("xapi/statements.jsonl");
    try {
      Files.createDirectories(file.getParent());
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (XapiStatements.Line l : lines) {
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

  /**
   * A contractor, on no roster, posting in cop-data: an actor the pipeline cannot resolve to a
   * person.
   */
  private void addContractor() {
    Instant at = b.timeline.instantInMonth(rng, Math.min(5, b.timeline.lastMonth), 9, 17, null);
    ObjectNode s = social.statement(null, at, "cop-data");
    ObjectNode actor = (ObjectNode) s.get("actor");
    actor.put("name", "Sam Rivera (contractor)");
    actor.put("mbox", "mailto:" + CONTRACTOR_EMAIL);
    statements.add(s);
  }
}
