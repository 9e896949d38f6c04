package org.sociallearning.impact.sample;

/**
 * A member of the Slack workspace, as users.json lists it. {@code person} is the roster person
 * behind the account, null for the planted standup bot and the deactivated former analyst.
 */
final class SlackUser {
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
