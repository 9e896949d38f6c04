package org.sociallearning.impact.identity;

/**
 * The identifying values one export row carries about a person, as exported: the source system
 * (e.g. slack), the person's id there, their email and display name; any may be null.
 */
public record SourceIdentity(String source, String userId, String email, String name) {

  /**
   * The key the identity is counted and pseudonymised by: {@code source:user id}, else the trimmed
   * lower-cased email, else {@code name:} and the normalised name; null when none.
   */
  public String key() {
    if (userId != null && !userId.isBlank()) {
      return source + ":" + userId.strip();
    }
    String exact = EmailAddresses.exact(email);
    if (exact != null) {
      return exact;
    }
    String normalised = PersonNames.normalise(name);
    return normalised == null ? null : "name:" + normalised;
  }

  /** {@code user_id}, {@code email} or {@code name}: the strongest value present. */
  public String kind() {
    if (userId != null && !userId.isBlank()) {
      return "user_id";
    }
    return EmailAddresses.exact(email) != null ? "email" : "name";
  }
}
