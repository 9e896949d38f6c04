package org.sociallearning.impact.sample;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes slack/: users.json, channels.json and one pretty-printed JSON file per channel and UTC
 * day.
 *
 * <p>This class names the workspace's channels and runs the steps, each in a class of its own:
 * {@link SlackUsers} (who is in the workspace, users.json), {@link SlackChannelTraffic} (who posts
 * where and when), {@link SlackThreads} (replies and texts), {@link SlackQuirks} (the planted
 * deactivated user, bot and duplicate message), {@link SlackDayFiles} and {@link SlackChannelFile}.
 * The steps share one random stream in a fixed order, so a seed gives the same bytes every time.
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
   * Each channel is busy on one day of the week (weekly CoP day, Monday standups, Friday banter).
   * This keeps the number of day files, and with it the size of the committed sample, small.
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

  private final Build b;
  private final SplittableRandom rng;
  private final Ids ids;

  SlackExport(Build b, SplittableRandom rng) {
    this.b = b;
    this.rng = rng;
    this.ids = new Ids(rng.split());
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
}
