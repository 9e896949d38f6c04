package org.sociallearning.impact.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The statements of the xAPI export: builds each in the shape an LRS returns (actor, verb, object,
 * result, timestamp, stored) and keeps it as a line of the file. Timestamps are UTC with
 * milliseconds or, for some people, local time with an offset, as statements from different tools
 * arrive.
 */
final class XapiStatements {

  /**
   * A line of statements.jsonl; {@code stored} orders the file as the LRS stored the statements.
   */
  record Line(Instant stored, String id, String json) {}

  private static final DateTimeFormatter Z_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);
  private static final DateTimeFormatter OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private final Build b;
  private final SplittableRandom rng;
  private final List<Line> lines = new ArrayList<>();

  XapiStatements(Build b, SplittableRandom rng) {
    this.b = b;
    this.rng = rng;
  }

  /** A statement by p (null: an actor without name and mbox, for the caller to fill in). */
  ObjectNode statement(
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

  void add(ObjectNode statement) {
    Instant stored = Instant.parse(statement.get("stored").asText());
    lines.add(new Line(stored, statement.get("id").asText(), json(statement)));
  }

  /** The lines added so far, in the order added; the caller sorts them. */
  List<Line> lines() {
    return lines;
  }

  static String json(ObjectNode node) {
    try {
      return Build.JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
