package org.sociallearning.impact.sample;

import java.time.Instant;

/**
 * One incident as drawn, before it becomes a row of incident.csv; {@code assignee} is null for
 * unassigned ones.
 */
final class ServiceNowTicket {
  Person assignee;
  Instant opened;

  /** Sort key of the bad row (its opened_at is not a date). */
  boolean badOpenedAt;

  int priority;
  int category;
  String shortDescription;
  String description;
  String state;
  Instant resolved;
  Instant closed;
  Instant updated;
  int reassignments;
  int reopens;
  boolean madeSla;
  String email;
  String number;
  boolean exportedTwice;
  boolean staleFirst;
  Instant staleUpdated;

  /** Seconds of work logged by the time of the export (ServiceNow time_worked). */
  long worked;
}
