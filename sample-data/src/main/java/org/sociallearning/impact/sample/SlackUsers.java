package org.sociallearning.impact.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The members of the Slack workspace: one per person who uses Slack, then the planted deactivated
 * analyst and standup bot ({@link SlackQuirks}). Writes slack/users.json, sorted by user id as
 * Slack exports it.
 */
final class SlackUsers {

  private final List<SlackUser> all;
  private final SlackUser deactivated;
  private final SlackUser bot;

  private SlackUsers(List<SlackUser> all, SlackUser deactivated, SlackUser bot) {
    this.all = all;
    this.deactivated = deactivated;
    this.bot = bot;
  }

  /** Creates the members and gives each person with Slack their user id. */
  static SlackUsers create(Build b, Ids ids) {
    List<SlackUser> users = new ArrayList<>();
    for (Person p : b.people) {
      if (!p.hasSlack) {
        continue;
      }
      SlackUser u = new SlackUser();
      u.id = ids.slack('U');
      u.handle = p.slackHandle;
      u.realName = p.name;
      u.displayName = p.slackDisplayName;
      u.email = p.slackEmail;
      u.tz = p.timeZone;
      u.title = p.title;
      u.person = p;
      p.slackId = u.id;
      users.add(u);
    }
    SlackUser deactivated = SlackQuirks.deactivatedUser(b, ids);
    users.add(deactivated);
    SlackUser bot = SlackQuirks.standupBot(b, ids);
    users.add(bot);
    return new SlackUsers(users, deactivated, bot);
  }

  /** The members who are people on the roster, in roster order. */
  List<SlackUser> people() {
    List<SlackUser> people = new ArrayList<>();
    for (SlackUser u : all) {
      if (u.person != null) {
        people.add(u);
      }
    }
    return people;
  }

  SlackUser deactivated() {
    return deactivated;
  }

  SlackUser bot() {
    return bot;
  }

  void write(Build b, String teamId) {
    Map<String, SlackUser> sorted = new TreeMap<>();
    for (SlackUser u : all) {
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
