package org.sociallearning.impact.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes slack/&lt;channel&gt;/&lt;UTC day&gt;.json: each day's messages in Slack's export shape
 * (thread parents with their reply summary, replies with {@code thread_ts}, join and bot messages
 * with their subtype), the planted duplicate written twice.
 */
final class SlackDayFiles {

  private final Build b;
  private final String teamId;

  SlackDayFiles(Build b, String teamId) {
    this.b = b;
    this.teamId = teamId;
  }

  void write(Map<String, List<SlackMessage>> byChannel, SlackMessage duplicate) {
    for (String c : SlackExport.CHANNELS) {
      Map<LocalDate, List<SlackMessage>> days = new TreeMap<>();
      for (SlackMessage m : byChannel.get(c)) {
        days.computeIfAbsent(m.day(), k -> new ArrayList<>()).add(m);
      }
      for (Map.Entry<LocalDate, List<SlackMessage>> e : days.entrySet()) {
        ArrayNode arr = Build.JSON.createArrayNode();
        for (SlackMessage m : e.getValue()) {
          ObjectNode o = render(m);
          arr.add(o);
          if (m == duplicate) {
            arr.add(o.deepCopy());
          }
        }
        String rel = "slack/" + c + "/" + e.getKey() + ".json";
        b.writePretty(rel, arr);
        b.record(rel, arr.size());
        b.slackDayFiles++;
        b.slackMessages += arr.size();
      }
    }
  }

  private ObjectNode render(SlackMessage m) {
    ObjectNode o = b.object();
    switch (m.kind) {
      case JOIN:
        o.put("type", "message");
        o.put("subtype", "channel_join");
        o.put("ts", m.ts());
        o.put("user", m.user.id);
        o.put("text", m.text);
        return o;
      case BOT:
        o.put("type", "message");
        o.put("subtype", "bot_message");
        o.put("bot_id", m.user.botId);
        o.put("username", m.botName);
        o.put("text", m.text);
        o.put("ts", m.ts());
        return o;
      default:
        break;
    }
    o.put("client_msg_id", m.clientMsgId);
    o.put("type", "message");
    o.put("text", m.text);
    o.put("user", m.user.id);
    o.put("ts", m.ts());
    if (!m.replies.isEmpty()) {
      o.put("thread_ts", m.ts());
      o.put("reply_count", m.replies.size());
      SortedSet<String> replyUsers = new TreeSet<>();
      for (SlackMessage r : m.replies) {
        replyUsers.add(r.user.id);
      }
      o.put("reply_users_count", replyUsers.size());
      o.put("latest_reply", m.replies.get(m.replies.size() - 1).ts());
      ArrayNode ru = o.putArray("reply_users");
      replyUsers.forEach(ru::add);
      ArrayNode rs = o.putArray("replies");
      for (SlackMessage r : m.replies) {
        rs.addObject().put("user", r.user.id).put("ts", r.ts());
      }
    } else if (m.parent != null) {
      o.put("thread_ts", m.parent.ts());
      o.put("parent_user_id", m.parent.user.id);
    }
    o.put("team", teamId);
    o.put("user_team", teamId);
    ObjectNode profile = o.putObject("user_profile");
    profile.put("real_name", m.user.realName);
    profile.put("display_name", m.user.displayName);
    return o;
  }
}
