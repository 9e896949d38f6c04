package org.sociallearning.impact.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One message in a channel, from its draw to its JSON: when, by whom, and (once {@link
 * SlackThreads} has arranged the channel) its text and place in a thread. Times are microseconds
 * since the epoch, as Slack's {@code ts} shows them.
 */
final class SlackMessage {

  enum Kind {
    USER,
    JOIN,
    BOT
  }

  final String channel;
  long micros;
  final Kind kind;
  final SlackUser user;
  final boolean community;
  String text;
  String botName;
  SlackMessage parent;
  final List<SlackMessage> replies = new ArrayList<>();
  String clientMsgId;

  SlackMessage(String channel, long micros, Kind kind, SlackUser user, boolean community) {
    this.channel = channel;
    this.micros = micros;
    this.kind = kind;
    this.user = user;
    this.community = community;
  }

  String ts() {
    return ts(micros);
  }

  static String ts(long micros) {
    return String.format(
        "%d.%06d", Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L));
  }

  LocalDate day() {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L))
        .atOffset(ZoneOffset.UTC)
        .toLocalDate();
  }

  static long micros(Instant at) {
    return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
  }
}
