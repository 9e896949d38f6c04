package org.sociallearning.impact.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The community interactions that {@link Participation} planned for the LMS, as xAPI statements: a
 * post that starts a thread, or a comment, reply or share in one of the community's recent threads;
 * a joiner's first interaction comes with a "joined" statement on the community site.
 */
final class XapiSocialStatements {

  private static final Map<String, String[]> THREAD_TITLES =
      Map.of(
          "ask-it",
              new String[] {
                "MFA reset without phone", "Shared drive access denied", "New VPN client"
              },
          "ask-sales",
              new String[] {
                "Logistics case study", "\"We already have a vendor\"", "Multi-year discounts"
              },
          "cop-data",
              new String[] {
                "Pipeline ageing dashboard", "Running totals in SQL", "Explaining uncertainty"
              },
          "cop-service-excellence",
              new String[] {
                "P2 triage checklist",
                "Waiting-on-customer templates",
                "Outage retro: lessons learned"
              },
          "guild-java",
              new String[] {"Virtual threads in prod", "Small PRs", "Pattern matching session"});

  private final Build b;
  private final SplittableRandom rng;
  private final XapiStatements statements;
  private final Map<String, List<Integer>> threads = new TreeMap<>();
  private final Set<String> joinedIds = new TreeSet<>();
  private int threadCounter = 100;

  XapiSocialStatements(Build b, SplittableRandom rng, XapiStatements statements) {
    this.b = b;
    this.rng = rng;
    this.statements = statements;
  }

  void add() {
    for (Participation.Interaction i : b.participation.interactions) {
      if (i.medium() != Person.Medium.XAPI) {
        continue;
      }
      Person p = i.person();
      boolean firstOfJoiner =
          p.joiner && p.medium == Person.Medium.XAPI && !joinedIds.contains(p.id);
      if (firstOfJoiner) {
        Instant j = i.at().minusSeconds(60 + rng.nextInt(1800));
        ObjectNode community = b.object();
        community.put("objectType", "Activity");
        community.put("id", XapiExport.LMS + "/community/" + i.community());
        ObjectNode def = community.putObject("definition");
        def.putObject("name").put("en-US", i.community());
        def.put("type", XapiExport.TYPE_COMMUNITY);
        statements.add(
            statements.statement(p, j, XapiExport.VERB_JOINED, "joined", community, null));
        joinedIds.add(p.id);
        b.xapiSocialStatements++;
      }
      statements.add(statement(p, i.at(), i.community()));
      b.xapiSocialStatements++;
    }
  }

  /**
   * A post (30%, or when the community has no thread yet), comment, reply or share by p in a
   * community.
   */
  ObjectNode statement(Person p, Instant at, String community) {
    List<Integer> known = threads.computeIfAbsent(community, k -> new ArrayList<>());
    double u = rng.nextDouble();
    String verb;
    String display;
    int thread;
    if (u < 0.3 || known.isEmpty()) {
      verb = XapiExport.VERB_POSTED;
      display = "posted";
      thread = threadCounter++;
      known.add(thread);
    } else {
      thread = known.get(Math.max(0, known.size() - 1 - rng.nextInt(Math.min(10, known.size()))));
      if (u < 0.65) {
        verb = XapiExport.VERB_COMMENTED;
        display = "commented";
      } else if (u < 0.9) {
        verb = XapiExport.VERB_REPLIED;
        display = "replied";
      } else {
        verb = XapiExport.VERB_SHARED;
        display = "shared";
      }
    }
    ObjectNode object = b.object();
    object.put("objectType", "Activity");
    object.put("id", XapiExport.LMS + "/community/" + community + "/thread/" + thread);
    ObjectNode def = object.putObject("definition");
    String[] titles = THREAD_TITLES.get(community);
    def.putObject("name").put("en-US", titles[thread % titles.length]);
    def.put("type", XapiExport.TYPE_DISCUSSION);
    return statements.statement(p, at, verb, display, object, null);
  }
}
