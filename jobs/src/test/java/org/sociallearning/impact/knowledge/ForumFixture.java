package org.sociallearning.impact.knowledge;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.outcomes.OutcomeWindow;
import org.sociallearning.impact.participation.CommunityPatterns;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

/**
 * Builds tiny forum frames (the forum_interactions contract plus employee_id, as identity
 * resolution leaves them) and rosters, message by message, so each test reads as its scenario.
 */
final class ForumFixture {

  static final LocalDate AS_OF = LocalDate.parse("2026-03-31");

  /** 2026-04-01T00:00Z: messages at or after it have not happened yet. */
  static final Timestamp CUTOFF = new OutcomeWindow(AS_OF, 30).cutoff();

  static final String COMMUNITIES = CommunityPatterns.regex(List.of("ask-*", "cop-*"));

  private static final StructType FORUM =
      SparkSchemas.of(TableContract.load("forum_interactions"))
          .add("employee_id", DataTypes.StringType);
  private static final StructType ROSTER = SparkSchemas.of(TableContract.load("roster"));

  private final List<Row> messages = new ArrayList<>();
  private final List<Row> employees = new ArrayList<>();
  private int sequence;

  /** A person: the Slack account and the employee it resolved to (null when unmatched). */
  record Person(String userId, String employeeId) {}

  static Person person(String userId, String employeeId) {
    return new Person(userId, employeeId);
  }

  /** Adds an employee to the roster. */
  ForumFixture employee(String employeeId, String department) {
    Map<String, Object> v = new HashMap<>();
    v.put("employee_id", employeeId);
    v.put("email", employeeId.toLowerCase() + "@example.com");
    v.put("department", department);
    employees.add(row(ROSTER, v));
    return this;
  }

  /** A human top-level message in a channel; returns its thread id. */
  String question(String channel, Person asker, String at) {
    return add(channel, null, asker, at, true);
  }

  /** A human reply in a thread. */
  ForumFixture reply(String threadId, Person author, String at) {
    add(channel(threadId), threadId, author, at, true);
    return this;
  }

  /** A reply that is not an interaction (bot, channel event). */
  ForumFixture botReply(String threadId, Person author, String at) {
    add(channel(threadId), threadId, author, at, false);
    return this;
  }

  /** A top-level system message (a channel join), which is not a question. */
  String systemMessage(String channel, Person author, String at) {
    return add(channel, null, author, at, false);
  }

  Dataset<Row> forum() {
    return TestSpark.session().createDataFrame(messages, FORUM);
  }

  Dataset<Row> roster() {
    return TestSpark.session().createDataFrame(employees, ROSTER);
  }

  Dataset<Row> threads() {
    return QuestionThreads.of(forum(), roster(), COMMUNITIES, CUTOFF);
  }

  Dataset<Row> answers() {
    return QuestionThreads.answers(forum(), threads(), CUTOFF);
  }

  private String add(
      String channel, String threadId, Person author, String at, boolean interaction) {
    String id = channel + ":" + (++sequence);
    Map<String, Object> v = new HashMap<>();
    v.put("source", "slack");
    v.put("channel", channel);
    v.put("message_id", id);
    v.put("thread_id", threadId == null ? id : threadId);
    v.put("source_user_id", author.userId());
    v.put(
        "email",
        author.employeeId() == null ? null : author.employeeId().toLowerCase() + "@example.com");
    v.put("occurred_at", Timestamp.from(Instant.parse(at)));
    v.put("is_reply", threadId != null);
    v.put("is_interaction", interaction);
    v.put("source_file", channel + "/day.json");
    v.put("source_line", (long) sequence);
    v.put("employee_id", author.employeeId());
    messages.add(row(FORUM, v));
    return id;
  }

  private static String channel(String threadId) {
    return threadId.substring(0, threadId.indexOf(':'));
  }

  private static Row row(StructType schema, Map<String, Object> values) {
    Object[] cells = new Object[schema.fields().length];
    int i = 0;
    for (StructField f : schema.fields()) {
      cells[i++] = values.get(f.name());
    }
    return RowFactory.create(cells);
  }
}
