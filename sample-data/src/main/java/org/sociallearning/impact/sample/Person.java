package org.sociallearning.impact.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One employee of the synthetic company, with everything the sources need to know about them. */
final class Person {

  enum Role {
    SERVICE_DESK,
    SALES,
    OTHER,
    MANAGER
  }

  enum Medium {
    SLACK,
    XAPI
  }

  final int index;
  final String id;
  String first;
  String last;
  String suffix;
  String nickname;

  /**
   * Display name, e.g. {@code José Müller}, {@code Daniel Smith, Jr.}, {@code Robert "Bobby"
   * Jones}.
   */
  String name;

  /** Canonical lower-case e-mail as on the roster. */
  String email;

  Role role;
  String title;
  String department;
  String location;
  String timeZone;
  LocalDate hireDate;

  /** Month index of the hire date, 0 when hired before the window. */
  int hireMonth;

  /** New-hires company: hired during the window, on a learning curve. */
  boolean newHire;

  String managerId = "";
  double ability;

  boolean joiner;
  int joinMonth = -1;
  Medium medium;

  /** Slack joiner who also uses the LMS community feature now and then. */
  boolean mixedMedium;

  final List<String> communities = new ArrayList<>();

  /** For non-joiners: number of (below-threshold) community interactions. */
  int sporadic;

  /**
   * Unrelated-gains company: month from which the person is faster for another reason, -1 for
   * never.
   */
  int gainMonth = -1;

  /** Unrelated-gains company: months of the person's community posts, one entry per post. */
  final List<Integer> plannedPosts = new ArrayList<>();

  boolean hasSlack = true;
  String slackId;
  String slackHandle;
  String slackDisplayName;
  String slackEmail;
  String xapiEmail;
  boolean xapiLocalOffset;
  String salesforceUserId;

  Person(int index) {
    this.index = index;
    this.id = "E" + (10001 + index);
  }

  boolean handlesTickets() {
    return role == Role.SERVICE_DESK;
  }

  boolean sells() {
    return role == Role.SALES;
  }

  /** Working hours in UTC for the person's location: {from, to}. */
  int[] utcHours() {
    switch (location) {
      case "Bangalore":
        return new int[] {4, 13};
      case "Austin":
        return new int[] {14, 23};
      default:
        return new int[] {7, 17};
    }
  }
}
