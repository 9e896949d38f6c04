package org.sociallearning.impact.identity;

/**
 * The outcome for one identity: the employee it resolved to (null unless matched), the rule that
 * decided and, for ambiguous and unmatched ones, why.
 */
public record IdentityMatch(String employeeId, MatchRule rule, String detail) {

  static IdentityMatch matched(String employeeId, MatchRule rule) {
    return new IdentityMatch(employeeId, rule, null);
  }

  static IdentityMatch unresolved(MatchRule rule, String detail) {
    return new IdentityMatch(null, rule, detail);
  }
}
