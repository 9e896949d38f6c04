package org.sociallearning.impact.sample;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes slack/: users.json, channels.json and one pretty-printed JSON file per channel and UTC day.
 *
 * <p>This class names the workspace's channels and runs the steps, each in a class of its own: {@link SlackUsers}
 * (who is in the workspace, users.json), {@link SlackChannelTraffic} (who posts where and when), {@link SlackThreads}
 * (replies and texts), {@link SlackQuirks} (the planted deactivated user, bot and duplicate message),
 * {@link SlackDayFiles} and {@link SlackChannelFile}. The steps share one random stream in a fixed order, so a seed
 * gives the same bytes every time.
 */
final class SlackExport {

  static final List<String> CHANNELS =
      List.of(
          "general",
          "random",
          "team-emea",
          "ask-it",
          "ask-sales",
          "cop-data",
          "cop-service-excellence",
          "guild-java");

    /**
     * Each channel is busy on one day of the week (weekly CoP day, Monday standups, Friday banter). This keeps the
     * number of day files, and with it the size of the committed sample, small.
     */
    static DayOfWeek weekday(String channel) {
        switch (channel) {
            case "general":
            case "team-emea":
                return DayOfWeek.MONDAY;
            case "ask-it":
                return DayOfWeek.TUESDAY;
            case "ask-sales":
            case "cop-service-excellence":
                return DayOfWeek.WEDNESDAY;
            case "cop-data":
                return DayOfWeek.THURSDAY;
            default:
                return DayOfWeek.FRIDAY;
        }
    }

    static boolean isCommunity(String channel) {
        return channel.startsWith("ask-") || channel.startsWith("cop-") || channel.startsWith("guild-");
    }
  }

    private final Build b;
    private final SplittableRandom rng;
    private final Ids ids;

    SlackExport(Build b, SplittableRandom rng) {
        this.b = b;
        this.rng = rng;
        this.ids = new Ids(rng.split());
    }
    Msg duplicate = pickDuplicate();
    writeDays(duplicate);
    writeChannels();
    writeUsers();
  }

    void write() {
        String teamId = ids.slack('T');
        SlackUsers users = SlackUsers.create(b, ids);
        Map<String, List<SlackMessage>> byChannel = new SlackChannelTraffic(b, rng, users).draw();
        for (String c : CHANNELS) {
            SlackThreads.arrange(c, byChannel.get(c), rng);
        }
        SlackMessage duplicate = SlackQuirks.pickDuplicate(b, rng, byChannel);
        new SlackDayFiles(b, teamId).write(byChannel, duplicate);
        SlackChannelFile.write(b, rng, ids, users, byChannel);
        users.write(b, teamId);
    }
    for (String c : CHANNELS) {
      SortedSet<String> members = new TreeSet<>();
      for (SlackUser u : humans) {
        boolean emea = u.person.location.equals("Berlin") || u.person.location.equals("Dublin");
        if (c.equals("general") || (c.equals("team-emea") && emea)) {
          members.add(u.id);
        }
      }
      for (Msg m : byChannel.get(c)) {
        if (m.kind != Kind.BOT && !m.user.deleted) {
          members.add(m.user.id);
        }
      }
      ObjectNode o = arr.addObject();
      o.put("id", ids.slack('C'));
      o.put("name", c);
      long created =
          b.timeline
                  .start
                  .minusDays(200 + rng.nextInt(1300))
                  .atTime(10, 0)
                  .toEpochSecond(ZoneOffset.UTC)
              + rng.nextInt(20000);
      o.put("created", created);
      o.put("creator", humans.get(rng.nextInt(humans.size())).id);
      o.put("is_archived", false);
      o.put("is_general", c.equals("general"));
      ArrayNode mem = o.putArray("members");
      members.forEach(mem::add);
      String[] tp = TOPIC_PURPOSE.get(c);
      o.putObject("topic").put("value", tp[0]).put("creator", "").put("last_set", 0);
      o.putObject("purpose").put("value", tp[1]).put("creator", "").put("last_set", 0);
    }
    b.writePretty("slack/channels.json", arr);
    b.record("slack/channels.json", arr.size());
    b.slackChannels = arr.size();
  }

  private void writeUsers() {
    Map<String, SlackUser> sorted = new TreeMap<>();
    for (SlackUser u : users) {
      sorted.put(u.id, u);
    }
    ArrayNode arr = Build.JSON.createArrayNode();
    for (SlackUser u : sorted.values()) {
      ObjectNode o = arr.addObject();
      o.put("id", u.id);
      o.put("team_id", teamId);
      o.put("name", u.handle);
      o.put("deleted", u.deleted);
      o.put("real_name", u.realName);
      if (!u.bot) {
        o.put("tz", u.tz);
      }
      o.put("is_bot", u.bot);
      ObjectNode profile = o.putObject("profile");
      profile.put("real_name", u.realName);
      profile.put("display_name", u.displayName);
      if (u.bot) {
        profile.put("bot_id", u.botId);
      } else {
        profile.put("email", u.email);
      }
      profile.put("title", u.title);
    }
    b.writePretty("slack/users.json", arr);
    b.record("slack/users.json", arr.size());
    b.slackUsers = arr.size();
  }
}
