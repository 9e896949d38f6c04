package org.sociallearning.impact.sample;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes salesforce/Opportunity.csv and salesforce/User.csv in the weekly Data Export shape.
 *
 * <p>This class draws what both files share and runs the steps, each in a class of its own: {@link
 * SalesforceUsers} (the org's users, User.csv), {@link SalesforceOpportunities} (accounts and
 * opportunities), {@link SalesforceDuplicates} (the planted rows exported twice) and {@link
 * SalesforceOpportunityFile}. The steps share one random stream in a fixed order, so a seed gives
 * the same bytes every time.
 */
final class SalesforceExport {

  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private final Build b;
  private final SplittableRandom rng;
  private final double[] shock;
  private final String[] campaigns;
  private final String pricebook;

  SalesforceExport(Build b, SplittableRandom rng) {
    this.b = b;
    this.rng = rng;
    this.shock = MonthShocks.draw(b.timeline, rng);
    Ids.SalesforceIds campaignIds = new Ids.SalesforceIds("701", 3_000_000L + rng.nextInt(100_000));
    campaigns = new String[] {campaignIds.next(), campaignIds.next(), campaignIds.next()};
    pricebook = new Ids.SalesforceIds("01s", 2_000_000L + rng.nextInt(100_000)).next();
  }

  void write() {
    SalesforceUsers users = SalesforceUsers.create(b, rng);
    List<SalesforceOpportunity> opps =
        new SalesforceOpportunities(b, rng, shock, campaigns, users.integration())
            .draw(users.all());
    SalesforceOpportunityFile.write(b, rng, pricebook, opps);
    users.write(b);
  }

  /** Data Export booleans: "1" for true, empty for false. */
  static String flag(boolean value) {
    return value ? "1" : "";
  }

  static String stamp(Instant at) {
    return at == null ? "" : STAMP.format(at);
  }
}
