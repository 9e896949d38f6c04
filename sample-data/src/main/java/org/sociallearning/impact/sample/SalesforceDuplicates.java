package org.sociallearning.impact.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The planted export overlaps of Opportunity.csv, three distinct closed opportunities of roster
 * reps: two exported twice verbatim ({@code exactA} right after itself, {@code exactB} again at the
 * end of the file) and one ({@code stale}) exported twice in two versions, the older one still
 * open.
 */
record SalesforceDuplicates(
    SalesforceOpportunity exactA, SalesforceOpportunity exactB, SalesforceOpportunity stale) {

  /** Picks the three and reports their ids to the generation summary. */
  static SalesforceDuplicates pick(
      Build b, SplittableRandom rng, List<SalesforceOpportunity> opps) {
    List<SalesforceOpportunity> closed = new ArrayList<>();
    for (SalesforceOpportunity o : opps) {
      if (o.closed && !o.deleted && o.owner != null) {
        closed.add(o);
      }
    }
    SalesforceOpportunity exactA = closed.get(rng.nextInt(closed.size()));
    SalesforceOpportunity exactB = closed.get(rng.nextInt(closed.size()));
    SalesforceOpportunity stale = closed.get(rng.nextInt(closed.size()));
    while (exactB == exactA) {
      exactB = closed.get(rng.nextInt(closed.size()));
    }
    while (stale == exactA || stale == exactB) {
      stale = closed.get(rng.nextInt(closed.size()));
    }
    List<String> dupIds = new ArrayList<>(List.of(exactA.id, exactB.id));
    dupIds.sort(Comparator.naturalOrder());
    b.duplicatedOpportunityIds.addAll(dupIds);
    b.staleDuplicateOpportunityId = stale.id;
    return new SalesforceDuplicates(exactA, exactB, stale);
  }

  /**
   * The older version of {@code stale}: still at proposal, last modified halfway to its last
   * change.
   */
  SalesforceOpportunity olderVersionOfStale() {
    long staleSpan = stale.lastModified.getEpochSecond() - stale.created.getEpochSecond();
    return copyOpen(stale, stale.created.plusSeconds(Math.max(60, staleSpan / 2)));
  }

  private static SalesforceOpportunity copyOpen(SalesforceOpportunity o, Instant modified) {
    SalesforceOpportunity c = new SalesforceOpportunity();
    c.owner = o.owner;
    c.ownerUser = o.ownerUser;
    c.created = o.created;
    c.id = o.id;
    c.accountId = o.accountId;
    c.name = o.name;
    c.description = o.description;
    c.amount = o.amount;
    c.type = o.type;
    c.nextStep = "Send proposal";
    c.leadSource = o.leadSource;
    c.createdById = o.createdById;
    c.campaignId = o.campaignId;
    c.lineItems = o.lineItems;
    c.stage = "Proposal/Price Quote";
    c.closeDate = o.closeDate.plusDays(14);
    c.lastModified = modified;
    c.systemModstamp = modified;
    c.openActivity = true;
    return c;
  }
}
