package org.sociallearning.impact.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the accounts and every opportunity: each rep's monthly opportunities from their hire month
 * on, and the former rep's in the first months. The sales cycle (log days) and the win probability
 * carry the rep's ability, the month's shock and, once the rep has joined a community, the planted
 * effects; deals still open at asOf get an expected close date instead of an outcome.
 */
final class SalesforceOpportunities {

  /** Opportunities created per rep and month: 0, 1 or 2 with these probabilities (mean 0.7). */
  static final double[] OPPS_PER_MONTH_P = {0.45, 0.4, 0.15};

  private static final String[] LEAD_SOURCES = {
    "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other", "Trade Show"
  };

  private final Build b;
  private final SplittableRandom rng;
  private final double[] shock;
  private final String[] campaigns;
  private final SalesforceUser integration;
  private final List<String> accounts = new ArrayList<>();
  private final List<String> accountNames = new ArrayList<>();

  SalesforceOpportunities(
      Build b,
      SplittableRandom rng,
      double[] shock,
      String[] campaigns,
      SalesforceUser integration) {
    this.b = b;
    this.rng = rng;
    this.shock = shock;
    this.campaigns = campaigns;
    this.integration = integration;
  }

  /**
   * The accounts, then the opportunities of these users, ordered by creation and given their ids.
   */
  List<SalesforceOpportunity> draw(List<SalesforceUser> users) {
    createAccounts();
    return createOpportunities(users);
  }

  private void createAccounts() {
    Ids.SalesforceIds ids = new Ids.SalesforceIds("001", 8_000_000L + rng.nextInt(1_000_000));
    for (int i = 0; i < 120; i++) {
      accounts.add(ids.next());
      accountNames.add(
          Texts.pick(rng, Texts.ACCOUNT_WORDS_A)
              + " "
              + Texts.pick(rng, Texts.ACCOUNT_WORDS_B)
              + " "
              + Texts.pick(rng, Texts.ACCOUNT_FORMS));
    }
  }

  private List<SalesforceOpportunity> createOpportunities(List<SalesforceUser> users) {
    Timeline t = b.timeline;
    List<SalesforceOpportunity> opps = new ArrayList<>();
    for (SalesforceUser u : users) {
      Person p = u.person;
      if (p != null && p.sells()) {
        for (int m = p.hireMonth; m <= t.lastMonth; m++) {
          int n = Workload.itemsInMonth(rng, OPPS_PER_MONTH_P, b.settings.workVolume());
          for (int k = 0; k < n; k++) {
            SalesforceOpportunity o =
                opportunity(p, u, t.instantInMonth(rng, m, 13, 23, p.hireDate), m);
            if (o != null) {
              opps.add(o);
            }
          }
        }
      } else if (u.id.equals(b.formerSalesUserId)) {
        for (int m = 0; m <= Math.min(4, t.lastMonth); m++) {
          for (int k = 0; k < 2; k++) {
            SalesforceOpportunity o =
                opportunity(null, u, t.instantInMonth(rng, m, 13, 23, null), m);
            if (o != null) {
              opps.add(o);
            }
          }
        }
      }
    }
    opps.sort(
        Comparator.comparing((SalesforceOpportunity o) -> o.created)
            .thenComparing(o -> o.ownerUser.id));
    Ids.SalesforceIds ids = new Ids.SalesforceIds("006", 20_000_000L + rng.nextInt(1_000_000));
    for (SalesforceOpportunity o : opps) {
      o.id = ids.next();
    }
    return opps;
  }

