package org.sociallearning.impact.sample;

import java.time.Instant;

/**
 * A row of User.csv. {@code person} is the roster person behind the user, null for the integration
 * user and the former rep who left before the roster was taken.
 */
final class SalesforceUser {
  String id;
  String username;
  String firstName;
  String lastName;
  String name;
  String email;
  boolean active;
  String roleId;
  String profileId;
  String title;
  String department;
  Instant created;
  Person person;
}
