package org.sociallearning.impact.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Writes slack/channels.json: each channel with its topic, purpose and members (everyone in
 * general, EMEA staff in team-emea, and whoever posted or joined; not the bot or the deactivated
 * user).
 */
final class SlackChannelFile {

  private static final Map<String, String[]> TOPIC_PURPOSE =
      Map.of(
          "general",
              new String[] {
                "Company-wide announcements", "This channel is for workspace-wide communication"
              },
          "random", new String[] {"", "Non-work banter and water cooler conversation"},
          "team-emea",
              new String[] {"EMEA team room", "Daily standups and team logistics for EMEA"},
          "ask-it",
              new String[] {
                "Ask anything IT, search the KB first",
                "Community of practice: IT questions, answered by peers"
              },
          "ask-sales",
              new String[] {"Objections, pricing, references", "Peer help for everyone who sells"},
          "cop-data",
              new String[] {
                "Data & analytics community of practice",
                "Share dashboards, SQL tips and office hours"
              },
          "cop-service-excellence",
              new String[] {
                "Service excellence CoP",
                "Analysts sharing triage tips, KB articles and lessons learned"
              },
          "guild-java",
              new String[] {
                "Java guild", "JVM, code review, testing; recordings of guild sessions"
              });

  private SlackChannelFile() {}

  static void write(
      Build b,
      SplittableRandom rng,
      Ids ids,
      SlackUsers users,
      Map<String, List<SlackMessage>> byChannel) {
    ArrayNode arr = Build.JSON.createArrayNode();
    List<SlackUser> humans = users.people();
    for (String c : SlackExport.CHANNELS) {
      SortedSet<String> members = new TreeSet<>();
      for (SlackUser u : humans) {
        boolean emea = u.person.location.equals("Berlin") || u.person.location.equals("Dublin");
        if (c.equals("general") || (c.equals("team-emea") && emea)) {
          members.add(u.id);
        }
      }
      for (SlackMessage m : byChannel.get(c)) {
        if (m.kind != SlackMessage.Kind.BOT && !m.user.deleted) {
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
}
