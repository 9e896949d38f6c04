package org.sociallearning.impact.sample;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Salesforce org's users: the integration user that creates some opportunities, a former rep
 * (inactive, not on the roster) who still owns early opportunities, and one user per person in a
 * Sales department, whose email is often in another letter case than the roster's. Writes
 * salesforce/User.csv, sorted by id.
 */
final class SalesforceUsers {

  static final List<String> HEADER =
      List.of(
          "Id",
          "Username",
          "LastName",
          "FirstName",
          "Name",
          "Email",
          "IsActive",
          "UserRoleId",
          "ProfileId",
          "Title",
          "Department",
          "CreatedDate");

  private final List<SalesforceUser> all;
  private final SalesforceUser integration;

  private SalesforceUsers(List<SalesforceUser> all, SalesforceUser integration) {
    this.all = all;
    this.integration = integration;
  }

  /** Creates the users and gives each sales person their user id. */
  static SalesforceUsers create(Build b, SplittableRandom rng) {
    List<SalesforceUser> users = new ArrayList<>();
    Ids.SalesforceIds ids = new Ids.SalesforceIds("005", 4_000_000L + rng.nextInt(1_000_000));
    Ids.SalesforceIds roles = new Ids.SalesforceIds("00E", 1_000_000L + rng.nextInt(100_000));
    String roleEmea = roles.next();
    String roleAmericas = roles.next();
    String roleDirector = roles.next();
    Ids.SalesforceIds profiles = new Ids.SalesforceIds("00e", 1_500_000L + rng.nextInt(100_000));
    String standard = profiles.next();
    String admin = profiles.next();

    SalesforceUser integration = new SalesforceUser();
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

    SalesforceUser former = new SalesforceUser();
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
      SalesforceUser u = new SalesforceUser();
      u.id = ids.next();
      u.username = p.email + ".acme";
      u.firstName = p.nickname != null ? p.nickname : p.first;
      u.lastName = p.suffix != null ? p.last + " " + p.suffix : p.last;
      u.name = u.firstName + " " + u.lastName;
      u.email = rng.nextDouble() < 0.6 ? p.email : Names.caseVariant(p.email, 1 + rng.nextInt(4));
      u.active = true;
      u.roleId =
          p.role == Person.Role.MANAGER
              ? roleDirector
              : p.department.equals("Sales EMEA") ? roleEmea : roleAmericas;
      u.profileId = standard;
      u.title = p.title;
      u.department = p.department;
      u.created =
          p.hireDate
              .plusDays(rng.nextInt(5))
              .atTime(8 + rng.nextInt(9), rng.nextInt(60), rng.nextInt(60))
              .toInstant(ZoneOffset.UTC);
      u.person = p;
      p.salesforceUserId = u.id;
      users.add(u);
    }
    return new SalesforceUsers(users, integration);
  }

  /**
   * Every user in the order created: integration user, former rep, then the roster's sales people.
   */
  List<SalesforceUser> all() {
    return all;
  }

  SalesforceUser integration() {
    return integration;
  }

  void write(Build b) {
    List<SalesforceUser> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing(u -> u.id));
    try (Csv csv = new Csv(b.path("salesforce/User.csv"), true)) {
      csv.header(HEADER);
      for (SalesforceUser u : sorted) {
        csv.row(
            List.of(
                u.id,
                u.username,
                u.lastName,
                u.firstName,
                u.name,
                u.email,
                String.valueOf(u.active),
                u.roleId,
                u.profileId,
                u.title,
                u.department,
                SalesforceExport.stamp(u.created)));
      }
      b.record("salesforce/User.csv", csv.records());
      b.salesforceUsers = csv.records();
    }
  }
}
