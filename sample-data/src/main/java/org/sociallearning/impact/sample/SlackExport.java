package org.sociallearning.impact.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes slack/: users.json, channels.json and one pretty-printed JSON file per channel and UTC
 * day.
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

  enum Kind {
    USER,
    JOIN,
    BOT
  }

  /** Chatter in general/random/team-emea: each person's monthly rate is uniform in [MIN, MAX]. */
  static final double CHATTER_MIN = 0.01;

  static final double CHATTER_MAX = 0.06;

  static final class SlackUser {
    String id;
    String handle;
    String realName;
    String displayName;
    String email;
    String tz;
    String title;
    boolean deleted;
    boolean bot;
    String botId;
    Person person;
  }

  static final class Msg {
    final String channel;
    long micros;
    final Kind kind;
    final SlackUser user;
    final boolean community;
    String text;
    String botName;
    Msg parent;
    final List<Msg> replies = new ArrayList<>();
    String clientMsgId;

    Msg(String channel, long micros, Kind kind, SlackUser user, boolean community) {
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
  }

  static boolean isCommunity(String channel) {
    return channel.startsWith("ask-") || channel.startsWith("cop-") || channel.startsWith("guild-");
  }

  private static long micros(Instant at) {
    return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
  }

  private final Build b;
  private final SplittableRandom rng;
  private final Ids ids;
  private String teamId;
  private final List<SlackUser> users = new ArrayList<>();
  private final Map<String, List<Msg>> byChannel = new LinkedHashMap<>();

  SlackExport(Build b, SplittableRandom rng) {
    this.b = b;
    this.rng = rng;
    this.ids = new Ids(rng.split());
  }

  void write() {
    teamId = ids.slack('T');
    createUsers();
    for (String c : CHANNELS) {
      byChannel.put(c, new ArrayList<>());
    }
    addCommunityMessages();
    addChatter();
    addSystemAndBotMessages();
    for (String c : CHANNELS) {
      arrange(c);
    }
    Msg duplicate = pickDuplicate();
    writeDays(duplicate);
    writeChannels();
    writeUsers();
  }

  private void createUsers() {
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
    SlackUser gone = new SlackUser();
    gone.id = ids.slack('U');
    gone.handle = "mhale";
    gone.realName = "Morgan Hale";
    gone.displayName = "Morgan";
    gone.email = "morgan.hale@example.com";
    gone.tz = "Europe/Dublin";
    gone.title = "Service Desk Analyst";
    gone.deleted = true;
    users.add(gone);
    b.slackDeactivatedUserId = gone.id;

    SlackUser bot = new SlackUser();
    bot.id = ids.slack('U');
    bot.handle = "standup-bot";
    bot.realName = "Standup Bot";
    bot.displayName = "";
    bot.title = "";
    bot.bot = true;
    bot.botId = ids.slack('B');
    users.add(bot);
    b.slackBotUserId = bot.id;
  }

  private SlackUser byId(String id) {
    for (SlackUser u : users) {
      if (u.id.equals(id)) {
        return u;
      }
    }
    throw new IllegalStateException(id);
  }

  private void addCommunityMessages() {
    Map<Integer, SlackUser> userOf = new TreeMap<>();
    for (SlackUser u : users) {
      if (u.person != null) {
        userOf.put(u.person.index, u);
      }
    }
    Map<String, Msg> firstIn = new LinkedHashMap<>();
    for (Participation.Interaction i : b.participation.interactions) {
      if (i.medium() != Person.Medium.SLACK) {
        continue;
      }
      SlackUser u = userOf.get(i.person().index);
      Msg m = new Msg(i.community(), micros(i.at()), Kind.USER, u, true);
      byChannel.get(i.community()).add(m);
      firstIn.putIfAbsent(u.id + "|" + i.community(), m);
      b.slackCommunityInteractions++;
    }
    // the deactivated former analyst: three questions in ask-it early in the window (not on the
    // roster)
    SlackUser gone = byId(b.slackDeactivatedUserId);
    for (int k = 0; k < 3; k++) {
      Instant at = b.timeline.weekdayInMonth(rng, 1, weekday("ask-it"), 8, 16, null);
      Msg m = new Msg("ask-it", micros(at), Kind.USER, gone, true);
      byChannel.get("ask-it").add(m);
      firstIn.merge(gone.id + "|ask-it", m, (x, y) -> x.micros <= y.micros ? x : y);
    }
    // a channel_join system message shortly before each user's first message in a community channel
    for (Msg first : firstIn.values()) {
      long before = (60L + rng.nextInt(1800)) * 1_000_000L + rng.nextInt(1_000_000);
      Msg join = new Msg(first.channel, first.micros - before, Kind.JOIN, first.user, true);
      byChannel.get(first.channel).add(join);
    }
  }

  private void addChatter() {
    Timeline t = b.timeline;
    for (SlackUser u : users) {
      Person p = u.person;
      if (p == null) {
        continue;
      }
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
          Instant at = t.weekdayInMonth(rng, m, weekday(channel), hours[0], hours[1], p.hireDate);
          if (at != null) {
            byChannel.get(channel).add(new Msg(channel, micros(at), Kind.USER, u, false));
          }
        }
      }
      if (!p.hireDate.isBefore(t.start)) {
        LocalDate firstMonday = p.hireDate;
        while (firstMonday.getDayOfWeek() != DayOfWeek.MONDAY) {
          firstMonday = firstMonday.plusDays(1);
        }
        Instant joined =
            firstMonday
                .atTime(9, 0)
                .toInstant(ZoneOffset.UTC)
                .plusSeconds(rng.nextInt(7200))
                .plusNanos(1000L * rng.nextInt(1_000_000));
        byChannel.get("general").add(new Msg("general", micros(joined), Kind.JOIN, u, false));
        if (emea) {
          byChannel
              .get("team-emea")
              .add(new Msg("team-emea", micros(joined.plusSeconds(300)), Kind.JOIN, u, false));
        }
      }
    }
  }

  private void addSystemAndBotMessages() {
    Timeline t = b.timeline;
    SlackUser bot = byId(b.slackBotUserId);
    LocalDate d = t.start;
    while (d.getDayOfWeek() != DayOfWeek.MONDAY) {
      d = d.plusDays(1);
    }
    for (; d.isBefore(t.asOf) && d.isBefore(t.monthStart(t.months)); d = d.plusWeeks(1)) {
      long at = micros(d.atTime(8, 0).toInstant(ZoneOffset.UTC)) + rng.nextInt(1_000_000);
      Msg m = new Msg("team-emea", at, Kind.BOT, bot, false);
      m.text = Texts.pick(rng, Texts.STANDUP);
      m.botName = "standup-bot";
      byChannel.get("team-emea").add(m);
      if (d.getDayOfMonth() >= 2 && d.getDayOfMonth() <= 8) {
        // monthly digest on the first Tuesday after the 1st, ask-it's day
        Msg digest = new Msg("ask-it", at + 86_400_000_000L + 3_600_000_000L, Kind.BOT, bot, true);
        digest.text =
            "Monthly digest: "
                + (5 + rng.nextInt(40))
                + " questions answered in #ask-it last month :trophy:\nSearch before you post: "
                + "<https://wiki.example.com/kb|Knowledge base>";
        digest.botName = "standup-bot";
        byChannel.get("ask-it").add(digest);
      }
    }
  }

  /** Orders a channel, makes ts unique, decides thread structure and writes the texts. */
  private void arrange(String channel) {
    List<Msg> list = byChannel.get(channel);
    list.sort(Comparator.comparingLong(m -> m.micros));
    long prev = Long.MIN_VALUE;
    for (Msg m : list) {
      if (m.micros <= prev) {
        m.micros = prev + 1;
      }
      prev = m.micros;
    }
    boolean community = isCommunity(channel);
    double pReply = community ? 0.45 : 0.2;
    List<Msg> topLevel = new ArrayList<>();
    for (Msg m : list) {
      if (m.kind != Kind.USER) {
        if (m.kind == Kind.JOIN) {
          m.text = "<@" + m.user.id + "> has joined the channel";
        }
        continue;
      }
      m.clientMsgId = Ids.uuid(rng).toString();
      Msg parent = null;
      if (rng.nextDouble() < pReply) {
        List<Msg> candidates = new ArrayList<>();
        for (int k = topLevel.size() - 1; k >= 0 && candidates.size() < 5; k--) {
          Msg c = topLevel.get(k);
          if (m.micros - c.micros > 10L * 86_400_000_000L) {
            break;
          }
          if (c.user != m.user) {
            candidates.add(c);
          }
        }
        if (!candidates.isEmpty()) {
          parent = candidates.get(rng.nextInt(candidates.size()));
        }
      }
      if (parent != null) {
        m.parent = parent;
        parent.replies.add(m);
        String reply = Texts.pick(rng, Texts.REPLIES);
        m.text = rng.nextDouble() < 0.3 ? "<@" + parent.user.id + "> " + reply : reply;
      } else {
        topLevel.add(m);
        m.text =
            community
                ? Texts.pick(rng, Texts.COMMUNITY_POSTS.get(channel))
                : Texts.pick(rng, Texts.CHATTER);
      }
    }
  }

  /**
   * The export-overlap duplicate: a message of a non-joiner whose community interactions total
   * exactly two, so a pipeline that does not de-duplicate would count three and see a false
   * participant.
   */
  private Msg pickDuplicate() {
    Map<Integer, Integer> total = new TreeMap<>();
    for (Participation.Interaction i : b.participation.interactions) {
      total.merge(i.person().index, 1, Integer::sum);
    }
    List<Msg> preferred = new ArrayList<>();
    List<Msg> fallback = new ArrayList<>();
    for (String c : CHANNELS) {
      if (!isCommunity(c)) {
        continue;
      }
      for (Msg m : byChannel.get(c)) {
        if (m.kind != Kind.USER || !m.replies.isEmpty() || m.user.person == null) {
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
    List<Msg> pool = preferred.isEmpty() ? fallback : preferred;
    Msg m = pool.get(rng.nextInt(pool.size()));
    b.slackDuplicateTs = m.ts();
    b.slackDuplicateUserId = m.user.id;
    b.slackDuplicateFile = "slack/" + m.channel + "/" + m.day() + ".json";
    return m;
  }

  private ObjectNode render(Msg m) {
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
      for (Msg r : m.replies) {
        replyUsers.add(r.user.id);
      }
      o.put("reply_users_count", replyUsers.size());
      o.put("latest_reply", m.replies.get(m.replies.size() - 1).ts());
      ArrayNode ru = o.putArray("reply_users");
      replyUsers.forEach(ru::add);
      ArrayNode rs = o.putArray("replies");
      for (Msg r : m.replies) {
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

  private void writeDays(Msg duplicate) {
    for (String c : CHANNELS) {
      Map<LocalDate, List<Msg>> days = new TreeMap<>();
      for (Msg m : byChannel.get(c)) {
        days.computeIfAbsent(m.day(), k -> new ArrayList<>()).add(m);
      }
      for (Map.Entry<LocalDate, List<Msg>> e : days.entrySet()) {
        ArrayNode arr = Build.JSON.createArrayNode();
        for (Msg m : e.getValue()) {
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

  private void writeChannels() {
    ArrayNode arr = Build.JSON.createArrayNode();
    List<SlackUser> humans = new ArrayList<>();
    for (SlackUser u : users) {
      if (u.person != null) {
        humans.add(u);
      }
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
