package org.sociallearning.impact.sample;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The Slack export's planted quirks, which the pipeline must cope with and {@link
 * GenerationSummary} reports: a deactivated former analyst who is not on the roster but asked
 * questions in ask-it, a standup bot whose messages are no social learning, and one message
 * exported twice.
 */
final class SlackQuirks {

  private SlackQuirks() {}

  /** The former analyst: deactivated, with an email the roster no longer knows. */
  static SlackUser deactivatedUser(Build b, Ids ids) {
    SlackUser gone = new SlackUser();
    gone.id = ids.slack('U');
    gone.handle = "mhale";
    gone.realName = "Morgan Hale";
    gone.displayName = "Morgan";
    gone.email = "morgan.hale@example.com";
    gone.tz = "Europe/Dublin";
    gone.title = "Service Desk Analyst";
    gone.deleted = true;
    b.slackDeactivatedUserId = gone.id;
    return gone;
  }

  static SlackUser standupBot(Build b, Ids ids) {
    SlackUser bot = new SlackUser();
    bot.id = ids.slack('U');
    bot.handle = "standup-bot";
    bot.realName = "Standup Bot";
    bot.displayName = "";
    bot.title = "";
    bot.bot = true;
    bot.botId = ids.slack('B');
    b.slackBotUserId = bot.id;
    return bot;
  }

  /**
   * The deactivated former analyst: three questions in ask-it early in the window (not on the
   * roster).
   */
  static List<SlackMessage> deactivatedUserQuestions(
      Build b, SplittableRandom rng, SlackUser gone) {
    List<SlackMessage> questions = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      Instant at = b.timeline.weekdayInMonth(rng, 1, SlackExport.weekday("ask-it"), 8, 16, null);
      questions.add(
          new SlackMessage("ask-it", SlackMessage.micros(at), SlackMessage.Kind.USER, gone, true));
    }
    return questions;
  }

  /** The bot's Monday standup prompt in team-emea, and a monthly digest in ask-it. */
  static List<SlackMessage> botMessages(Build b, SplittableRandom rng, SlackUser bot) {
    Timeline t = b.timeline;
    List<SlackMessage> messages = new ArrayList<>();
    LocalDate d = t.start;
    while (d.getDayOfWeek() != DayOfWeek.MONDAY) {
      d = d.plusDays(1);
    }
    for (; d.isBefore(t.asOf) && d.isBefore(t.monthStart(t.months)); d = d.plusWeeks(1)) {
      long at =
          SlackMessage.micros(d.atTime(8, 0).toInstant(ZoneOffset.UTC)) + rng.nextInt(1_000_000);
      SlackMessage m = new SlackMessage("team-emea", at, SlackMessage.Kind.BOT, bot, false);
      m.text = Texts.pick(rng, Texts.STANDUP);
      m.botName = "standup-bot";
      messages.add(m);
      if (d.getDayOfMonth() >= 2 && d.getDayOfMonth() <= 8) {
        // monthly digest on the first Tuesday after the 1st, ask-it's day
        SlackMessage digest =
            new SlackMessage(
                "ask-it", at + 86_400_000_000L + 3_600_000_000L, SlackMessage.Kind.BOT, bot, true);
        digest.text =
            "Monthly digest: "
                + (5 + rng.nextInt(40))
                + " questions answered in #ask-it last month :trophy:\nSearch before you post: "
                + "<https://wiki.example.com/kb|Knowledge base>";
        digest.botName = "standup-bot";
        messages.add(digest);
      }
    }
    return messages;
  }

  /**
   * The export-overlap duplicate: a message of a non-joiner whose community interactions total
   * exactly two, so a pipeline that does not de-duplicate would count three and see a false
   * participant.
   */
  static SlackMessage pickDuplicate(
      Build b, SplittableRandom rng, Map<String, List<SlackMessage>> byChannel) {
    Map<Integer, Integer> total = new TreeMap<>();
    for (Participation.Interaction i : b.participation.interactions) {
      total.merge(i.person().index, 1, Integer::sum);
    }
    List<SlackMessage> preferred = new ArrayList<>();
    List<SlackMessage> fallback = new ArrayList<>();
    for (String c : SlackExport.CHANNELS) {
      if (!SlackExport.isCommunity(c)) {
        continue;
      }
      for (SlackMessage m : byChannel.get(c)) {
        if (m.kind != SlackMessage.Kind.USER || !m.replies.isEmpty() || m.user.person == null) {
          continue;
        }
        Person p = m.user.person;
        if (!p.joiner && total.getOrDefault(p.index, 0) == 2) {
          preferred.add(m);
        } else if (p.joiner) {
          fallback.add(m);
        }
      }
    }
    List<SlackMessage> pool = preferred.isEmpty() ? fallback : preferred;
    SlackMessage m = pool.get(rng.nextInt(pool.size()));
    b.slackDuplicateTs = m.ts();
    b.slackDuplicateUserId = m.user.id;
    b.slackDuplicateFile = "slack/" + m.channel + "/" + m.day() + ".json";
    return m;
  }
}