  /**
   * One opportunity of rep p (null: the former rep) created at {@code createdAt} in month m, or
   * null when the month had no time for it. Every draw happens before that check, so each call uses
   * the same number of draws.
   */
  private SalesforceOpportunity opportunity(
      Person p, SalesforceUser owner, Instant createdAt, int m) {
    double noise = rng.nextGaussian();
    double winDraw = rng.nextDouble();
    double stageDraw = rng.nextDouble();
    int account = rng.nextInt(accounts.size());
    String product = Texts.pick(rng, Texts.PRODUCTS);
    double amount =
        Math.round(StrictMath.exp(StrictMath.log(25000) + 0.8 * rng.nextGaussian()) * 100) / 100.0;
    double typeDraw = rng.nextDouble();
    String nextStep = rng.nextDouble() < 0.5 ? "" : Texts.pick(rng, Texts.NEXT_STEPS);
    String leadSource = Texts.pick(rng, LEAD_SOURCES);
    double descDraw = rng.nextDouble();
    double createdByDraw = rng.nextDouble();
    String campaign = rng.nextDouble() < 0.1 ? campaigns[rng.nextInt(campaigns.length)] : "";
    boolean lineItems = rng.nextDouble() < 0.3;
    double activityDraw = rng.nextDouble();
    double activityPos = rng.nextDouble();
    double viewedDraw = rng.nextDouble();
    int jitter = rng.nextInt(31) - 10;
    double modPos = rng.nextDouble();
    long modTime = rng.nextInt(10 * 3600);
    double openActivityDraw = rng.nextDouble();
    double overdueDraw = rng.nextDouble();
    boolean deleted = rng.nextDouble() < 0.01;
    if (createdAt == null) {
      return null;
    }
    Instant created = createdAt.truncatedTo(ChronoUnit.SECONDS);
    double ability = p == null ? 0 : p.ability;
    boolean treated = p != null && p.joiner && m >= p.joinMonth;
    double ln =
        3.6
            - 0.2 * ability
            + shock[m]
            + 0.5 * noise
            + (treated ? b.settings.salesCycleEffect() : 0)
            + DurationShift.of(b.settings, p, m);
    long days = Math.max(1, Math.round(StrictMath.exp(ln)));
    double pWin =
        Math.min(
            0.98,
            Math.max(0.02, 0.30 + 0.05 * ability + (treated ? b.settings.winRateEffect() : 0)));
    LocalDate createdDate = created.atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate close = createdDate.plusDays(days);

    SalesforceOpportunity o = new SalesforceOpportunity();
    o.owner = p;
    o.ownerUser = owner;
    o.created = created;
    o.accountId = accounts.get(account);
    o.name = accountNames.get(account) + " - " + product;
    o.description =
        descDraw < 0.8
            ? ""
            : descDraw < 0.9
                ? "Champion: "
                    + (p == null ? "n/a" : p.first)
                    + ", budget approved for FY, \"must go live\" before Q4"
                : "Prospect asked for:\n- SSO\n- EU data residency\n- 3-year pricing, \"all-in\"";
    o.amount = amount;
    o.type =
        typeDraw < 0.6
            ? "New Business"
            : typeDraw < 0.85 ? "Existing Customer - Upgrade" : "Existing Customer - Replacement";
    o.nextStep = nextStep;
    o.leadSource = leadSource;
    o.createdById = createdByDraw < 0.15 ? integration.id : owner.id;
    o.campaignId = campaign;
    o.lineItems = lineItems;
    o.deleted = deleted;
    LocalDate asOf = b.timeline.asOf;
    if (close.isBefore(asOf)) {
      o.closed = true;
      o.won = winDraw < pWin;
      o.stage = o.won ? "Closed Won" : "Closed Lost";
      o.closeDate = close;
      o.lastModified =
          close.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(13 * 3600 + modTime);
      if (!o.lastModified.isBefore(b.timeline.asOfInstant)) {
        o.lastModified = b.timeline.asOfInstant.minusSeconds(3600 + modTime);
      }
    } else {
      o.stage = stageDraw < 0.4 ? "Negotiation/Review" : "Proposal/Price Quote";
      LocalDate expected = close.plusDays(jitter);
      o.closeDate = expected.isBefore(asOf) ? asOf.plusDays(1 + Math.abs(jitter)) : expected;
      long span = b.timeline.asOfInstant.getEpochSecond() - created.getEpochSecond();
      o.lastModified = created.plusSeconds((long) (modPos * span));
      o.openActivity = openActivityDraw < 0.4;
      o.overdueTask = overdueDraw < 0.1;
      if (viewedDraw < 0.5) {
        o.lastViewed =
            b.timeline.asOfInstant.minusSeconds(3600 + (long) (viewedDraw * 2 * 30 * 86400));
        if (o.lastViewed.isBefore(created)) {
          o.lastViewed = null;
        }
      }
    }
    o.systemModstamp = o.lastModified;
    if (activityDraw < 0.6) {
      LocalDate last = o.closed ? o.closeDate : asOf.minusDays(1);
      long range = Math.max(0, last.toEpochDay() - createdDate.toEpochDay());
      o.lastActivity = createdDate.plusDays((long) (activityPos * range));
    }
    return o;
  }
}
