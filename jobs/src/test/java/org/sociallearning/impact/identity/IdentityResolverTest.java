package org.sociallearning.impact.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each identity rule on its own, on a roster small enough to read. */
class IdentityResolverTest {

  static final List<IdentityResolver.RosterPerson> ROSTER =
      List.of(
          new IdentityResolver.RosterPerson("E1", "ana.silva@example.com", "Ana Silva"),
          new IdentityResolver.RosterPerson("E2", "bo.chen@example.com", "Bo Chen"),
          new IdentityResolver.RosterPerson("E3", "team@example.com", "Siobhán Brennan"),
          new IdentityResolver.RosterPerson("E4", "team@example.com", "Dara Okafor"),
          new IdentityResolver.RosterPerson("E5", "kim.lee@example.com", "Kim Lee"),
          new IdentityResolver.RosterPerson("E6", "kim.lee2@example.com", "Kim Lee"),
          new IdentityResolver.RosterPerson("E7", "raj.patel@example.com", "Raj Patel"));

  static final Map<String, String> ALIASES = Map.of("corp.example.com", "example.com");

  static IdentityResolver resolver(IdMappings mappings) {
    return new IdentityResolver(ROSTER, ALIASES, mappings);
  }

  static IdentityMatch one(SourceIdentity identity) {
    return resolver(IdMappings.none()).resolve(List.of(identity)).get(identity);
  }

  @Test
  void emailsMatchIgnoringCaseAndSurroundingSpace() {
    IdentityMatch m = one(new SourceIdentity("slack", "U1", "  Ana.Silva@EXAMPLE.com ", null));
    assertEquals("E1", m.employeeId());
    assertEquals(MatchRule.EMAIL, m.rule());
  }

  @Test
  void plusAddressingMatchesTheMailboxAsAnAlias() {
    IdentityMatch m = one(new SourceIdentity("xapi", null, "bo.chen+lrs@example.com", null));
    assertEquals("E2", m.employeeId());
    assertEquals(MatchRule.EMAIL_ALIAS, m.rule());
  }

  @Test
  void configuredDomainAliasesMatchOnBothSides() {
    IdentityMatch m =
        one(new SourceIdentity("servicenow", null, "ana.silva@corp.example.com", null));
    assertEquals("E1", m.employeeId());
    assertEquals(MatchRule.EMAIL_ALIAS, m.rule());
    IdentityResolver rosterOnAlias =
        new IdentityResolver(
            List.of(new IdentityResolver.RosterPerson("E9", "jo.wu@corp.example.com", null)),
            ALIASES,
            IdMappings.none());
    SourceIdentity plain = new SourceIdentity("slack", "U9", "jo.wu@example.com", null);
    assertEquals("E9", rosterOnAlias.resolve(List.of(plain)).get(plain).employeeId());
  }

  @Test
  void aSharedRosterEmailIsAmbiguousAndNeverFallsBackToTheName() {
    IdentityMatch m = one(new SourceIdentity("slack", "U3", "team@example.com", "Siobhán Brennan"));
    assertNull(m.employeeId());
    assertEquals(MatchRule.AMBIGUOUS, m.rule());
    assertEquals("email shared by 2 roster rows", m.detail());
  }

  @Test
  void idMappingsMatchByUserIdOrExportedEmailAndResolveASharedEmail() {
    IdMappings mappings =
        new IdMappings(
            List.of(
                new IdMappings.Mapping("discourse", "42", "E7"),
                new IdMappings.Mapping("slack", "U3", "E3"),
                new IdMappings.Mapping("servicenow", "raj@personal.example.net", "E7"),
                new IdMappings.Mapping("discourse", "43", "E404"),
                new IdMappings.Mapping("discourse", "44", "E1"),
                new IdMappings.Mapping("discourse", "44", "E2")),
            Set.of("E1", "E2", "E3", "E7"));
    SourceIdentity byId = new SourceIdentity("discourse", "42", null, null);
    SourceIdentity shared = new SourceIdentity("slack", "U3", "team@example.com", null);
    SourceIdentity byEmail =
        new SourceIdentity("servicenow", null, "Raj@Personal.example.net", null);
    SourceIdentity offRoster = new SourceIdentity("discourse", "43", null, null);
    SourceIdentity conflicting = new SourceIdentity("discourse", "44", null, null);
    SourceIdentity otherSource = new SourceIdentity("slack", "42", null, null);
    Map<SourceIdentity, IdentityMatch> m =
        resolver(mappings)
            .resolve(List.of(byId, shared, byEmail, offRoster, conflicting, otherSource));
    assertEquals("E7", m.get(byId).employeeId());
    assertEquals(MatchRule.ID_MAPPING, m.get(byId).rule());
    assertEquals("E3", m.get(shared).employeeId(), "an explicit mapping settles a shared email");
    assertEquals("E7", m.get(byEmail).employeeId());
    assertEquals(MatchRule.UNMATCHED, m.get(offRoster).rule());
    assertEquals(MatchRule.UNMATCHED, m.get(conflicting).rule(), "mapped twice: nobody");
    assertEquals(MatchRule.UNMATCHED, m.get(otherSource).rule(), "ids are per source");
    assertEquals(
        List.of(
            "1 id mapping(s) name employees not on the roster and were ignored",
            "1 source id(s) are mapped to two different employees and map nobody"),
        mappings.problems());
  }

