package org.sociallearning.impact.sample;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws who posts in which channel and when, before threads and texts: the community interactions
 * that {@link Participation} planned for Slack, each user's channel_join shortly before their first
 * message in a community channel, chatter in general, random and team-emea with new hires' join
 * messages, and the messages of the planted quirks ({@link SlackQuirks}).
 */
final class SlackChannelTraffic {

  /** Chatter in general/random/team-emea: each person's monthly rate is uniform in [MIN, MAX]. */
  static final double CHATTER_MIN = 0.01;

  static final double CHATTER_MAX = 0.06;

  private final Build b;
  private final SplittableRandom rng;
  private final SlackUsers users;
  private final Map<String, List<SlackMessage>> byChannel = new LinkedHashMap<>();

  SlackChannelTraffic(Build b, SplittableRandom rng, SlackUsers users) {
    this.b = b;
    this.rng = rng;
    this.users = users;
  }

  /** The messages of each channel, in {@link SlackExport#CHANNELS} order, unsorted. */
  Map<String, List<SlackMessage>> draw() {
    for (String c : SlackExport.CHANNELS) {
      byChannel.put(c, new ArrayList<>());
    }
    addCommunityMessages();
    addChatter();
    for (SlackMessage m : SlackQuirks.botMessages(b, rng, users.bot())) {
      byChannel.get(m.channel).add(m);
    }
    return byChannel;
  }

  private void addCommunityMessages() {
    Map<Integer, SlackUser> userOf = new TreeMap<>();
    for (SlackUser u : users.people()) {
      userOf.put(u.person.index, u);
    }
    Map<String, SlackMessage> firstIn = new LinkedHashMap<>();
    for (Participation.Interaction i : b.participation.interactions) {
      if (i.medium() != Person.Medium.SLACK) {
        continue;
      }
      SlackUser u = userOf.get(i.person().index);
      SlackMessage m =
          new SlackMessage(
              i.community(), SlackMessage.micros(i.at()), SlackMessage.Kind.USER, u, true);
      byChannel.get(i.community()).add(m);
      firstIn.putIfAbsent(u.id + "|" + i.community(), m);
      b.slackCommunityInteractions++;
    }
    for (SlackMessage m : SlackQuirks.deactivatedUserQuestions(b, rng, users.deactivated())) {
      byChannel.get(m.channel).add(m);
      firstIn.merge(m.user.id + "|" + m.channel, m, (x, y) -> x.micros <= y.micros ? x : y);
    }
    // a channel_join system message shortly before each user's first message in a community channel
    for (SlackMessage first : firstIn.values()) {
      long before = (60L + rng.nextInt(1800)) * 1_000_000L + rng.nextInt(1_000_000);
      SlackMessage join =
          new SlackMessage(
              first.channel, first.micros - before, SlackMessage.Kind.JOIN, first.user, true);
      byChannel.get(first.channel).add(join);
    }
  }

  private void addChatter() {
    Timeline t = b.timeline;
    for (SlackUser u : users.people()) {
      Person p = u.person;
      double rate =
          (CHATTER_MIN + (CHATTER_MAX - CHATTER_MIN) * rng.nextDouble())
              * b.settings.chatterVolume();
      boolean emea = p.location.equals("Berlin") || p.location.equals("Dublin");
      int[] hours = p.utcHours();
      for (int m = p.hireMonth; m <= t.lastMonth; m++) {
        int n = Build.poisson(rng, rate);
        for (int k = 0; k < n; k++) {
          double c = rng.nextDouble();
          String channel = emea && c < 0.3 ? "team-emea" : c < 0.65 ? "general" : "random";
          Instant at =
              t.weekdayInMonth(
                  rng, m, SlackExport.weekday(channel), hours[0], hours[1], p.hireDate);
          if (at != null) {
            byChannel
                .get(channel)
                .add(
                    new SlackMessage(
                        channel, SlackMessage.micros(at), SlackMessage.Kind.USER, u, false));
          }
        }
      }
      if (!p.hireDate.isBefore(t.start)) {
        addNewHireJoins(u, emea);
      }
    }
  }

  /** A new hire joins general (and team-emea in EMEA) on their first Monday. */
  private void addNewHireJoins(SlackUser u, boolean emea) {
    LocalDate firstMonday = u.person.hireDate;
    while (firstMonday.getDayOfWeek() != DayOfWeek.MONDAY) {
      firstMonday = firstMonday.plusDays(1);
    }
    Instant joined =
        firstMonday
            .atTime(9, 0)
            .toInstant(ZoneOffset.UTC)
            .plusSeconds(rng.nextInt(7200))
            .plusNanos(1000L * rng.nextInt(1_000_000));
    byChannel
        .get("general")
        .add(
            new SlackMessage(
                "general", SlackMessage.micros(joined), SlackMessage.Kind.JOIN, u, false));
    if (emea) {
      byChannel
          .get("team-emea")
          .add(
              new SlackMessage(
                  "team-emea",
                  SlackMessage.micros(joined.plusSeconds(300)),
                  SlackMessage.Kind.JOIN,
                  u,
                  false));
    }
  }
}
