package org.sociallearning.impact.sample;

import java.util.Map;
import java.util.SplittableRandom;

/** Free-text snippets (deliberately full of quotes, commas, newlines, emoji and Slack markup). */
final class Texts {

  private Texts() {}

  static final Map<String, String[]> COMMUNITY_POSTS =
      Map.of(
          "ask-it",
              new String[] {
                "How do I reset MFA for someone who lost their phone?",
                "Anyone seen \"Error 0x80070005\" when mapping the shared drive?\nTried re-login, no luck.",
                "Is there a KB for the new VPN client? <https://wiki.example.com/kb/vpn-2|VPN guide> looks outdated",
                "Quick one: what's the fastest way to bulk-unlock AD accounts?",
                "Printer queue stuck again on floor 2 :printer: any tips?",
                "Which form do I use for a temporary admin right, the \"elevated access\" one or the generic request?",
              },
          "cop-service-excellence",
              new String[] {
                "Tip: when a ticket bounces twice, call the user, it saves about a day :telephone_receiver:",
                "Sharing our triage checklist for P2s: <https://wiki.example.com/se/triage|triage checklist>",
                "What's your template for \"waiting on customer\" updates?",
                "Retro from last week's outage, lessons learned:\n- page earlier\n- one channel, one owner\n- write it down",
                "Knowledge article of the week: <https://wiki.example.com/kb/4711|KB-4711 Outlook profile rebuild> 🙌",
                "How do you keep first-contact resolution up when the queue spikes?",
              },
          "ask-sales",
              new String[] {
                "Does anyone have a case study for logistics prospects?",
                "How do you handle the \"we already have a vendor\" objection?",
                "Pricing question: can we discount multi-year deals above 15%?",
                "Battlecard for the new competitor is here: <https://wiki.example.com/sales/bc|battlecard> :crossed_swords:",
                "Who has run a mutual action plan with procurement, and did it shorten the cycle?",
              },
          "cop-data",
              new String[] {
                "New dashboard for pipeline ageing: <https://bi.example.com/d/42|Pipeline ageing> :bar_chart:",
                "SQL question: window function vs. self-join for running totals?",
                "Reminder: the \"revenue\" field in the warehouse is net, not gross",
                "Office hours Thursday 15:00, bring your messy spreadsheets 📊",
                "How do you explain a confidence interval to a VP, in one sentence?",
              },
          "guild-java",
              new String[] {
                "Anyone moved to Java 21 virtual threads in prod yet?",
                "Code review tip: keep PRs under 400 lines 🙏",
                "Is `Optional` as a field type still a no-go, or are we over it?",
                "Guild session recording: <https://video.example.com/v/881|Records, sealed types & pattern matching>",
                "Flaky test hunt this Friday, pizza included :pizza:",
              });

  static final String[] REPLIES = {
    "Thanks, that worked! 🙌",
    "Check the KB: <https://wiki.example.com/kb/1234|KB-1234>",
    "We had the same issue last month, clearing the token cache fixed it.\nSteps:\n1. sign out\n2. clear the cache\n3. sign in",
    "+1, following",
    "I'd say \"it depends\" :sweat_smile:",
    "Happy to pair on this tomorrow",
    "Here's the runbook: <https://wiki.example.com/runbooks/7|Runbook #7>",
    "Good question, we changed that process in Q2, details in the pinned post",
    "Tried it, works for me on the latest build",
    "Thanks for sharing, saving this one :bookmark:",
  };

  static final String[] CHATTER = {
    "Coffee machine on the 3rd floor is fixed ☕",
    "Happy Friday everyone!",
    "Lunch order for Thursday: add yourself to the sheet",
    "Who's joining the summer party? :sunny:",
    "Reminder: expense reports are due Monday",
    "Great work on the release, team :tada:",
    "Anyone found a black umbrella in room \"Liffey\"?",
    "OOO tomorrow, back on Wednesday",
    "Parking garage closed this weekend, see <https://intranet.example.com/news/118|facilities news>",
    "Welcome to the new joiners this month 👋",
  };

  static final String[] STANDUP = {
    "Standup reminder: please post your update in the thread :wave:",
    "Standup time! What did you do yesterday, what's next, any blockers?",
  };

  static final String[] INCIDENT_CATEGORIES = {
    "Network", "Software", "Hardware", "Inquiry / Help", "Database"
  };

  static final String[][] INCIDENT_SHORT = {
    {
      "VPN disconnects every few minutes",
      "Wi-Fi not working in meeting room",
      "Cannot reach the intranet",
      "Slow network on floor 4"
    },
    {
      "Outlook keeps asking for password",
      "Excel crashes when opening large file",
      "Teams audio not working",
      "License request: Visio",
      "Browser shows certificate warning"
    },
    {
      "Laptop battery drains fast",
      "Docking station not detecting monitors",
      "Printer on 2nd floor jammed",
      "Keyboard keys sticking"
    },
    {
      "How to set up e-mail on new phone",
      "Request access to shared mailbox",
      "Password reset",
      "Question about software catalogue"
    },
    {"Report query timing out", "Access to sales database needed", "Nightly export failed"},
  };

  static final String[] INCIDENT_DESCRIPTIONS = {
    "User says: \"it worked yesterday, not today\".",
    "Caller: %s, reachable on extension %d, prefers Teams over phone.",
    "Error message: \"Something went wrong, please try again\". Happens after login, every time.",
    "Impact: 1 user, no workaround, urgent for month-end.",
    "Steps tried: restart, re-login, cleared cache, still failing.",
    "Device: LAPTOP-%d, Windows 11, 23H2",
  };

  static final String[] ACCOUNT_WORDS_A = {
    "Blue Harbor",
    "Northwind",
    "Granite Peak",
    "Silver Fern",
    "Red Kite",
    "Oakridge",
    "Lakeside",
    "Copperline",
    "Brightwater",
    "Summit",
    "Ironbridge",
    "Meadowbrook",
    "Starling",
    "Harborview",
    "Windmill"
  };
  static final String[] ACCOUNT_WORDS_B = {
    "Logistics",
    "Health",
    "Retail",
    "Foods",
    "Energy",
    "Insurance",
    "Manufacturing",
    "Bank",
    "Media",
    "Software"
  };
  static final String[] ACCOUNT_FORMS = {"GmbH", "Ltd", "Inc.", "plc", "AG", "LLC", "Pvt Ltd"};
  static final String[] PRODUCTS = {
    "Platform",
    "Analytics Add-on",
    "Support Plus",
    "Onboarding Services",
    "Enterprise Licence",
    "Data Connectors"
  };
  static final String[] NEXT_STEPS = {
    "Send proposal",
    "Call with CFO, then legal review",
    "Demo for IT team",
    "Wait for budget approval",
    "Security questionnaire",
    "Negotiate terms, \"final\" round"
  };

  static String pick(SplittableRandom rng, String[] pool) {
    return pool[rng.nextInt(pool.length)];
  }
}
