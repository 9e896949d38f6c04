package org.sociallearning.impact.sample;

import static org.sociallearning.impact.sample.SalesforceExport.flag;
import static org.sociallearning.impact.sample.SalesforceExport.stamp;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes salesforce/Opportunity.csv: every opportunity (deleted ones flagged IsDeleted, as the Data
 * Export keeps them), with the planted duplicates ({@link SalesforceDuplicates}) where an
 * overlapping export would put them.
 */
final class SalesforceOpportunityFile {

  static final List<String> HEADER =
      List.of(
          "Id",
          "IsDeleted",
          "AccountId",
          "Name",
          "Description",
          "StageName",
          "Amount",
          "Probability",
          "CloseDate",
          "Type",
          "NextStep",
          "LeadSource",
          "IsClosed",
          "IsWon",
          "ForecastCategory",
          "ForecastCategoryName",
          "CampaignId",
          "HasOpportunityLineItem",
          "Pricebook2Id",
          "OwnerId",
          "CreatedDate",
          "CreatedById",
          "LastModifiedDate",
          "LastModifiedById",
          "SystemModstamp",
          "LastActivityDate",
          "FiscalQuarter",
          "FiscalYear",
          "Fiscal",
          "LastViewedDate",
          "LastReferencedDate",
          "HasOpenActivity",
          "HasOverdueTask");

  private SalesforceOpportunityFile() {}

  static void write(
      Build b, SplittableRandom rng, String pricebook, List<SalesforceOpportunity> opps) {
    SalesforceDuplicates duplicates = SalesforceDuplicates.pick(b, rng, opps);
    int live = 0;
    try (Csv csv = new Csv(b.path("salesforce/Opportunity.csv"), true)) {
      csv.header(HEADER);
      for (SalesforceOpportunity o : opps) {
        csv.row(row(o, pricebook));
        if (o == duplicates.exactA()) {
          csv.row(row(o, pricebook));
        }
        if (o == duplicates.stale()) {
          csv.row(row(duplicates.olderVersionOfStale(), pricebook));
        }
        if (o.deleted) {
          b.deletedOpportunityIds.add(o.id);
        } else {
          live++;
        }
      }
      csv.row(row(duplicates.exactB(), pricebook));
      b.record("salesforce/Opportunity.csv", csv.records());
      b.opportunityRows = csv.records();
    }
    b.opportunities = live;
  }

  private static List<String> row(SalesforceOpportunity o, String pricebook) {
    boolean negotiation = "Negotiation/Review".equals(o.stage);
    String probability = o.closed ? (o.won ? "100" : "0") : negotiation ? "90" : "75";
    String forecast =
        o.closed ? (o.won ? "Closed" : "Omitted") : negotiation ? "Forecast" : "Pipeline";
    String forecastName =
        o.closed ? (o.won ? "Closed" : "Omitted") : negotiation ? "Commit" : "Pipeline";
    int quarter = (o.closeDate.getMonthValue() - 1) / 3 + 1;
    String[] r = {
      o.id,
      flag(o.deleted),
      o.accountId,
      o.name,
      o.description,
      o.stage,
      String.format(Locale.ROOT, "%.2f", o.amount),
      probability,
      o.closeDate.toString(),
      o.type,
      o.nextStep,
      o.leadSource,
      flag(o.closed),
      flag(o.won),
      forecast,
      forecastName,
      o.campaignId,
      flag(o.lineItems),
      o.lineItems ? pricebook : "",
      o.ownerUser.id,
      stamp(o.created),
      o.createdById,
      stamp(o.lastModified),
      o.ownerUser.id,
      stamp(o.systemModstamp),
      o.lastActivity == null ? "" : o.lastActivity.toString(),
      String.valueOf(quarter),
      String.valueOf(o.closeDate.getYear()),
      o.closeDate.getYear() + " " + quarter,
      stamp(o.lastViewed),
      stamp(o.lastViewed),
      flag(o.openActivity),
      flag(o.overdueTask),
    };
    return Arrays.asList(r);
  }
}
