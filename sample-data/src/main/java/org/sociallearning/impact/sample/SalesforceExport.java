package org.sociallearning.impact.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Writes salesforce/Opportunity.csv and salesforce/User.csv in the weekly Data Export shape. */
final class SalesforceExport {

    static final List<String> OPPORTUNITY_HEADER = List.of("Id", "IsDeleted", "AccountId", "Name", "Description",
            "StageName", "Amount", "Probability", "CloseDate", "Type", "NextStep", "LeadSource", "IsClosed", "IsWon",
            "ForecastCategory", "ForecastCategoryName", "CampaignId", "HasOpportunityLineItem", "Pricebook2Id",
            "OwnerId", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp",
            "LastActivityDate", "FiscalQuarter", "FiscalYear", "Fiscal", "LastViewedDate", "LastReferencedDate",
            "HasOpenActivity", "HasOverdueTask");
    static final List<String> USER_HEADER = List.of("Id", "Username", "LastName", "FirstName", "Name", "Email",
            "IsActive", "UserRoleId", "ProfileId", "Title", "Department", "CreatedDate");

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    /** Opportunities created per rep and month: 0, 1 or 2 with these probabilities (mean 0.7). */
    static final double[] OPPS_PER_MONTH_P = {0.45, 0.4, 0.15};

    private static final String[] LEAD_SOURCES = {"Web", "Phone Inquiry", "Partner Referral", "Purchased List",
        "Other", "Trade Show"};

    static final class SfUser {
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

    static final class Opp {
        Person owner;
        SfUser ownerUser;
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

    private final Build b;
    private final SplittableRandom rng;
    private final double[] shock;
    private final List<SfUser> users = new ArrayList<>();
    private final List<String> accounts = new ArrayList<>();
    private final List<String> accountNames = new ArrayList<>();
    private final String[] campaigns;
    private final String pricebook;
    private SfUser integration;

    SalesforceExport(Build b, SplittableRandom rng) {
        this.b = b;
        this.rng = rng;
        this.shock = MonthShocks.draw(b.timeline, rng);
        Ids.SalesforceIds campaignIds = new Ids.SalesforceIds("701", 3_000_000L + rng.nextInt(100_000));
        campaigns = new String[] {campaignIds.next(), campaignIds.next(), campaignIds.next()};
        pricebook = new Ids.SalesforceIds("01s", 2_000_000L + rng.nextInt(100_000)).next();
    }

    void write() {
        createUsers();
        createAccounts();
        List<Opp> opps = createOpportunities();
        writeOpportunities(opps);
        writeUsers();
    }

    private void createUsers() {
        Ids.SalesforceIds ids = new Ids.SalesforceIds("005", 4_000_000L + rng.nextInt(1_000_000));
        Ids.SalesforceIds roles = new Ids.SalesforceIds("00E", 1_000_000L + rng.nextInt(100_000));
        String roleEmea = roles.next();
        String roleAmericas = roles.next();
        String roleDirector = roles.next();
        Ids.SalesforceIds profiles = new Ids.SalesforceIds("00e", 1_500_000L + rng.nextInt(100_000));
        String standard = profiles.next();
        String admin = profiles.next();

        integration = new SfUser();
        integration.id = ids.next();
        integration.username = "integration@example.com.acme";
        integration.firstName = "Integration";
        integration.lastName = "User";
        integration.name = "Integration User";
        integration.email = "noreply@example.com";
        integration.active = true;
        integration.roleId = "";
        integration.profileId = admin;
        integration.title = "";
        integration.department = "";
        integration.created = b.timeline.start.minusYears(4).atTime(9, 12, 3).toInstant(ZoneOffset.UTC);
        users.add(integration);
        b.integrationSalesforceUserId = integration.id;

        SfUser former = new SfUser();
        former.id = ids.next();
        former.username = "robin.achterberg@example.com.acme";
        former.firstName = "Robin";
        former.lastName = "Achterberg";
        former.name = "Robin Achterberg";
        former.email = "Robin.Achterberg@example.com";
        former.active = false;
        former.roleId = roleEmea;
        former.profileId = standard;
        former.title = "Account Executive";
        former.department = "Sales EMEA";
        former.created = b.timeline.start.minusYears(2).atTime(14, 2, 51).toInstant(ZoneOffset.UTC);
        users.add(former);
        b.formerSalesUserId = former.id;

        for (Person p : b.people) {
            if (!p.department.startsWith("Sales")) {
                continue;
            }
            SfUser u = new SfUser();
            u.id = ids.next();
            u.username = p.email + ".acme";
            u.firstName = p.nickname != null ? p.nickname : p.first;
            u.lastName = p.suffix != null ? p.last + " " + p.suffix : p.last;
            u.name = u.firstName + " " + u.lastName;
            u.email = rng.nextDouble() < 0.6 ? p.email : Names.caseVariant(p.email, 1 + rng.nextInt(4));
            u.active = true;
            u.roleId = p.role == Person.Role.MANAGER ? roleDirector
                    : p.department.equals("Sales EMEA") ? roleEmea : roleAmericas;
            u.profileId = standard;
            u.title = p.title;
            u.department = p.department;
            u.created = p.hireDate.plusDays(rng.nextInt(5)).atTime(8 + rng.nextInt(9), rng.nextInt(60),
                    rng.nextInt(60)).toInstant(ZoneOffset.UTC);
            u.person = p;
            p.salesforceUserId = u.id;
            users.add(u);
        }
    }

