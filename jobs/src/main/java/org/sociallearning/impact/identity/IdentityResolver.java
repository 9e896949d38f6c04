package org.sociallearning.impact.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the identities of one source against the roster, rule by rule: email (exact, then
 * without plus-addressing and through domain aliases), then a configured id mapping, then a
 * normalised name unique on the roster and among the source's identities. The first email rule that
 * finds roster rows decides: one row matches, two or more are ambiguous, which only an explicit id
 * mapping overrides (a name never does). Nothing is guessed.
 */
public final class IdentityResolver {

  /** One roster row as resolution sees it. */
  public record RosterPerson(String employeeId, String email, String name) {}

  private final Map<String, Set<String>> byExactEmail = new HashMap<>();
  private final Map<String, Set<String>> byMailbox = new HashMap<>();
  private final Map<String, Set<String>> byName = new HashMap<>();
  private final Map<String, String> domainAliases;
  private final IdMappings mappings;

  public IdentityResolver(
      Collection<RosterPerson> roster, Map<String, String> domainAliases, IdMappings mappings) {
    this.domainAliases = Map.copyOf(domainAliases);
    this.mappings = mappings;
    for (RosterPerson p : roster) {
      if (p.employeeId() == null) {
        continue;
      }
      add(byExactEmail, EmailAddresses.exact(p.email()), p.employeeId());
      add(byMailbox, EmailAddresses.canonical(p.email(), domainAliases), p.employeeId());
      add(byName, PersonNames.normalise(p.name()), p.employeeId());
    }
  }

  private static void add(Map<String, Set<String>> index, String key, String employeeId) {
    if (key != null) {
      index.computeIfAbsent(key, k -> new TreeSet<>()).add(employeeId);
    }
  }

  /** The outcome for each identity; names count as unique only within {@code identities}. */
  public Map<SourceIdentity, IdentityMatch> resolve(Collection<SourceIdentity> identities) {
    Map<String, Set<String>> keysByName = new HashMap<>();
    for (SourceIdentity i : identities) {
      String name = PersonNames.normalise(i.name());
      if (name != null && i.key() != null) {
        keysByName.computeIfAbsent(name, k -> new TreeSet<>()).add(i.key());
      }
    }
    Map<SourceIdentity, IdentityMatch> out = new LinkedHashMap<>();
    for (SourceIdentity i : identities) {
      out.put(i, resolve(i, keysByName));
    }
    return out;
  }

  private IdentityMatch resolve(SourceIdentity identity, Map<String, Set<String>> keysByName) {
    if (identity.key() == null) {
      return IdentityMatch.unresolved(MatchRule.NO_IDENTITY, null);
    }
    IdentityMatch byEmail = byEmail(identity.email());
    if (byEmail != null && byEmail.rule().matched()) {
      return byEmail;
    }
    String mapped =
        mappings.employeeFor(
            identity.source(), identity.userId(), EmailAddresses.exact(identity.email()));
    if (mapped != null) {
      return IdentityMatch.matched(mapped, MatchRule.ID_MAPPING);
    }
    if (byEmail != null) {
      return byEmail;
    }
    String name = PersonNames.normalise(identity.name());
    if (name == null) {
      return IdentityMatch.unresolved(
          MatchRule.UNMATCHED,
          identity.email() == null
              ? "no email, mapping or name"
              : "email not on the roster, no mapping or name");
    }
    Set<String> onRoster = byName.getOrDefault(name, Set.of());
    int inSource = keysByName.getOrDefault(name, Set.of()).size();
    if (onRoster.isEmpty()) {
      return IdentityMatch.unresolved(
          MatchRule.UNMATCHED, "neither email, mapping nor name on the roster");
    }
    if (onRoster.size() > 1) {
      return IdentityMatch.unresolved(
          MatchRule.AMBIGUOUS, "name matches " + onRoster.size() + " roster rows");
    }
    if (inSource > 1) {
      return IdentityMatch.unresolved(
          MatchRule.AMBIGUOUS, "name shared by " + inSource + " identities in the source");
    }
    return IdentityMatch.matched(onRoster.iterator().next(), MatchRule.UNIQUE_NAME);
  }

  /** The email rules' outcome, or null when no roster row has the email in either form. */
  private IdentityMatch byEmail(String email) {
    Set<String> exact = byExactEmail.getOrDefault(EmailAddresses.exact(email), Set.of());
    if (exact.size() == 1) {
      return IdentityMatch.matched(exact.iterator().next(), MatchRule.EMAIL);
    }
    if (exact.size() > 1) {
      return IdentityMatch.unresolved(
          MatchRule.AMBIGUOUS, "email shared by " + exact.size() + " roster rows");
    }
    Set<String> mailbox =
        byMailbox.getOrDefault(EmailAddresses.canonical(email, domainAliases), Set.of());
    if (mailbox.size() == 1) {
      return IdentityMatch.matched(mailbox.iterator().next(), MatchRule.EMAIL_ALIAS);
    }
    if (mailbox.size() > 1) {
      return IdentityMatch.unresolved(
          MatchRule.AMBIGUOUS, "email alias matches " + mailbox.size() + " roster rows");
    }
    return null;
  }
}