  @Test
  void aNameUniqueOnBothSidesMatchesIgnoringCaseAccentsAndSpaces() {
    SourceIdentity viva =
        new SourceIdentity("viva-engage", "1", "ana@personal.example.net", "  ANA   silva ");
    SourceIdentity accented = new SourceIdentity("viva-engage", "2", null, "Raj Pátel");
    Map<SourceIdentity, IdentityMatch> m =
        resolver(IdMappings.none()).resolve(List.of(viva, accented));
    assertEquals("E1", m.get(viva).employeeId());
    assertEquals(MatchRule.UNIQUE_NAME, m.get(viva).rule());
    assertEquals("E7", m.get(accented).employeeId());
  }

  @Test
  void aNameTwoRosterRowsShareIsAmbiguous() {
    IdentityMatch m = one(new SourceIdentity("slack", "U5", null, "Kim Lee"));
    assertEquals(MatchRule.AMBIGUOUS, m.rule());
    assertEquals("name matches 2 roster rows", m.detail());
  }

  @Test
  void aNameTwoIdentitiesInTheSourceShareIsAmbiguousForBoth() {
    SourceIdentity first = new SourceIdentity("slack", "U7", null, "Bo Chen");
    SourceIdentity second = new SourceIdentity("slack", "U8", "bchen@other.example.org", "bo chen");
    Map<SourceIdentity, IdentityMatch> m =
        resolver(IdMappings.none()).resolve(List.of(first, second));
    for (SourceIdentity i : List.of(first, second)) {
      assertEquals(MatchRule.AMBIGUOUS, m.get(i).rule(), i.toString());
      assertEquals("name shared by 2 identities in the source", m.get(i).detail());
    }
  }

  @Test
  void theSameAccountTwiceIsOneIdentityNotAnAmbiguousName() {
    SourceIdentity a = new SourceIdentity("slack", "U7", null, "Bo Chen");
    SourceIdentity b = new SourceIdentity("slack", "U7", null, "Bo  Chen");
    Map<SourceIdentity, IdentityMatch> m = resolver(IdMappings.none()).resolve(List.of(a, b));
    assertEquals("E2", m.get(a).employeeId());
    assertEquals("E2", m.get(b).employeeId());
  }

  @Test
  void unknownPeopleAndRowsWithoutIdentityAreNeverGuessed() {
    IdentityMatch stranger =
        one(new SourceIdentity("slack", "U9", "x@other.example.org", "Nobody Known"));
    assertEquals(MatchRule.UNMATCHED, stranger.rule());
    assertNull(stranger.employeeId());
    IdentityMatch unassigned = one(new SourceIdentity("servicenow", null, null, null));
    assertEquals(MatchRule.NO_IDENTITY, unassigned.rule());
    assertTrue(MatchRule.UNIQUE_NAME.matched() && !MatchRule.AMBIGUOUS.matched());
  }

  @Test
  void identityKeysPreferTheSourceIdThenEmailThenName() {
    assertEquals("slack:U1", new SourceIdentity("slack", "U1", "a@example.com", "A").key());
    assertEquals("a@example.com", new SourceIdentity("xapi", null, " A@Example.com", "A").key());
    assertEquals(
        "name:siobhan brennan", new SourceIdentity("jira", null, null, "Siobhán  Brennan").key());
    assertEquals("email", new SourceIdentity("xapi", null, "a@example.com", null).kind());
  }
}