    private void createAccounts() {
        Ids.SalesforceIds ids = new Ids.SalesforceIds("001", 8_000_000L + rng.nextInt(1_000_000));
        for (int i = 0; i < 120; i++) {
            accounts.add(ids.next());
            accountNames.add(Texts.pick(rng, Texts.ACCOUNT_WORDS_A) + " " + Texts.pick(rng, Texts.ACCOUNT_WORDS_B)
                    + " " + Texts.pick(rng, Texts.ACCOUNT_FORMS));
        }
    }

    private List<Opp> createOpportunities() {
        Timeline t = b.timeline;
        List<Opp> opps = new ArrayList<>();
        for (SfUser u : users) {
            Person p = u.person;
            if (p != null && p.sells()) {
                for (int m = p.hireMonth; m <= t.lastMonth; m++) {
                    int n = Workload.itemsInMonth(rng, OPPS_PER_MONTH_P, b.settings.workVolume());
                    for (int k = 0; k < n; k++) {
                        Opp o = opportunity(p, u, t.instantInMonth(rng, m, 13, 23, p.hireDate), m);
                        if (o != null) {
                            opps.add(o);
                        }
                    }
                }
            } else if (u.id.equals(b.formerSalesUserId)) {
                for (int m = 0; m <= Math.min(4, t.lastMonth); m++) {
                    for (int k = 0; k < 2; k++) {
                        Opp o = opportunity(null, u, t.instantInMonth(rng, m, 13, 23, null), m);
                        if (o != null) {
                            opps.add(o);
                        }
                    }
                }
            }
        }
        opps.sort(Comparator.comparing((Opp o) -> o.created).thenComparing(o -> o.ownerUser.id));
        Ids.SalesforceIds ids = new Ids.SalesforceIds("006", 20_000_000L + rng.nextInt(1_000_000));
        for (Opp o : opps) {
            o.id = ids.next();
        }
        return opps;
    }

