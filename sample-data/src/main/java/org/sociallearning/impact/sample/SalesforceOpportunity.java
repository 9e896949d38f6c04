package org.sociallearning.impact.sample;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One opportunity as drawn, before it becomes a row of Opportunity.csv. {@code owner} is the roster
 * person who owns it, null for the former rep's.
 */
final class SalesforceOpportunity {
  Person owner;
  SalesforceUser ownerUser;
  Instant created;
  String id;
  String accountId;
  String name;
  String description;
  double amount;
  String type;
  String nextStep;
  String leadSource;
  boolean closed;
  boolean won;
  String stage;
  LocalDate closeDate;
  Instant lastModified;
  Instant systemModstamp;
  String createdById;
  String campaignId;
  boolean lineItems;
  LocalDate lastActivity;
  Instant lastViewed;
  boolean openActivity;
  boolean overdueTask;
  boolean deleted;
}