    private Opp opportunity(Person p, SfUser owner, Instant createdAt, int m) {
        double noise = rng.nextGaussian();
        double winDraw = rng.nextDouble();
        double stageDraw = rng.nextDouble();
        int account = rng.nextInt(accounts.size());
        String product = Texts.pick(rng, Texts.PRODUCTS);
        double amount = Math.round(StrictMath.exp(StrictMath.log(25000) + 0.8 * rng.nextGaussian()) * 100) / 100.0;
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
        double ln = 3.6 - 0.2 * ability + shock[m] + 0.5 * noise + (treated ? b.settings.salesCycleEffect() : 0)
                + b.settings.durationShift(p, m);
        long days = Math.max(1, Math.round(StrictMath.exp(ln)));
        double pWin = Math.min(0.98, Math.max(0.02, 0.30 + 0.05 * ability + (treated ? b.settings.winRateEffect() : 0)));
        LocalDate createdDate = created.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate close = createdDate.plusDays(days);

        Opp o = new Opp();
        o.owner = p;
        o.ownerUser = owner;
        o.created = created;
        o.accountId = accounts.get(account);
        o.name = accountNames.get(account) + " - " + product;
        o.description = descDraw < 0.8 ? "" : descDraw < 0.9
                ? "Champion: " + (p == null ? "n/a" : p.first) + ", budget approved for FY, \"must go live\" before Q4"
                : "Prospect asked for:\n- SSO\n- EU data residency\n- 3-year pricing, \"all-in\"";
        o.amount = amount;
        o.type = typeDraw < 0.6 ? "New Business" : typeDraw < 0.85 ? "Existing Customer - Upgrade"
                : "Existing Customer - Replacement";
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
            o.lastModified = close.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(13 * 3600 + modTime);
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
                o.lastViewed = b.timeline.asOfInstant.minusSeconds(3600 + (long) (viewedDraw * 2 * 30 * 86400));
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

    private void writeOpportunities(List<Opp> opps) {
        // planted: two rows exported twice verbatim, one exported twice in two versions (older still open)
        List<Opp> closed = new ArrayList<>();
        for (Opp o : opps) {
            if (o.closed && !o.deleted && o.owner != null) {
                closed.add(o);
            }
        }
        Opp exactA = closed.get(rng.nextInt(closed.size()));
        Opp exactB = closed.get(rng.nextInt(closed.size()));
        Opp stale = closed.get(rng.nextInt(closed.size()));
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
        long staleSpan = stale.lastModified.getEpochSecond() - stale.created.getEpochSecond();

        int live = 0;
        try (Csv csv = new Csv(b.path("salesforce/Opportunity.csv"), true)) {
            csv.header(OPPORTUNITY_HEADER);
            for (Opp o : opps) {
                csv.row(row(o));
                if (o == exactA) {
                    csv.row(row(o));
                }
                if (o == stale) {
                    Opp old = copyOpen(o, o.created.plusSeconds(Math.max(60, staleSpan / 2)));
                    csv.row(row(old));
                }
                if (o.deleted) {
                    b.deletedOpportunityIds.add(o.id);
                } else {
                    live++;
                }
            }
            csv.row(row(exactB));
            b.record("salesforce/Opportunity.csv", csv.records());
            b.opportunityRows = csv.records();
        }
        b.opportunities = live;
    }

    private Opp copyOpen(Opp o, Instant modified) {
        Opp c = new Opp();
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

    private List<String> row(Opp o) {
        boolean negotiation = "Negotiation/Review".equals(o.stage);
        String probability = o.closed ? (o.won ? "100" : "0") : negotiation ? "90" : "75";
        String forecast = o.closed ? (o.won ? "Closed" : "Omitted") : negotiation ? "Forecast" : "Pipeline";
        String forecastName = o.closed ? (o.won ? "Closed" : "Omitted") : negotiation ? "Commit" : "Pipeline";
        int quarter = (o.closeDate.getMonthValue() - 1) / 3 + 1;
        String[] r = {
            o.id, flag(o.deleted), o.accountId, o.name, o.description, o.stage,
            String.format(Locale.ROOT, "%.2f", o.amount), probability, o.closeDate.toString(), o.type, o.nextStep,
            o.leadSource, flag(o.closed), flag(o.won), forecast, forecastName, o.campaignId, flag(o.lineItems),
            o.lineItems ? pricebook : "", o.ownerUser.id, stamp(o.created), o.createdById, stamp(o.lastModified),
            o.ownerUser.id, stamp(o.systemModstamp), o.lastActivity == null ? "" : o.lastActivity.toString(),
            String.valueOf(quarter), String.valueOf(o.closeDate.getYear()),
            o.closeDate.getYear() + " " + quarter, stamp(o.lastViewed), stamp(o.lastViewed), flag(o.openActivity),
            flag(o.overdueTask),
        };
        return Arrays.asList(r);
    }

    private void writeUsers() {
        List<SfUser> sorted = new ArrayList<>(users);
        sorted.sort(Comparator.comparing(u -> u.id));
        try (Csv csv = new Csv(b.path("salesforce/User.csv"), true)) {
            csv.header(USER_HEADER);
            for (SfUser u : sorted) {
                csv.row(List.of(u.id, u.username, u.lastName, u.firstName, u.name, u.email,
                        String.valueOf(u.active), u.roleId, u.profileId, u.title, u.department, stamp(u.created)));
            }
            b.record("salesforce/User.csv", csv.records());
            b.salesforceUsers = csv.records();
        }
    }

    /** Data Export booleans: "1" for true, empty for false. */
    static String flag(boolean value) {
        return value ? "1" : "";
    }

    static String stamp(Instant at) {
        return at == null ? "" : STAMP.format(at);
    }
}
